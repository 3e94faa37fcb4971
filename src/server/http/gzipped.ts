// A body that is ready in full, gzipped in one go on libuv's thread pool (zlib.gzip) rather than
// streamed through the compress middleware's CompressionStream chunk by chunk on the event loop. A
// pull page is megabytes, and while the event loop runs the next page's query (PGlite runs on it) a
// streamed body stalls between chunks; the thread pool also puts the work on the other core.
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';

export const gzipAsync = promisify(gzip);
/** Below this, gzip saves too little to be worth it (the compress middleware's own threshold). */
export const THRESHOLD_BYTES = 1024;

/** Whether the request takes gzip: named in Accept-Encoding (or `*`) and not with q=0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** JSON already gzipped (a kept pull page, sync/pullPageCache.ts), with its length. */
export function sendGzippedJson(c: Context, gzipped: Buffer, headers: Record<string, string>): Response {
  return c.body(new Uint8Array(gzipped), 200, {
    ...headers,
    'Content-Type': 'application/json',
    Vary: 'Accept-Encoding',
    'Content-Encoding': 'gzip',
    'Content-Length': String(gzipped.length),
  });
}

export async function gzippedJson(
  c: Context,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  if (body.length < THRESHOLD_BYTES || !acceptsGzip(c.req.header('Accept-Encoding'))) {
    // Its length said, so nothing after this gzips it again (compressAnswers.ts).
    return c.body(body, 200, {
      ...headers,
      'Content-Type': 'application/json',
      Vary: 'Accept-Encoding',
      'Content-Length': String(Buffer.byteLength(body)),
    });
  }
  return sendGzippedJson(c, await gzipAsync(body), headers);
}
