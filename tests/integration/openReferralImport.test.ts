// The admins' ORUK API: taxonomy term mappings kept on the server, and feeds fetched from a URL by the
// server within its limits (http(s) only, public addresses only, size and time bounded, pages followed)
// — against a feed on a loopback server, reached as feed.test: the operator's allow-list names it, and
// a resolver given to the app (no DNS needed) says it is 127.0.0.1. Other roles are refused.
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { fetchFeed } from '../../src/server/openReferral/fetchFeed.ts';
import type { FeedAccess, ResolvedAddress } from '../../src/server/openReferral/feedAddress.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { orukPage } from '../../src/domain/openReferral/exportServices.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const service = (number: number) => ({ id: `svc-${number}`, name: `Service ${number}`, status: 'active' });
const SERVICES = Array.from({ length: 5 }, (_, index) => service(index + 1));

/** What the test resolver answers for each host name; any other name is not found. */
const HOSTS: Record<string, ResolvedAddress[]> = {
  'feed.test': [{ address: '127.0.0.1', family: 4 }],
  'rebind.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'mixed.test': [
    { address: '93.184.215.14', family: 4 },
    { address: '10.1.2.3', family: 4 },
  ],
  'mapped.test': [{ address: '::ffff:192.168.0.1', family: 6 }],
  'public.test': [{ address: '93.184.215.14', family: 4 }],
  localhost: [
    { address: '::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ],
};
const resolveHost = (hostname: string): Promise<ResolvedAddress[]> => {
  const found = HOSTS[hostname];
  return found ? Promise.resolve(found) : Promise.reject(new Error(`getaddrinfo ENOTFOUND ${hostname}`));
};
const ALLOW_FEED_TEST: FeedAccess = { allow: ['feed.test'], resolve: resolveHost };

/** Requests that reached the feed's /canary: a refused address must never be fetched. */
let canaryHits = 0;

/**
 * A small ORUK feed: GET / details, /services in pages of 2, a slow path and a huge one, and
 * /redirect?to=… answering 302 to wherever it is told.
 */
function feedServer(): Promise<{ server: Server; base: string; port: number }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/canary') canaryHits += 1;
    if (url.pathname === '/redirect')
      return void response.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    if (url.pathname === '/gzipped' || url.pathname === '/gzip-bomb') {
      const body =
        url.pathname === '/gzipped' ? orukPage(SERVICES, 1, 10) : [' '.repeat(1_000_000), service(1)];
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return void response.end(gzipSync(JSON.stringify(body)));
    }
    if (url.pathname === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    const json = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/') return json({ version: 'HSDS-UK-3.0', profile: 'x', openapi_url: 'y' });
    if (url.pathname === '/services')
      return json(orukPage(SERVICES, Number(url.searchParams.get('page') ?? 1), 2));
    if (url.pathname === '/with-bom') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void response.end(`\uFEFF${JSON.stringify(orukPage(SERVICES, 1, 10))}`);
    }
    if (url.pathname === '/same-page') {
      // Ignores ?page= but says it is the page asked for: the same two services every time.
      const asked = Number(url.searchParams.get('page') ?? 1);
      return json({ ...orukPage(SERVICES, 1, 2), page_number: asked });
    }
    if (url.pathname === '/unnumbered') {
      const { page_number: _number, ...page } = orukPage(
        SERVICES,
        Number(url.searchParams.get('page') ?? 1),
        2,
      );
      return json(page);
    }
    if (url.pathname === '/slow') return void setTimeout(() => json({}), 2000);
    if (url.pathname === '/huge') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const chunk = `${JSON.stringify(service(1))},`.repeat(1000);
      let sent = 0;
      const more = () => {
        if (sent++ > 200 || response.destroyed) return response.end('{}]');
        response.write(chunk, more);
      };
      return more();
    }
    if (url.pathname === '/page') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<html>not a feed</html>');
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ server, port, base: `http://feed.test:${port}` });
    }),
  );
}

