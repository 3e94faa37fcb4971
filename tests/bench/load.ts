// `npm run bench:load`: many simulated devices against one server on PostgreSQL, on loopback.
//
// 1. A borough (LOAD_BOROUGH partners, a third as many contacts, half as many requests) and one duty
//    officer per device, each with a password of its own (so no two sign-ins share a computation).
// 2. Sign-in burst: LOAD_SIGNINS devices sign in at the same moment.
// 3. Stages of LOAD_DEVICES devices (e.g. 50,100,200,400): the new devices of a stage do their first
//    pull together, then every device pulls every ~5 s and pushes 1–3 changes every ~20 s (half of them
//    edits of 10 "hot" requests that every device edits) for LOAD_STAGE_SECONDS, at most
//    LOAD_MAX_REQUESTS requests in all. Each stage: requests/s, p50/p95/p99 per route, 503 "busy"
//    answers, errors, and the CPU the generator and the server used (1.0 = one core all along).
//    Stages stop once the p95 of pull or push passes 1 s: that device count is the knee.
// 4. At the end every device pulls once more; each must hold exactly what an admin pulls, and every
//    change the server acknowledged must be in it.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL; writes load.* results into bench-results.json.
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { removeTempDirs, startServer } from '../browser/harness.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import { createUser } from '../../src/server/auth/users.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { aRequest } from '../support/records.ts';
import { boroughArea, prepareBorough } from '../support/borough.ts';
import { printResults, round, saveResults, type BenchResult } from './measure.ts';
import { cpuMeter, RouteStats, type Route } from './load/routeStats.ts';
import { SimulatedDevice } from './load/simulatedDevice.ts';
import { checkConvergence } from './load/convergence.ts';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const STAGES = (process.env.LOAD_DEVICES ?? '50,100,200,400').split(',').map(Number);
const STAGE_SECONDS = Number(process.env.LOAD_STAGE_SECONDS ?? 40);
const SIGN_INS = Number(process.env.LOAD_SIGNINS ?? 400);
const MAX_REQUESTS = Number(process.env.LOAD_MAX_REQUESTS ?? 100_000);
const BOROUGH_PARTNERS = Number(process.env.LOAD_BOROUGH ?? 1_500);
const KNEE_MS = 1_000;
const HOT_REQUESTS = 10;

const passwordOf = (i: number) => `load-device-password-${i}`;
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

function routeLine(stats: RouteStats, route: Route): string {
  const s = stats.summary(route);
  return `${route.padEnd(10)} n=${String(s.count).padStart(6)}  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  503s ${s.busy}  errors ${s.errors} ${JSON.stringify(s.errorStatuses)}`;
}

