// The HTTP API end to end (in process, through Hono's request()), on PGlite and on PostgreSQL:
// health, sign-in, refusal of bad input without a 500, the first pull of the seeded demo data, and
// which answers are gzipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { aRequest } from '../support/records.ts';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const demo = (role: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  return user;
};

describe.each(databaseKinds)('API on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  });
  afterAll(() => test.drop());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

  async function signIn(role: string): Promise<string> {
    const user = demo(role);
    const response = await post(
      '/api/auth/login',
      JSON.stringify({ username: user.username, password: user.password }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string };
    return body.token;
  }

  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    return body.error;
  }

  it('reports health with the database kind and version', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: kind,
      version: '0.1.0',
      // On PostgreSQL, other sessions on the cluster (other test runs) may hold a transaction open.
      oldestTransactionSeconds: kind === 'pglite' ? null : expect.any(Number),
      pullsHeldBack: kind === 'pglite' ? false : expect.any(Boolean),
    });
  });

  it('says in Server-Timing how long the server worked on each API answer, a refusal included', async () => {
    for (const response of [await app.request('/api/health'), await app.request('/api/auth/me')]) {
      const timing = /^app;dur=(\d+\.\d)$/.exec(response.headers.get('Server-Timing') ?? '');
      expect(timing, response.url).not.toBeNull();
      expect(Number(timing?.[1])).toBeGreaterThanOrEqual(0);
    }
  });

  it('sends a Content Security Policy that allows only the app own scripts', async () => {
    const response = await app.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a wrong password with 401 and a clear message', async () => {
    const response = await post('/api/auth/login', JSON.stringify({ username: 'admin', password: 'wrong' }));
    const error = await expectError(response, 401, 'unauthorized');
    expect(error.message).toMatch(/username and password do not match/);
  });

  it('refuses an unknown user exactly as a wrong password', async () => {
    const response = await post('/api/auth/login', JSON.stringify({ username: 'nobody', password: 'x' }));
    await expectError(response, 401, 'unauthorized');
  });

  it('refuses malformed JSON with 400', async () => {
    await expectError(await post('/api/auth/login', '{"username": '), 400, 'malformed_json');
  });

  it('names each missing field', async () => {
    const error = await expectError(await post('/api/auth/login', '{}'), 400, 'invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['username', 'password']);
  });

  it('refuses every other API route without a token, or with a bad one', async () => {
    await expectError(await app.request('/api/sync/pull'), 401, 'unauthorized');
    await expectError(
      await app.request('/api/sync/pull', { headers: { Authorization: 'Bearer not-a-token' } }),
      401,
      'unauthorized',
    );
  });

  it('signs out: the token stops working', async () => {
    const token = await signIn('duty_officer');
    const headers = { Authorization: `Bearer ${token}` };
    expect((await app.request('/api/auth/me', { headers })).status).toBe(200);
    expect((await post('/api/auth/logout', '', headers)).status).toBe(204);
    await expectError(await app.request('/api/auth/me', { headers }), 401, 'unauthorized');
  });

  it('gzips only answers big enough to gain from it, and says every answer length', async () => {
    const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };
    const headers = { ...gzip, Authorization: `Bearer ${await signIn('duty_officer')}` };
    // Small: a push's results, an empty pull, a refusal. Sent as they are, with their length.
    const request = aRequest();
    const pushed = await post(
      '/api/sync/push',
      JSON.stringify({
        clientId: 'gzip-test',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'request',
            recordId: request.id,
            hlc: `${String(Date.now()).padStart(15, '0')}-00000-gzip-test`,
            changes: request,
            base: {},
          },
        ],
      }),
      headers,
    );
    const first = await app.request('/api/sync/pull?limit=1000', { headers });
    let cursor = first.headers.get('Pull-Cursor');
    for (let more = first.headers.get('Pull-Has-More') === 'true'; more;) {
      const page = await app.request(`/api/sync/pull?limit=1000&since=${cursor}`, { headers });
      cursor = page.headers.get('Pull-Cursor');
      more = page.headers.get('Pull-Has-More') === 'true';
    }
    const empty = await app.request(`/api/sync/pull?since=${cursor}`, { headers });
    const refused = await app.request('/api/auth/me', { headers: gzip });
    for (const [small, status] of [
      [pushed, 200],
      [empty, 200],
      [refused, 401],
    ] as const) {
      expect(small.status).toBe(status);
      expect(small.headers.get('Content-Encoding')).toBeNull();
      const body = Buffer.from(await small.arrayBuffer());
      expect(small.headers.get('Content-Length')).toBe(String(body.length));
      expect(body.length).toBeLessThan(1024);
      JSON.parse(body.toString());
    }
    // Big: the whole first pull, and an answer made by c.json (the API description).
    for (const big of [first, await app.request('/api/openapi.json', { headers: gzip })]) {
      expect(big.status).toBe(200);
      expect(big.headers.get('Content-Encoding')).toBe('gzip');
      expect(big.headers.get('Vary')).toContain('Accept-Encoding');
      const zipped = Buffer.from(await big.arrayBuffer());
      expect(big.headers.get('Content-Length')).toBe(String(zipped.length));
      expect(JSON.parse(gunzipSync(zipped).toString())).toBeTypeOf('object');
    }
    // A client that takes no gzip gets the big answer plain.
    const plain = await app.request('/api/openapi.json');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.json()).toHaveProperty('openapi');
  });

  it('answers 404 in JSON for an unknown API route, and 400 for a bad cursor', async () => {
    const headers = { Authorization: `Bearer ${await signIn('admin')}` };
    await expectError(await app.request('/api/nothing-here', { headers }), 404, 'not_found');
    const error = await expectError(
      await app.request('/api/sync/pull?since=abc', { headers }),
      400,
      'invalid',
    );
    expect(error.fields).toHaveProperty('since');
    await expectError(await app.request('/api/sync/pull?limit=0', { headers }), 400, 'invalid');
  });

  it('pulls the whole demo directory in pages, and then nothing new', async () => {
    const headers = { Authorization: `Bearer ${await signIn('duty_officer')}` };
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    let pages = 0;
    let total = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: '50', ...(cursor ? { since: cursor } : {}) });
      const response = await app.request(`/api/sync/pull?${query}`, { headers });
      expect(response.status).toBe(200);
      const page = pullResponseSchema.parse(await response.json());
      if (pages === 0) total = page.total;
      pages += 1;
      for (const change of page.changes) seen.set(change.entity, (seen.get(change.entity) ?? 0) + 1);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThan(3);
    const received = [...seen.values()].reduce((sum, n) => sum + n, 0);
    expect(received).toBe(total);
    expect(seen.get('ward')).toBeGreaterThanOrEqual(10);
    expect(seen.get('partner')).toBeGreaterThanOrEqual(100);
    expect(seen.get('contact')).toBeGreaterThanOrEqual(40);

    const again = pullResponseSchema.parse(
      await (await app.request(`/api/sync/pull?since=${cursor}`, { headers })).json(),
    );
    expect(again.changes).toEqual([]);
    expect(again.cursor).toBe(cursor);
  });

  it('gives a parish coordinator only their own parish restricted contacts', async () => {
    const coordinator = demo('parish_coordinator');
    const headers = { Authorization: `Bearer ${await signIn('parish_coordinator')}` };
    const page = pullResponseSchema.parse(
      await (await app.request('/api/sync/pull?limit=2000', { headers })).json(),
    );
    const contacts = page.changes.flatMap((change) =>
      change.entity === 'contact' && !change.deleted ? [change.record] : [],
    );
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.some((contact) => contact.visibility === 'restricted')).toBe(true);
    for (const contact of contacts) {
      if (contact.visibility === 'restricted') expect(contact.parishCode).toBe(coordinator.parishCode);
    }
    // the restricted contacts of other parishes do not reach the coordinator at all, not even their ids
    const pulledIds = new Set(page.changes.map((change) => change.id));
    expect(page.total).toBe(page.changes.length);
    const officerPage = pullResponseSchema.parse(
      await (
        await app.request('/api/sync/pull?limit=2000', {
          headers: { Authorization: `Bearer ${await signIn('duty_officer')}` },
        })
      ).json(),
    );
    const otherRestricted = officerPage.changes.flatMap((change) =>
      change.entity === 'contact' &&
      !change.deleted &&
      change.record.visibility === 'restricted' &&
      change.record.parishCode !== coordinator.parishCode
        ? [change.record]
        : [],
    );
    expect(otherRestricted.length).toBeGreaterThan(0);
    for (const contact of otherRestricted) expect(pulledIds.has(contact.id)).toBe(false);
    expect(officerPage.total).toBeGreaterThan(page.total);
  });

  it('seeding twice doubles nothing', async () => {
    const before = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM partners');
    const report = await seedDemo(test.db);
    const after = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM partners');
    expect(report).toEqual({ area: false, users: false });
    expect(after).toEqual(before);
  });
});
