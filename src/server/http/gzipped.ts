// A body that is ready in full, gzipped in one go on libuv's thread pool (zlib.gzip) rather than
// streamed through the compress middleware's CompressionStream chunk by chunk on the event loop. A
// pull page is megabytes, and while the event loop runs the next page's query (PGlite runs on it) a
// streamed body stalls between chunks; the thread pool also puts the work on the other core.
//
// How hard gzip works depends on who the answer is for. An answer made for one request (a device's
// pull of what changed since its own cursor, a push's results) is gzipped fast: a duty officer's pull
// of 186 changed requests (243 kB of JSON) took 2.1–2.7 ms at zlib's default level and 0.67 ms at
// level 2, for 20.3 against 20.8 kB, and under load that was a tenth of the machine. A catch-up page
// (a full page of a first pull) is gzipped thoroughly: its wards' boundaries compress much better with
// the effort (a borough's first pull: 1.29 MB at the default level, 1.54 MB at level 2), and a phone on
// one bar waits for every byte. Pages kept for other devices are deflated once at the default level
// (sync/pullPageCache.ts).
import { constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);
export type GzipEffort = 'fast' | 'thorough';
const LEVELS: Record<GzipEffort, number> = { fast: 2, thorough: constants.Z_DEFAULT_COMPRESSION };

/** The body gzipped on libuv's thread pool, as hard as `effort` says. */
export function gzipBody(body: string | Buffer, effort: GzipEffort): Promise<Buffer> {
  return gzipAsync(body, { level: LEVELS[effort] });
}
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
  effort: GzipEffort,
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
  return sendGzippedJson(c, await gzipBody(body, effort), headers);
}
