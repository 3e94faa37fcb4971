// Gzip for the API's answers, in place of Hono's compress middleware, which gzipped every answer
// whose length it did not know — and an answer made by c.json never says its length — through a
// web CompressionStream on the event loop: a push's few hundred bytes of results, a pull with nothing
// new and every 401 paid for a gzip stream that saved nothing. Here an answer under the threshold is
// sent as it is (with its length), and a larger one is gzipped in one go on libuv's thread pool, as a
// pull page is (gzipped.ts), fast: each is made for one request. API answers are built in memory, so
// reading one whole is no extra wait.
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { acceptsGzip, gzipBody, THRESHOLD_BYTES } from './gzipped.ts';

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const length = res.headers.get('Content-Length');
    // The headers first: asking for the body makes @hono/node-server build a full web Response in
    // place of its light one, and a pull page is already gzipped and says its length.
    if (
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      (length !== null && Number(length) < THRESHOLD_BYTES) ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '') ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '') ||
      !res.body
    )
      return;
    const body = Buffer.from(await res.arrayBuffer());
    // Set on the answer's own headers: Hono copies them onto the answer that replaces it.
    const vary = res.headers.get('Vary');
    if (!vary || !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    let sent: Buffer = body;
    if (body.length >= THRESHOLD_BYTES && acceptsGzip(c.req.header('Accept-Encoding'))) {
      sent = await gzipBody(body, 'fast');
      res.headers.set('Content-Encoding', 'gzip');
    }
    res.headers.set('Content-Length', String(sent.length));
    c.res = new Response(new Uint8Array(sent), res);
  };
}
