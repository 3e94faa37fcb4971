// What a real server process sends (src/server/main.ts under @hono/node-server, whose light request and
// answer objects the in-process tests never see): every kind of answer carries the security headers,
// answers are gzipped or sent with their length as compressAnswers.ts says, and a body over the limit
// is refused with 413, while a GET's body is never read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import { removeTempDirs, startServer, type RunningServer } from '../browser/harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { aRequest, creating } from '../support/records.ts';

const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over node:http, answers as sent on the wire (not unzipped). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // With its length, as a browser sends one (node:http sends a GET's body without it).
    const length =
      options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) };
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: { ...options.headers, ...length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    // A server refusing a body by its length answers before reading it and may close while the body
    // is still being written: the answer is what counts, so only a request with no answer fails.
    const noAnswer = setTimeout(() => reject(new Error(`no answer from ${url}`)), 20_000);
    request.on('response', () => clearTimeout(noAnswer));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    // The rest of such a body can fail to write after the answer has ended the request, when only
    // the socket is left to hear of it (an uncaught EPIPE on a busy machine).
    request.on('socket', (socket) => socket.on('error', () => undefined));
    request.end(options.body);
  });
}

function expectSecurityHeaders(answer: Answer): void {
  expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
  expect(answer.headers['permissions-policy']).toContain('geolocation=(self)');
}

describe('answers of a running server', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    const login = await send(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    token = (JSON.parse(login.body.toString()) as { token: string }).token;
  });

  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  const signedIn = (more: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...more });

  it('sends a pull page gzipped, with its length, its cursor and the security headers', async () => {
    const page = await send(`${server.url}/api/sync/pull?limit=50`, {
      headers: signedIn({ 'Accept-Encoding': 'gzip' }),
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(Number(page.headers['content-length'])).toBe(page.body.length);
    expect(page.headers['pull-cursor']).toMatch(/^\d+\.\d+$/);
    expect(page.headers['server-timing']).toMatch(/^app;dur=/);
    expectSecurityHeaders(page);
    expect((JSON.parse(gunzipSync(page.body).toString()) as { changes: unknown[] }).changes).toHaveLength(50);
  });

  it('sends a small answer as it is, with its length, and gzips a large one', async () => {
    const health = await send(`${server.url}/api/health`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(Number(health.headers['content-length'])).toBe(health.body.length);
    expectSecurityHeaders(health);

    const description = await send(`${server.url}/api/openapi.json`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(description.status).toBe(200);
    expect(description.headers['content-encoding']).toBe('gzip');
    expect(description.headers.vary).toContain('Accept-Encoding');
    expect(JSON.parse(gunzipSync(description.body).toString())).toHaveProperty('openapi');
    expectSecurityHeaders(description);
  });

  it('answers a push with its length, gzipped once it is big enough', async () => {
    const push = (count: number) =>
      send(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: signedIn({ 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' }),
        body: JSON.stringify({
          clientId: 'served-headers',
          mutations: Array.from({ length: count }, () => creating('request', aRequest())),
        }),
      });
    const small = await push(1);
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(Number(small.headers['content-length'])).toBe(small.body.length);
    expect(JSON.parse(small.body.toString())).toMatchObject({ results: [{ status: 'applied' }] });
    expectSecurityHeaders(small);

    const big = await push(40);
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(Number(big.headers['content-length'])).toBe(big.body.length);
    const { results } = JSON.parse(gunzipSync(big.body).toString()) as { results: { status: string }[] };
    expect(results.map((result) => result.status)).toEqual(Array(40).fill('applied'));
    expectSecurityHeaders(big);
  });

  it('sends the app page with the security headers and told to be checked each time', async () => {
    const page = await send(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toContain('Accept-Encoding');
    expectSecurityHeaders(page);
  });

  it('refuses a body over the limit with 413, and never reads a GET body', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const refused = await send(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: signedIn({ 'Content-Type': 'application/json' }),
      body: huge,
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: { code: 'too_large' } });
    expectSecurityHeaders(refused);

    const pulled = await send(`${server.url}/api/sync/pull?limit=1`, {
      headers: signedIn({ 'Content-Type': 'application/json' }),
      body: huge,
    });
    expect(pulled.status).toBe(200);

    const missing = await send(`${server.url}/api/no-such-thing`, { headers: signedIn() });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});
