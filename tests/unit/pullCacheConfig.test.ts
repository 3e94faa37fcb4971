// PULL_CACHE_MB: how much of the full pull pages' gzip a server process keeps; 0 turns the cache off,
// and anything that is not a whole number stops the server at start-up with the variable named. The
// other whole-number settings, read by the same function, still refuse 0. PULL_SEGMENTS_FROM: staff
// pulls a second from which shared segments are used, 0 for never.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.ts';

describe('pull page cache configuration', () => {
  it('keeps 64 MB by default, the size given, or none', () => {
    expect(readConfig({}).pullCacheMb).toBe(64);
    expect(readConfig({ PULL_CACHE_MB: '256' }).pullCacheMb).toBe(256);
    expect(readConfig({ PULL_CACHE_MB: '0' }).pullCacheMb).toBe(0);
  });

  it.each(['-1', '1.5', 'lots'])('refuses %s', (raw) => {
    expect(() => readConfig({ PULL_CACHE_MB: raw })).toThrow(ConfigError);
    expect(() => readConfig({ PULL_CACHE_MB: raw })).toThrow(/PULL_CACHE_MB must be a whole number/);
  });

  it('uses shared segments from 20 staff pulls a second by default, from the number given, or never', () => {
    expect(readConfig({}).pullSegmentsFrom).toBe(20);
    expect(readConfig({ PULL_SEGMENTS_FROM: '50' }).pullSegmentsFrom).toBe(50);
    expect(readConfig({ PULL_SEGMENTS_FROM: '0' }).pullSegmentsFrom).toBe(0);
    expect(() => readConfig({ PULL_SEGMENTS_FROM: 'often' })).toThrow(
      /PULL_SEGMENTS_FROM must be a whole number/,
    );
  });

  it('still refuses 0 where 0 means nothing, as for SESSION_DAYS', () => {
    expect(() => readConfig({ SESSION_DAYS: '0' })).toThrow(/SESSION_DAYS must be a positive whole number/);
  });
});
