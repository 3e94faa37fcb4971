// Several server processes on one PostgreSQL, as behind a load balancer: devices split between two
// servers push batches that all edit the same few requests, at the same time. Every batch is answered
// in the end (a 503 "busy" is retried with the same batch, as the app does), every device ends up
// holding exactly what the server holds, both servers give the same answer, and no acknowledged change
// is missing. The 503s met on the way are counted and printed. Needs TEST_DATABASE_URL.
import { dropSchema } from '../support/testDatabase.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { removeTempDirs, startServer, type RunningServer } from '../browser/harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { aRequest, creating } from '../support/records.ts';
import { RouteStats } from '../bench/load/routeStats.ts';
import { SimulatedDevice } from '../bench/load/simulatedDevice.ts';
import { checkConvergence } from '../bench/load/convergence.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const duty = DEMO_USERS.find((user) => user.role === 'duty_officer')!;
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;
const DEVICES = 8;
const ROUNDS = 6;
const BATCH = 3;

describe.skipIf(!databaseUrl)('several servers on one PostgreSQL', () => {
  const schema = `servers_${randomBytes(5).toString('hex')}`;
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await removeTempDirs();
    await dropSchema(databaseUrl!, schema);
  });

  it('keeps an idle connection open longer than a load balancer does (65 s, not Node’s 5 s)', async () => {
    const server = await startServer();
    try {
      const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
        http
          .get(`${server.url}/api/health`, { agent: new http.Agent({ keepAlive: true }) }, (answer) => {
            answer.resume();
            resolve(answer.headers['keep-alive']?.toString());
          })
          .on('error', reject);
      });
      expect(keepAlive).toBe('timeout=65');
    } finally {
      await server.stop();
    }
  });

  it('devices split between two servers, editing the same requests at once, all converge', async () => {
    const env = { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema };
    servers.push(await startServer({ env })); // migrates and seeds the demo borough
    servers.push(await startServer({ env }));
    const anywhere = { wardCodes: generateDemoArea().wards.map((ward) => ward.code), parishCode: null };
    const stats = new RouteStats();

    const hot = Array.from({ length: 4 }, () => aRequest());
    const adminA = new SimulatedDevice('admin-a', servers[0]!.url, stats, [], anywhere);
    const adminB = new SimulatedDevice('admin-b', servers[1]!.url, stats, [], anywhere);
    expect(await adminA.signIn(admin.username, admin.password)).toBe(true);
    expect(await adminB.signIn(admin.username, admin.password)).toBe(true);
    const made = await fetch(`${servers[0]!.url}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminA.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'admin-a',
        mutations: hot.map((request) => creating('request', request)),
      }),
    });
    expect(made.status).toBe(200);

    const devices = Array.from(
      { length: DEVICES },
      (_, i) =>
        new SimulatedDevice(
          `phone-${i}`,
          servers[i % servers.length]!.url,
          stats,
          hot.map((request) => request.id),
          anywhere,
        ),
    );
    for (const device of devices) expect(await device.signIn(duty.username, duty.password)).toBe(true);
    for (const device of devices) expect(await device.pullAll('pull.first')).toBe(true);

    // Every device pushes batches of edits to the same hot requests, all at once, pulling in between.
    let busy = 0;
    let unanswered = 0;
    await Promise.all(
      devices.map(async (device) => {
        for (let round = 0; round < ROUNDS; round += 1) {
          const outcome = await device.pushSome(BATCH, 1);
          busy += outcome.busy;
          if (!outcome.answered) unanswered += 1;
          await device.pullAll('pull');
        }
      }),
    );
    console.log(
      `several servers: ${DEVICES} devices on ${servers.length} servers, ${DEVICES * ROUNDS} batches of ` +
        `${BATCH} edits to ${hot.length} shared requests: ${busy} answers of 503 "busy", retried`,
    );
    expect(unanswered).toBe(0);

    for (const device of devices) expect(await device.catchUp()).toBe(true);
    expect(await adminA.catchUp()).toBe(true);
    expect(await adminB.catchUp()).toBe(true);
    // Both servers tell the same story…
    expect(checkConvergence([adminB], adminA.records).diverged).toEqual([]);
    // …every device holds it, and every acknowledged edit is in it.
    const report = checkConvergence(devices, adminA.records);
    expect(report.diverged).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.acknowledged).toBe(DEVICES * ROUNDS * BATCH);
  }, 300_000);
});
