// Client input the HTTP layer must refuse with a clear 4xx, never a 500, on PGlite and PostgreSQL:
// NUL and broken surrogates in sign-in fields, bodies nested 10 000 deep, pull cursors beyond the
// range of their columns, and non-JSON content types (a cross-site text/plain POST needs no CORS
// preflight, so accepting it would let another site submit a sign-in); bodies that are not UTF-8 or
// are compressed.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aRequest, creating } from '../support/records.ts';
import type { HelpRequest } from '../../src/domain/entities/request.ts';

const duty = DEMO_USERS.find((user) => user.role === 'duty_officer')!;
const JSON_TYPE = { 'Content-Type': 'application/json' };

describe.each(databaseKinds)('input guards on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let token: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    const response = await login(JSON.stringify({ username: duty.username, password: duty.password }));
    token = ((await response.json()) as { token: string }).token;
  });
  afterAll(() => test.drop());

  const login = (body: string, headers: Record<string, string> = JSON_TYPE) =>
    app.request('/api/auth/login', { method: 'POST', body, headers });

  async function refusal(response: Response, status: number) {
    expect(response.status).toBe(status);
    return apiErrorSchema.parse(await response.json()).error;
  }

  it.each([
    ['a NUL in the username', '{"username":"duty\\u0000","password":"x"}', 'username'],
    ['a lone high surrogate in the username', '{"username":"\\ud800","password":"x"}', 'username'],
    ['a reversed pair in the username', '{"username":"a\\udc00\\ud800","password":"x"}', 'username'],
    ['a lone low surrogate in the password', '{"username":"duty","password":"\\udfff"}', 'password'],
    ['a NUL in the password', '{"username":"duty","password":"\\u0000"}', 'password'],
  ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
    const error = await refusal(await login(body), 400);
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(error.message).toContain(field);
  });

  it.each([
    ['a broken field name under __proto__', '{"__proto__":{"\\ud800":[]}}'],
    ['a NUL under __proto__', '{"__proto__":"\\u0000"}'],
  ])('names the field for %s so that a client reading the answer still sees it', async (_case, body) => {
    const error = await refusal(await login(body), 400);
    expect(Object.keys(error.fields ?? {})).toHaveLength(1);
    expect(error.message).toContain('__proto__');
  });

  it('refuses a body nested 10 000 deep with a 400 naming the field', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const error = await refusal(await login(`{"username":${deep},"password":"x"}`), 400);
    expect(error.message).toMatch(/deep/);
    expect(Object.keys(error.fields ?? {})[0]).toMatch(/^username\./);
  });

  it('leaves a deep or NUL-bearing mutation to push, which answers without a 5xx', async () => {
    // Push refuses such a mutation on its own and applies the rest of its batch (see push tests).
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const mutations of [deep, `[{"changes":{"name":"a\\u0000b"}}]`]) {
      const push = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { ...JSON_TYPE, Authorization: `Bearer ${token}` },
        body: `{"clientId":"deep","mutations":${mutations}}`,
      });
      expect(push.status).toBeLessThan(500);
    }
  });

  it.each(['99999999999999999999999.1', '1.9223372036854775808', '18446744073709551616.0'])(
    'refuses the pull cursor %s, beyond its columns, with a 400 naming since',
    async (since) => {
      const response = await app.request(`/api/sync/pull?since=${since}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const error = await refusal(response, 400);
      expect(Object.keys(error.fields ?? {})).toEqual(['since']);
    },
  );

  it('reads the largest cursor its columns hold, and tells the device to start again (it is past the log)', async () => {
    const response = await app.request('/api/sync/pull?since=9223372036854775807.9223372036854775807', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'sync_restart' } });
  });

  it('answers malformed percent-encoding in a query or path without a 5xx', async () => {
    const headers = { Authorization: `Bearer ${token}` };
    for (const path of [
      '/api/sync/pull?since=%E0%A4%A&limit=%',
      '/api/sync/pull?since=%00.1',
      '/api/%E0%A4%A',
    ]) {
      const response = await app.request(path, { headers });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      apiErrorSchema.parse(await response.json());
    }
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain;charset=UTF-8' }],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
    ['no content type', {}],
  ])('refuses a sign-in sent as %s with 415, even with the right password', async (_case, headers) => {
    const body = JSON.stringify({ username: duty.username, password: duty.password });
    const error = await refusal(await login(body, headers), 415);
    expect(error.code).toBe('unsupported_media_type');
  });

  async function push(body: unknown) {
    const response = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...JSON_TYPE, Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: { status: string; fields?: Record<string, string> }[] })
      .results[0]!;
  }
  const storedRequest = async (id: string) =>
    (await test.db.query<{ record: HelpRequest }>('SELECT record FROM requests WHERE id = $1', [id]))[0]
      ?.record;

  it('refuses a request with 100 000 needs (inside the body limit), naming the field, storing nothing', async () => {
    const request = aRequest({ needs: Array.from({ length: 100_000 }, () => 'food' as const) });
    const result = await push({ clientId: 'bounds', mutations: [creating('request', request)] });
    expect(result.status).toBe('rejected');
    expect(Object.keys(result.fields ?? {})).toContain('needs');
    expect(await storedRequest(request.id)).toBeUndefined();
  });

  it('stores a name without its bidi override and control characters', async () => {
    const request = aRequest({ forWhom: { name: 'Bob\u202Eevil\u0007', phone: null, households: null } });
    expect((await push({ clientId: 'text', mutations: [creating('request', request)] })).status).toBe(
      'applied',
    );
    expect((await storedRequest(request.id))?.forWhom.name).toBe('Bobevil');
  });

  it.each([
    ['GET', '/openreferral/services/'],
    ['GET', '/openreferral/nope'],
    ['GET', '/openreferral/services/x/y'],
    ['POST', '/openreferral/services'],
  ])('answers %s %s, not a feed route, with a JSON 404 (not the app page)', async (method, path) => {
    const error = await refusal(await app.request(path, { method }), 404);
    expect(error.code).toBe('not_found');
  });

  /** A new request whose name is written in `bytes` (a Latin-1 é is one byte, not UTF-8's two). */
  function requestIn(bytes: (text: string) => Uint8Array<ArrayBuffer>, name: string) {
    const request = aRequest({ forWhom: { name, phone: null, households: null } });
    const text = JSON.stringify({ clientId: 'encodings', mutations: [creating('request', request)] });
    return { request, body: bytes(text) };
  }
  const latin1 = (text: string) => Uint8Array.from(text, (letter) => letter.charCodeAt(0) & 0xff);
  const pushBytes = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) =>
    app.request('/api/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, ...headers },
      body,
    });

  it.each([
    ['JSON', 'application/json'],
    ['JSON that says it is Latin-1', 'application/json; charset=ISO-8859-1'],
  ])('refuses %s in Latin-1 bytes whole, storing nothing (not "Jos\ufffd")', async (_case, type) => {
    const { request, body } = requestIn(latin1, 'José');
    const error = await refusal(
      await pushBytes(body, { 'Content-Type': type }),
      type.includes('8859') ? 415 : 400,
    );
    expect(error.message).toMatch(/UTF-8/);
    expect(await storedRequest(request.id)).toBeUndefined();
  });

  it('refuses a gzipped body with 415 saying to send it uncompressed, storing nothing', async () => {
    const { request, body } = requestIn((text) => new Uint8Array(gzipSync(text)), 'José');
    const error = await refusal(
      await pushBytes(body, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
      415,
    );
    expect(error.code).toBe('unsupported_encoding');
    expect(await storedRequest(request.id)).toBeUndefined();
  });

  it('takes UTF-8 with or without a byte order mark', async () => {
    for (const bom of ['', '\ufeff']) {
      const { request, body } = requestIn((text) => new TextEncoder().encode(bom + text), 'José');
      const response = await pushBytes(body, { 'Content-Type': 'application/json; charset="UTF-8"' });
      expect(response.status).toBe(200);
      expect((await storedRequest(request.id))?.forWhom.name).toBe('José');
    }
  });

  it('accepts JSON with a charset', async () => {
    const body = JSON.stringify({ username: duty.username, password: duty.password });
    expect((await login(body, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});