async function main(): Promise<void> {
  if (!databaseUrl) {
    console.log('bench:load needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL.');
    return;
  }
  const devicesNeeded = Math.max(SIGN_INS, ...STAGES);
  const schema = `load_${randomBytes(5).toString('hex')}`;
  const area = boroughArea(false);
  await prepareBorough(
    { databaseUrl, schema },
    {
      partners: BOROUGH_PARTNERS,
      contacts: Math.round(BOROUGH_PARTNERS / 3),
      requests: BOROUGH_PARTNERS / 2,
    },
  );
  console.log(`load: creating ${devicesNeeded} duty officers (one scrypt hash each)…`);
  const db = await openDatabase({ databaseUrl, schema });
  await inBatches(
    Array.from({ length: devicesNeeded }, (_, i) => i),
    16,
    (i) =>
      createUser(db, {
        username: `load-${i}`,
        displayName: `Load device ${i}`,
        password: passwordOf(i),
        role: 'duty_officer',
        parishCode: null,
      }),
  );
  await db.close();

  const server = await startServer({ env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } });
  const results: BenchResult[] = [];
  try {
    const wardCodes = area.wards.map((ward) => ward.code);
    // The admin device makes the hot requests everyone will edit, and reads the server at the end.
    const adminDevice = new SimulatedDevice('load-admin', server.url, new RouteStats(), [], wardCodes);
    await adminDevice.signIn(admin.username, admin.password);
    const hot = Array.from({ length: HOT_REQUESTS }, () => aRequest());
    await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminDevice.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'load-admin',
        mutations: hot.map((request) => ({
          id: crypto.randomUUID(),
          entity: 'request',
          recordId: request.id,
          hlc: `${String(Date.now()).padStart(15, '0')}-00000-load-admin`,
          changes: request,
          base: {},
        })),
      }),
    });
    const hotIds = hot.map((request) => request.id);
    const devices = Array.from(
      { length: devicesNeeded },
      (_, i) => new SimulatedDevice(`load-${i}`, server.url, new RouteStats(), hotIds, wardCodes),
    );

    // The sign-in burst.
    const signIns = new RouteStats();
    for (const device of devices) device.stats = signIns;
    const burstStart = performance.now();
    await Promise.all(
      devices.slice(0, SIGN_INS).map((device, i) => device.signIn(`load-${i}`, passwordOf(i))),
    );
    const burst = signIns.summary('login');
    console.log(
      `load: ${SIGN_INS} simultaneous sign-ins in ${round((performance.now() - burstStart) / 1000, 1)} s: ` +
        routeLine(signIns, 'login'),
    );
    results.push(
      { name: `load.signIn${SIGN_INS}.p50`, value: burst.p50, unit: 'ms' },
      { name: `load.signIn${SIGN_INS}.p95`, value: burst.p95, unit: 'ms' },
      { name: `load.signIn${SIGN_INS}.errors`, value: burst.errors, unit: 'count' },
    );

    const budget = { left: MAX_REQUESTS };
    let started = 0;
    let knee: number | undefined;
    for (const count of STAGES) {
      const stats = new RouteStats();
      for (const device of devices) device.stats = stats;
      const fresh = devices.slice(started, count);
      await Promise.all(
        fresh.map((device, i) =>
          device.token ? true : device.signIn(`load-${started + i}`, passwordOf(started + i)),
        ),
      );
      const cpu = cpuMeter(server.pid);
      const stageStart = performance.now();
      await Promise.all(fresh.map((device) => device.pullAll('pull.first')));
      started = count;
      const until = Date.now() + STAGE_SECONDS * 1000;
      await Promise.all(devices.slice(0, count).map((device) => device.run(until, budget)));
      const seconds = (performance.now() - stageStart) / 1000;
      const used = cpu();
      const pull = stats.summary('pull');
      const push = stats.summary('push');
      const perSecond = round(stats.samples.length / seconds, 1);
      console.log(
        `\nload: ${count} devices, ${round(seconds, 1)} s, ${perSecond} requests/s, CPU generator ${used.generator} / server ${used.server} (cores: ${availableParallelism()})`,
      );
      for (const route of ['pull.first', 'pull', 'push'] as const)
        console.log(`  ${routeLine(stats, route)}`);
      results.push(
        { name: `load.${count}.requestsPerSecond`, value: perSecond, unit: 'req/s' },
        { name: `load.${count}.pull.p50`, value: pull.p50, unit: 'ms' },
        { name: `load.${count}.pull.p95`, value: pull.p95, unit: 'ms' },
        { name: `load.${count}.pull.p99`, value: pull.p99, unit: 'ms' },
        { name: `load.${count}.push.p50`, value: push.p50, unit: 'ms' },
        { name: `load.${count}.push.p95`, value: push.p95, unit: 'ms' },
        { name: `load.${count}.push.p99`, value: push.p99, unit: 'ms' },
        { name: `load.${count}.firstPull.p95`, value: stats.summary('pull.first').p95, unit: 'ms' },
        { name: `load.${count}.busy503`, value: push.busy, unit: 'count' },
        { name: `load.${count}.errors`, value: pull.errors + push.errors, unit: 'count' },
        { name: `load.${count}.cpu.generator`, value: used.generator, unit: 'cores' },
        { name: `load.${count}.cpu.server`, value: used.server, unit: 'cores' },
      );
      if (Math.max(pull.p95, push.p95) > KNEE_MS) {
        knee = count;
        break;
      }
      if (budget.left <= 0) break;
    }
    results.push({ name: 'load.p95Over1s.devices', value: knee ?? NaN, unit: 'devices' });

    // Everyone catches up; then each device must hold what the server holds.
    const active = devices.slice(0, started);
    await inBatches(active, 25, (device) => device.pullAll('pull'));
    await adminDevice.pullAll('pull');
    const report = checkConvergence(active, adminDevice.records);
    console.log(
      `\nload: ${active.length} devices, ${report.acknowledged} acknowledged changes: ` +
        `${report.diverged.length} devices differ from the server, ${report.lost.length} acknowledged changes missing`,
    );
    for (const line of [...report.diverged, ...report.lost].slice(0, 10)) console.log(`  ${line}`);
    results.push(
      { name: 'load.diverged', value: report.diverged.length, unit: 'devices' },
      { name: 'load.lostAcknowledged', value: report.lost.length, unit: 'mutations' },
    );
  } finally {
    await server.stop();
    await removeTempDirs();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
  printResults(results);
  saveResults(results);
  console.log(`\nWrote bench-results.json (nproc ${availableParallelism()})`);
}

await main();
