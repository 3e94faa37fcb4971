// Server-Timing on every API answer: how long the server worked on it, gzip included. The browser's
// devtools then split a slow request into the server's part and the network's, and so does the peer
// bench (tests/bench/peerBench.ts). It tells a client nothing it could not time itself.
import type { MiddlewareHandler } from 'hono';

export function serverTiming(): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    c.res.headers.set('Server-Timing', `app;dur=${(performance.now() - start).toFixed(1)}`);
  };
}