describe.each(databaseKinds)('ORUK admin API on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let feed: { server: Server; base: string; port: number };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, {
      distDir: '/nonexistent',
      sessionDays: 1,
      orukFetchAllow: ['feed.test'],
      resolveHost,
    });
    feed = await feedServer();
    for (const user of DEMO_USERS) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      tokens[user.role] = ((await response.json()) as { token: string }).token;
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => feed.server.close(resolve));
    await test.drop();
  });

  const call = (role: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('keeps the admins term mappings, one per term whatever its case', async () => {
    expect(await (await call('admin', 'GET', '/api/openreferral/term-mappings')).json()).toEqual({
      mappings: [],
    });
    const mappings = [
      { term: 'Food Banks', capability: 'food' },
      { term: 'food banks', capability: 'food' },
      { term: 'Chess', capability: null },
    ];
    const saved = await call('admin', 'PUT', '/api/openreferral/term-mappings', { mappings });
    expect(saved.status).toBe(200);
    expect(await (await call('admin', 'GET', '/api/openreferral/term-mappings')).json()).toEqual({
      mappings: [
        { term: 'Chess', capability: null },
        { term: 'food banks', capability: 'food' },
      ],
    });
  });

  it('refuses a mapping to a need we do not have, naming the field, and stores nothing', async () => {
    const response = await call('admin', 'PUT', '/api/openreferral/term-mappings', {
      mappings: [{ term: 'Yoga', capability: 'yoga' }],
    });
    expect(response.status).toBe(400);
    const body = apiErrorSchema.parse(await response.json());
    expect(Object.keys(body.error.fields ?? {})).toEqual(['mappings.0.capability']);
    const held = (await (await call('admin', 'GET', '/api/openreferral/term-mappings')).json()) as {
      mappings: unknown[];
    };
    expect(held.mappings).toHaveLength(2);
  });

  it('keeps terms of other scripts apart, and refuses one term given two meanings, naming it', async () => {
    const mappings = [
      { term: '食物', capability: 'food' },
      { term: '住所', capability: 'shelter' },
      { term: 'Bwyd', capability: 'food' },
    ];
    expect((await call('admin', 'PUT', '/api/openreferral/term-mappings', { mappings })).status).toBe(200);
    const saved = (await (await call('admin', 'GET', '/api/openreferral/term-mappings')).json()) as {
      mappings: unknown[];
    };
    expect(saved.mappings).toEqual(expect.arrayContaining(mappings));
    expect(saved.mappings).toHaveLength(3);

    const twoMeanings = await call('admin', 'PUT', '/api/openreferral/term-mappings', {
      mappings: [
        { term: 'Foodbank', capability: 'food' },
        { term: '!!!', capability: 'food' },
        { term: 'FOODBANK', capability: 'bottled_water' },
      ],
    });
    expect(twoMeanings.status).toBe(400);
    expect(apiErrorSchema.parse(await twoMeanings.json()).error.fields).toEqual({
      'mappings.1.term': 'has no letters or digits to match a term by',
      'mappings.2.term': 'is the term of mappings.0 ("Foodbank") with another meaning: give it one',
    });
    const after = (await (await call('admin', 'GET', '/api/openreferral/term-mappings')).json()) as {
      mappings: unknown[];
    };
    expect(after.mappings).toHaveLength(3);
  });

  it('is for admins only', async () => {
    for (const role of ['duty_officer', 'parish_coordinator']) {
      expect((await call(role, 'GET', '/api/openreferral/term-mappings')).status).toBe(403);
      expect((await call(role, 'POST', '/api/openreferral/fetch', { url: feed.base })).status).toBe(403);
    }
  });

  it('fetches every page of a feed from its base address', async () => {
    const response = await call('admin', 'POST', '/api/openreferral/fetch', { url: `${feed.base}/` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { services: { id: string }[]; pages: number; truncated: boolean };
    expect(body.services.map((one) => one.id)).toEqual(SERVICES.map((one) => one.id));
    expect(body.pages).toBe(3);
    expect(body.truncated).toBe(false);
  });

  it('refuses addresses that are not http(s), and says what went wrong with a feed', async () => {
    const notHttp = await call('admin', 'POST', '/api/openreferral/fetch', { url: 'file:///etc/passwd' });
    expect(notHttp.status).toBe(400);
    expect(apiErrorSchema.parse(await notHttp.json()).error.fields).toHaveProperty('url');
    const missing = await call('admin', 'POST', '/api/openreferral/fetch', { url: `${feed.base}/nothing` });
    expect(missing.status).toBe(502);
    const html = await call('admin', 'POST', '/api/openreferral/fetch', { url: `${feed.base}/page` });
    expect(html.status).toBe(422);
    expect(apiErrorSchema.parse(await html.json()).error.code).toBe('feed_not_json');
  });

  it('stops a feed that is too large or too slow, and stops following pages at the limit', async () => {
    const limits = { maxBytes: 100_000, timeoutMs: 500, maxPages: 2 };
    await expect(fetchFeed(`${feed.base}/huge`, limits, ALLOW_FEED_TEST)).rejects.toMatchObject({
      status: 422,
      code: 'feed_too_large',
    });
    await expect(fetchFeed(`${feed.base}/slow`, limits, ALLOW_FEED_TEST)).rejects.toMatchObject({
      status: 504,
      code: 'feed_timeout',
    });
    // Counted as it unpacks: a small gzip that opens to a megabyte is too large.
    await expect(fetchFeed(`${feed.base}/gzip-bomb`, limits, ALLOW_FEED_TEST)).rejects.toMatchObject({
      status: 422,
      code: 'feed_too_large',
    });
    const gzipped = await fetchFeed(`${feed.base}/gzipped`, limits, ALLOW_FEED_TEST);
    expect(gzipped.services).toHaveLength(SERVICES.length);
    const capped = await fetchFeed(`${feed.base}/services`, limits, ALLOW_FEED_TEST);
    expect(capped).toMatchObject({ pages: 2, truncated: true });
    expect(capped.services).toHaveLength(4);
  });

  it('stops at a page that repeats services already read, follows pages that do not say their number, and reads a feed starting with a byte order mark', async () => {
    const repeating = await fetchFeed(`${feed.base}/same-page`, undefined, ALLOW_FEED_TEST);
    expect(repeating).toMatchObject({ pages: 1, truncated: true, repeatedPage: 2 });
    expect(repeating.services).toHaveLength(2);
    const withBom = await fetchFeed(`${feed.base}/with-bom`, undefined, ALLOW_FEED_TEST);
    expect(withBom.services).toHaveLength(SERVICES.length);
    const unnumbered = await fetchFeed(`${feed.base}/unnumbered`, undefined, ALLOW_FEED_TEST);
    expect(unnumbered).toMatchObject({ pages: 3, truncated: false, repeatedPage: null });
    expect(unnumbered.services.map((one) => (one as { id: string }).id)).toEqual(
      SERVICES.map((one) => one.id),
    );
  });

  it('refuses addresses inside the network, however written, naming the field url', async () => {
    const loopback = `http://127.0.0.1:${feed.port}`;
    const refused = [
      `${loopback}/canary`,
      'http://localhost/',
      'http://[::1]/',
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://[::]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
      // Host names that resolve inside: one address among public ones is enough to refuse.
      'http://rebind.test/',
      'http://metadata.test/',
      'http://mixed.test/',
      'http://mapped.test/',
      // Credentials, and ports other than the web's on a public host.
      `http://someone:secret@feed.test:${feed.port}/services`,
      'http://public.test:8080/',
      'https://public.test:22/',
      // Redirects from the allowed feed to places inside, each hop checked.
      `${feed.base}/redirect?to=${encodeURIComponent(`${loopback}/canary`)}`,
      `${feed.base}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
      `${feed.base}/redirect?to=${encodeURIComponent('http://localhost/canary')}`,
      `${feed.base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`,
    ];
    for (const url of refused) {
      const response = await call('admin', 'POST', '/api/openreferral/fetch', { url });
      const body = apiErrorSchema.parse(await response.json());
      expect({ url, status: response.status, code: body.error.code }).toEqual({
        url,
        status: 400,
        code: 'url_not_allowed',
      });
      expect(body.error.fields?.url, url).toBeTruthy();
      expect(body.error.message, url).toMatch(/\(url\)/);
    }
    expect(canaryHits).toBe(0);
  });

  it('caps redirects, and follows them to allowed places', async () => {
    const loop = await call('admin', 'POST', '/api/openreferral/fetch', { url: `${feed.base}/loop` });
    expect(loop.status).toBe(502);
    const moved = await call('admin', 'POST', '/api/openreferral/fetch', {
      url: `${feed.base}/redirect?to=%2Fservices`,
    });
    expect(moved.status).toBe(200);
  });

  it('lets through what the allow-list names: an address or a range, on any port', async () => {
    const services = `http://127.0.0.1:${feed.port}/services`;
    for (const allow of ['127.0.0.1', '127.0.0.0/8']) {
      const read = await fetchFeed(services, undefined, { allow: [allow], resolve: resolveHost });
      expect(read.services).toHaveLength(SERVICES.length);
    }
    await expect(
      fetchFeed(services, undefined, { allow: ['10.0.0.0/8'], resolve: resolveHost }),
    ).rejects.toMatchObject({ status: 400, code: 'url_not_allowed', fields: { url: expect.any(String) } });
  });
});
