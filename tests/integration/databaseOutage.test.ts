// PostgreSQL out of reach while the server runs (a restart, a failover, the network to it cut): every
// request is answered 503 "database_unavailable" with Retry-After, in plain words, so phones keep their
// changes and try again and a load balancer's health check takes the process out; never a 500 and a
// stack trace per request. When the database is back, so is the server, with no restart. Needs
// TEST_DATABASE_URL: the server reaches PostgreSQL through a relay this test can cut.
import { dropSchema } from '../support/testDatabase.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort, removeTempDirs, startServer, type RunningServer } from '../browser/harness.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, none taken) and restored. */
function relayTo(target: URL, port: number) {
  const open = new Set<Socket>();
  let listening: Server | undefined;
  const start = () =>
    new Promise<void>((resolve) => {
      listening = createServer((client) => {
        const upstream = createConnection(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          open.add(socket);
          socket.on('close', () => open.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      }).listen(port, '127.0.0.1', resolve);
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      listening?.close(() => resolve());
    });
  return { start, cut };
}

describe.skipIf(!databaseUrl)('the database out of reach while the server runs', () => {
  const schema = `outage_${randomBytes(5).toString('hex')}`;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
    await dropSchema(databaseUrl!, schema);
  });

  it('answers 503 in plain words meanwhile, and serves again once it is back', async () => {
    const target = new URL(databaseUrl!);
    const relayPort = await freePort();
    const relay = relayTo(target, relayPort);
    await relay.start();
    const viaRelay = new URL(databaseUrl!);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relayPort);
    server = await startServer({ env: { DATABASE_URL: viaRelay.href, DATABASE_SCHEMA: schema } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    await relay.cut();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(await health.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo-admin-2026' }),
    });
    expect(login.status).toBe(503);
    expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(
      /cannot reach its database just now\. Your changes are kept on this device/,
    );
    expect(server.output()).toMatch(/The database cannot be reached/);
    expect(server.output()).not.toMatch(/Unexpected error/);

    await relay.start();
    await expect
      .poll(async () => (await fetch(`${server!.url}/api/health`)).status, { timeout: 30_000 })
      .toBe(200);
    const again = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo-admin-2026' }),
    });
    expect(again.status).toBe(200);
  });
});
