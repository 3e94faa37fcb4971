// Pull pages are gzipped in one go (src/server/http/gzipped.ts): only for clients that take gzip, only
// when big enough to be worth it, and what arrives unzips to the body that was meant.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { acceptsGzip, gzipBody, gzippedJson } from '../../src/server/http/gzipped.ts';

describe('which clients take gzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['deflate, GZIP;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['deflate, br', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => expect(acceptsGzip(header)).toBe(expected));
});

describe('a JSON body sent gzipped', () => {
  const big = JSON.stringify({ changes: Array.from({ length: 500 }, (_, i) => ({ id: `r${i}` })) });
  const app = new Hono().get('/page', (c) =>
    gzippedJson(c, c.req.query('small') ? '{"changes":[]}' : big, { 'Pull-Cursor': '1.2' }, 'fast'),
  );

  it('is gzipped for a client that takes it, and unzips to the body', async () => {
    const response = await app.request('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Pull-Cursor')).toBe('1.2');
    expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    const zipped = Buffer.from(await response.arrayBuffer());
    expect(zipped.length).toBeLessThan(big.length);
    expect(gunzipSync(zipped).toString()).toBe(big);
  });

  it('is plain for a client that does not, or when it is small', async () => {
    const plain = await app.request('/page');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(big);
    const small = await app.request('/page?small=1', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(await small.json()).toEqual({ changes: [] });
  });
});

describe('how hard gzip works', () => {
  // A boundary's coordinates, as a first pull's wards carry them: they compress much better with effort.
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const boundary = JSON.stringify({
    coordinates: Array.from({ length: 20_000 }, () =>
      [0.52 + next() / 100, 51.27 + next() / 100].map((n) => +n.toFixed(6)),
    ),
  });

  it('works harder on a catch-up page than on an answer for one request, and both unzip to the body', async () => {
    const fast = await gzipBody(boundary, 'fast');
    const thorough = await gzipBody(boundary, 'thorough');
    expect(gunzipSync(fast).toString()).toBe(boundary);
    expect(gunzipSync(thorough).toString()).toBe(boundary);
    expect(thorough.length).toBeLessThan(fast.length);
  });
});
