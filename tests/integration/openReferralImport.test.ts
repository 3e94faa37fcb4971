// The admins' ORUK API: taxonomy term mappings kept on the server, and feeds fetched from a URL by the
// server within its limits (http(s) only, size and time bounded, pages followed) — against a feed on a
// loopback server. Other roles are refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { fetchFeed } from '../../src/server/openReferral/fetchFeed.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { orukPage } from '../../src/domain/openReferral/exportServices.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const service = (number: number) => ({ id: `svc-${number}`, name: `Service ${number}`, status: 'active' });
const SERVICES = Array.from({ length: 5 }, (_, index) => service(index + 1));

/** A small ORUK feed: GET / details, /services in pages of 2, a slow path and a huge one. */
function feedServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const json = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/') return json({ version: 'HSDS-UK-3.0', profile: 'x', openapi_url: 'y' });
    if (url.pathname === '/services')
      return json(orukPage(SERVICES, Number(url.searchParams.get('page') ?? 1), 2));
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
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe.each(databaseKinds)('ORUK admin API on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let feed: { server: Server; base: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
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
    await expect(fetchFeed(`${feed.base}/huge`, limits)).rejects.toMatchObject({
      status: 422,
      code: 'feed_too_large',
    });
    await expect(fetchFeed(`${feed.base}/slow`, limits)).rejects.toMatchObject({
      status: 504,
      code: 'feed_timeout',
    });
    const capped = await fetchFeed(`${feed.base}/services`, limits);
    expect(capped).toMatchObject({ pages: 2, truncated: true });
    expect(capped.services).toHaveLength(4);
  });
});
