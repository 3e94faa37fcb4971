// The Content Security Policy: only the app's own scripts, and images from the tile server only when
// one is configured.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileOrigin } from '../../src/server/http/securityHeaders.ts';

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
