// The Content Security Policy: only the app's own scripts, and images from the tile server only when
// one is configured.
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { contentSecurityPolicy, securityHeaders, tileOrigin } from '../../src/server/http/securityHeaders.ts';

describe('content security policy', () => {
  it('allows scripts from the app itself only', () => {
    const policy = contentSecurityPolicy(null);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("img-src 'self' data: blob:;");
  });

  it('lets map tiles come from the configured tile server, subdomains included', () => {
    expect(tileOrigin('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org');
    const policy = contentSecurityPolicy('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(policy).toContain("img-src 'self' data: blob: https://tiles.example.org");
    expect(policy).toContain("connect-src 'self' https://tiles.example.org");
  });
});

describe('transport and permissions headers', () => {
  async function headersFor(url: string, trustProxy: number, headers: Record<string, string> = {}) {
    const app = new Hono().use('*', securityHeaders(null, trustProxy)).get('*', (c) => c.text('ok'));
    return (await app.request(url, { headers })).headers;
  }

  it('lets Find help use location and switches off the camera, microphone and the like', async () => {
    const policy = (await headersFor('http://hub.example.org/', 0)).get('permissions-policy') ?? '';
    expect(policy).toContain('geolocation=(self)');
    for (const feature of ['camera', 'microphone', 'payment', 'usb'])
      expect(policy).toContain(`${feature}=()`);
  });

  it('sends Strict-Transport-Security over HTTPS only', async () => {
    expect((await headersFor('https://hub.example.org/', 0)).get('strict-transport-security')).toBe(
      'max-age=31536000',
    );
    expect((await headersFor('http://hub.example.org/', 0)).has('strict-transport-security')).toBe(false);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const viaProxy = { 'X-Forwarded-Proto': 'https' };
    expect((await headersFor('http://hub.example.org/', 0, viaProxy)).has('strict-transport-security')).toBe(
      false,
    );
    expect((await headersFor('http://hub.example.org/', 1, viaProxy)).has('strict-transport-security')).toBe(
      true,
    );
  });
});
