// TILE_URL and TILE_ATTRIBUTION: no tiles unless set; a set URL must be http(s) and name {z}, {x} and {y},
// so a typo fails at start-up with a plain message instead of every tile being the same picture.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.ts';

describe('tile server configuration', () => {
  it('has no tiles by default', () => {
    const config = readConfig({});
    expect(config.tileUrl).toBeNull();
    expect(config.tileAttribution).toBeNull();
  });

  it('takes a tile URL template and its credit', () => {
    const config = readConfig({
      TILE_URL: ' https://tiles.example.org/{z}/{x}/{y}.png ',
      TILE_ATTRIBUTION: '© Example Maps',
    });
    expect(config.tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(config.tileAttribution).toBe('© Example Maps');
  });

  it.each([
    'tiles.example.org/{z}/{x}/{y}.png',
    'https://tiles.example.org/{z}/{x}.png',
    'ftp://x/{z}/{x}/{y}',
  ])('refuses %s', (url) => {
    expect(() => readConfig({ TILE_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ TILE_URL: url })).toThrow(
      /TILE_URL must be an http\(s\) URL containing \{z\}, \{x\} and \{y\}/,
    );
  });
});
