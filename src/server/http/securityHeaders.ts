// Security headers for every answer: a Content Security Policy that lets the app load only its own
// scripts (a second line of defence behind escaping, should a partner's name ever carry markup), and
// the usual hardening. The tile server, when configured, is the one other origin images may come from.
// Browser features the app does not use are switched off; location stays on for Find help. Over
// HTTPS the browser is told to use nothing else from now on (Strict-Transport-Security).
import type { MiddlewareHandler } from 'hono';
import { arrivedOverHttps } from './clientAddress.ts';

/** Find help may use the device's location; nothing may use the camera, microphone and the like. */
export const PERMISSIONS_POLICY = [
  'geolocation=(self)',
  'camera=()',
  'microphone=()',
  'display-capture=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

/** A year; no includeSubDomains, since a council's other sites on its domain are not ours to decide. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

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

/** `trustProxy`: how many reverse proxies' X-Forwarded-Proto to believe (see clientAddress.ts). */
export function securityHeaders(tileUrl: string | null, trustProxy = 0): MiddlewareHandler {
  const policy = contentSecurityPolicy(tileUrl);
  return async (c, next) => {
    await next();
    // On the answer's own headers: c.header() after the answer is made rebuilds it, and under
    // @hono/node-server that turns its light answer into a full web Response, on every request.
    const headers = c.res.headers;
    if (arrivedOverHttps(c, trustProxy)) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    headers.set('Permissions-Policy', PERMISSIONS_POLICY);
    headers.set('Content-Security-Policy', policy);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
  };
}
