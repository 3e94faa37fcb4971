// Security headers for every answer: a Content Security Policy that lets the app load only its own
// scripts (a second line of defence behind escaping, should a partner's name ever carry markup), and
// the usual hardening. The tile server, when configured, is the one other origin images may come from.
import type { MiddlewareHandler } from 'hono';

/** The origin a tile URL template points at, with {s} subdomains as a wildcard. */
export function tileOrigin(tileUrl: string | null): string | null {
  if (!tileUrl) return null;
  const match = /^(https?:\/\/[^/]+)/.exec(tileUrl.replace('{s}', '*'));
  return match?.[1] ?? null;
}

export function contentSecurityPolicy(tileUrl: string | null): string {
  const tiles = tileOrigin(tileUrl);
  const extra = tiles ? ` ${tiles}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Leaflet and React set element styles from script; no style is taken from the page's data.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    // The service worker fetches (and caches) map tiles itself.
    `connect-src 'self'${extra}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(tileUrl: string | null): MiddlewareHandler {
  const policy = contentSecurityPolicy(tileUrl);
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', policy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  };
}
