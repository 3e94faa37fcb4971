// `npm run bench:load`: many simulated devices against one server on PostgreSQL, on loopback.
//
// 1. A borough (LOAD_BOROUGH partners, a third as many contacts, half as many requests) and one duty
//    officer per device, each with a password of its own (so no two sign-ins share a computation); with
//    LOAD_COORDINATORS (0 to 1), that share of them parish coordinators instead (load/roster.ts), and
//    the results named load.council<percent>.* instead of load.*.
// 2. Sign-in burst: LOAD_SIGNINS devices sign in at the same moment, as the app does: the salt, then the
//    login with the proof each phone made of its password beforehand, on its own processor.
// 3. Stages of LOAD_DEVICES devices (e.g. 50,100,200,400): the new devices of a stage join over
//    LOAD_RAMP_SECONDS, their first pulls spread over that time as phones switched on through a morning
//    (LOAD_FIRST_PULL_AT_ONCE=1: all at the same moment instead, the worst case), then every device
//    pulls every ~5 s and pushes 1–3 changes every ~20 s (half of them edits of "hot" requests that
//    every device of its kind edits) for LOAD_STAGE_SECONDS, at most LOAD_MAX_REQUESTS requests in all. Each stage:
//    requests/s, p50/p95/p99 per route, 503 "busy" answers, errors, and the CPU the generator, the
//    server, PostgreSQL and the whole machine used (1.0 = one core all along). Stages stop once the p95
//    of pull or push passes 1 s.
// 4. Rate steps (LOAD_RATES, e.g. 100,200,300,400,600 requests/s, LOAD_RATE_SECONDS each): the devices
//    keep their mix, at an offered rate set by a clock (load/rateStage.ts), latency counted from each
//    request's due moment. Each step: offered and achieved requests/s, percentiles per route, 503s,
//    errors, CPU. The knee is the highest achieved rate with p95 ≤ 200 ms (pull and push); a rate also
//    stands for rate ÷ 0.25 devices of the device stages, which gives the device count where p95
//    passes 1 s when the device stages do not reach it. The steps run whatever the device stages found
//    (after an untimed catch-up) and stop once p95 passes 1 s.
// 5. At the end every device pulls once more; each must hold exactly what an admin pulls (a
//    coordinator: what another coordinator of the parish pulls), and every change the server
//    acknowledged must be in it.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL; writes load.* results into bench-results.json.
import { dropSchema } from '../support/testDatabase.ts';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { removeTempDirs, startServer } from '../browser/harness.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import { createUser, findUserByUsername, toUser } from '../../src/server/auth/users.ts';
import { pullPage } from '../../src/server/sync/pull.ts';
import type { PullResponse } from '../../src/domain/sync/sync.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { boroughArea, prepareBorough } from '../support/borough.ts';
import { printResults, round, saveResults, type BenchResult } from './measure.ts';
import { cpuMeter, RouteStats } from './load/routeStats.ts';
import { cpuLine, routeLine, stageResults, worstP95 } from './load/stageReport.ts';
import { SimulatedDevice } from './load/simulatedDevice.ts';
import { REQUESTS_PER_DEVICE_SECOND, runRateStep } from './load/rateStage.ts';
import {
  checkConvergence,
  differencesFromStored,
  recordDigest,
  type ConvergenceReport,
} from './load/convergence.ts';
import { coordinatedParishes, hotRequests, placesFor, planRoster } from './load/roster.ts';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const STAGES = (process.env.LOAD_DEVICES ?? '50,100,200,400').split(',').map(Number);
const STAGE_SECONDS = Number(process.env.LOAD_STAGE_SECONDS ?? 40);
const SIGN_INS = Number(process.env.LOAD_SIGNINS ?? 400);
const MAX_REQUESTS = Number(process.env.LOAD_MAX_REQUESTS ?? 100_000);
const BOROUGH_PARTNERS = Number(process.env.LOAD_BOROUGH ?? 1_500);
const RAMP_SECONDS = Number(process.env.LOAD_RAMP_SECONDS ?? 10);
const FIRST_PULL_AT_ONCE = process.env.LOAD_FIRST_PULL_AT_ONCE === '1';
const RATES = (process.env.LOAD_RATES ?? '100,200,300,400,600').split(',').filter(Boolean).map(Number);
const RATE_SECONDS = Number(process.env.LOAD_RATE_SECONDS ?? 20);
const SLOW_MS = 1_000;
const SERVER_NODE_ARGS = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const SERVER_DIR = process.env.LOAD_SERVER_DIR;
const KNEE_P95_MS = 200;
const COORDINATOR_SHARE = Number(process.env.LOAD_COORDINATORS ?? 0);
/** The results' names: load.* for duty officers only, load.council<percent>.* with coordinators. */
const RESULTS = COORDINATOR_SHARE > 0 ? `load.council${Math.round(COORDINATOR_SHARE * 100)}` : 'load';

const passwordOf = (i: number) => `load-device-password-${i}`;
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to 3 minutes) until /api/health says no pull is held back; the seconds it waited. */
async function waitUntilPullsFlow(serverUrl: string): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 180_000) {
    const health = (await (await fetch(`${serverUrl}/api/health`)).json()) as { pullsHeldBack: boolean };
    if (!health.pullsHeldBack) break;
    await sleep(500);
  }
  return round((performance.now() - start) / 1000, 1);
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

/** The admin's copy read from the database directly, as digests by key (the page reader's digest). */
async function storedCopy(databaseUrl: string, schema: string): Promise<Map<string, string>> {
  const db = await openDatabase({ databaseUrl, schema });
  try {
    const user = toUser((await findUserByUsername(db, admin.username))!);
    const stored = new Map<string, string>();
    let since: string | undefined;
    for (;;) {
      // As sent, unchecked, as the page readers read it (pageReaderWorker.ts), so the digests compare.
      const page = JSON.parse((await pullPage(db, user, since, 2_000)).body) as PullResponse;
      for (const change of page.changes)
        if (change.deleted) stored.delete(`${change.entity}:${change.id}`);
        else stored.set(`${change.entity}:${change.id}`, recordDigest(change.record));
      since = page.cursor;
      if (!page.hasMore) return stored;
    }
  } finally {
    await db.close();
  }
}

function mergedReports(...reports: ConvergenceReport[]): ConvergenceReport {
  return {
    diverged: reports.flatMap((report) => report.diverged),
    lost: reports.flatMap((report) => report.lost),
    acknowledged: reports.reduce((sum, report) => sum + report.acknowledged, 0),
  };
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
  const roster = planRoster(devicesNeeded, COORDINATOR_SHARE, area.parishes);
  const parishes = coordinatedParishes(roster);
  const coordinators = roster.filter((device) => device.parish).length;
  console.log(
    `load: creating ${devicesNeeded - coordinators} duty officers and ${coordinators} parish coordinators ` +
      `of ${parishes.length} parishes (one scrypt hash each)…`,
  );
  const db = await openDatabase({ databaseUrl, schema });
  await inBatches(
    Array.from({ length: devicesNeeded }, (_, i) => i),
    16,
    (i) =>
      createUser(db, {
        username: `load-${i}`,
        displayName: `Load device ${i}`,
        password: passwordOf(i),
        role: roster[i]!.role,
        parishCode: roster[i]!.parish?.code ?? null,
      }),
  );
  // Each parish's reference: a coordinator of it, whose pull at the end its devices must match.
  await inBatches(parishes, 16, (parish) =>
    createUser(db, {
      username: `load-ref-${parish.code}`,
      displayName: `Load reference ${parish.code}`,
      password: passwordOf(-1),
      role: 'parish_coordinator',
      parishCode: parish.code,
    }),
  );
  await db.close();

  const server = await startServer({
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
    },
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles": a profile of the server under load.
    nodeArgs: SERVER_NODE_ARGS,
    // Another checkout of the project (e.g. the code before a change), to compare in turns.
    ...(SERVER_DIR ? { repoRoot: SERVER_DIR } : {}),
  });
  console.log(`load: server from ${SERVER_DIR ?? 'this checkout'}`);
  const results: BenchResult[] = [];
  try {
    const wardCodes = area.wards.map((ward) => ward.code);
    const anywhere = { wardCodes, parishCode: null };
    // The admin device makes the hot requests everyone will edit, and reads the server at the end.
    const adminDevice = new SimulatedDevice('load-admin', server.url, new RouteStats(), [], anywhere);
    await adminDevice.signIn(admin.username, admin.password);
    const hot = hotRequests(parishes);
    await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminDevice.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'load-admin',
        mutations: hot.all.map((request) => ({
          id: crypto.randomUUID(),
          entity: 'request',
          recordId: request.id,
          hlc: `${String(Date.now()).padStart(15, '0')}-00000-load-admin`,
          changes: request,
          base: {},
        })),
      }),
    });
    const devices = roster.map(
      (role, i) =>
        new SimulatedDevice(
          `load-${i}`,
          server.url,
          new RouteStats(),
          hot.idsFor(role),
          placesFor(role, wardCodes),
          'hot',
        ),
    );
    const references = new Map(
      parishes.map((parish) => [
        parish.code,
        new SimulatedDevice(`load-ref-${parish.code}`, server.url, new RouteStats(), [], anywhere),
      ]),
    );
    for (const [code, reference] of references)
      if (!(await reference.signIn(`load-ref-${code}`, passwordOf(-1))))
        throw new Error(`load: the reference coordinator of ${code} could not sign in`);

    // The sign-in burst. Each phone has made its proof first, on its own processor (makeProof).
    const burstDevices = devices.slice(0, SIGN_INS);
    await Promise.all(burstDevices.map((device, i) => device.makeProof(`load-${i}`, passwordOf(i))));
    const signIns = new RouteStats();
    for (const device of devices) device.stats = signIns;
    const burstCpu = cpuMeter(server.pid);
    const burstStart = performance.now();
    await Promise.all(burstDevices.map((device, i) => device.signIn(`load-${i}`, passwordOf(i))));
    const burst = signIns.summary('login');
    console.log(
      `load: ${SIGN_INS} simultaneous sign-ins in ${round((performance.now() - burstStart) / 1000, 1)} s: ` +
        `${routeLine(signIns, 'login')}; of which the salt: ${routeLine(signIns, 'salt')}; ${cpuLine(burstCpu())}`,
    );
    results.push(
      { name: `${RESULTS}.signIn${SIGN_INS}.p50`, value: burst.p50, unit: 'ms' },
      { name: `${RESULTS}.signIn${SIGN_INS}.p95`, value: burst.p95, unit: 'ms' },
      { name: `${RESULTS}.signIn${SIGN_INS}.errors`, value: burst.errors, unit: 'count' },
    );

    const budget = { left: MAX_REQUESTS };
    let started = 0;
    let slowAtDevices: number | undefined;
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
      const until = Date.now() + (FIRST_PULL_AT_ONCE ? 0 : RAMP_SECONDS * 1000) + STAGE_SECONDS * 1000;
      const joining = fresh.map(async (device, i) => {
        // Spread evenly over the ramp: the i-th new device switches on at i / n of it.
        if (!FIRST_PULL_AT_ONCE) await sleep((i / fresh.length) * RAMP_SECONDS * 1000);
        await device.pullAll('pull.first');
        if (!FIRST_PULL_AT_ONCE) await device.run(until, budget);
      });
      const staying = devices.slice(0, started).map((device) => device.run(until, budget));
      if (FIRST_PULL_AT_ONCE) {
        await Promise.all(joining);
        await Promise.all(fresh.map((device) => device.run(until, budget)));
      } else await Promise.all(joining);
      await Promise.all(staying);
      started = count;
      const seconds = (performance.now() - stageStart) / 1000;
      const used = cpu();
      const perSecond = round(stats.samples.length / seconds, 1);
      console.log(
        `\nload: ${count} devices (${fresh.length} new, first pulls ${FIRST_PULL_AT_ONCE ? 'all at once' : `over ${RAMP_SECONDS} s`}), ${round(seconds, 1)} s, ${perSecond} requests/s, ${cpuLine(used)}`,
      );
      for (const route of ['pull.first', 'pull', 'push'] as const)
        console.log(`  ${routeLine(stats, route)}`);
      if (stats.failures.size > 0)
        console.log(`  no answer: ${JSON.stringify(Object.fromEntries(stats.failures))}`);
      results.push(
        { name: `${RESULTS}.${count}.requestsPerSecond`, value: perSecond, unit: 'req/s' },
        ...stageResults(`${RESULTS}.${count}`, stats, used),
      );
      if (worstP95(stats) > SLOW_MS) {
        slowAtDevices = count;
        break;
      }
      if (budget.left <= 0) break;
    }

    // Rate steps: the devices that have joined, at an offered rate set by a clock; first everyone
    // catches up (untimed), so no step is measuring first pulls left over from the device stages.
    const active = devices.slice(0, started);
    for (const device of active) device.stats = new RouteStats();
    await inBatches(active, 10, (device) => device.pullAll('pull'));
    let knee: number | undefined;
    let slowAtRate: number | undefined;
    for (const rate of RATES) {
      const step = await runRateStep(active, rate, RATE_SECONDS, server.pid);
      const worst = worstP95(step.stats);
      console.log(
        `\nload: rate step, ${active.length} devices, offered ${rate} requests/s (as ${Math.round(rate / REQUESTS_PER_DEVICE_SECOND)} devices), achieved ${step.achieved} in ${step.seconds} s, ${step.unsent} never sent, ${cpuLine(step.cpu)}`,
      );
      for (const route of ['pull', 'push'] as const) console.log(`  ${routeLine(step.stats, route)}`);
      if (step.stats.failures.size > 0)
        console.log(`  no answer: ${JSON.stringify(Object.fromEntries(step.stats.failures))}`);
      results.push(
        { name: `${RESULTS}.rate${rate}.achieved`, value: step.achieved, unit: 'req/s' },
        ...stageResults(`${RESULTS}.rate${rate}`, step.stats, step.cpu),
      );
      if (worst <= KNEE_P95_MS && step.unsent === 0) knee = Math.max(knee ?? 0, step.achieved);
      if (worst > SLOW_MS) {
        slowAtRate = rate;
        break;
      }
    }
    const slowDevices =
      slowAtDevices ?? (slowAtRate === undefined ? NaN : slowAtRate / REQUESTS_PER_DEVICE_SECOND);
    console.log(
      `\nload: knee (highest achieved rate with p95 ≤ ${KNEE_P95_MS} ms) ${knee ?? 'not reached'} requests/s; ` +
        `p95 passes 1 s at ${Number.isNaN(slowDevices) ? 'no stage run' : `${Math.round(slowDevices)} devices${slowAtDevices === undefined ? ` (the ${slowAtRate} requests/s step)` : ''}`}`,
    );
    results.push(
      { name: `${RESULTS}.knee.requestsPerSecond`, value: knee ?? NaN, unit: 'req/s' },
      { name: `${RESULTS}.p95Over1s.devices`, value: Math.round(slowDevices), unit: 'devices' },
    );

    // Everyone catches up; then each device must hold what the server holds. On a shared PostgreSQL a
    // transaction someone else left open holds every pull back (README, "When pulls are held back"):
    // wait until none is, or the check would compare copies of the past.
    const heldBackSeconds = await waitUntilPullsFlow(server.url);
    if (heldBackSeconds > 0)
      console.log(`\nload: pulls were held back by an open transaction for ${heldBackSeconds} s`);
    await inBatches(active, 25, (device) => device.catchUp());
    await adminDevice.catchUp();
    for (const reference of references.values()) await reference.catchUp();
    const report = mergedReports(
      checkConvergence(
        active.filter((_, i) => !roster[i]!.parish),
        adminDevice.records,
      ),
      ...[...references].map(([code, reference]) =>
        checkConvergence(
          active.filter((_, i) => roster[i]!.parish?.code === code),
          reference.records,
        ),
      ),
    );
    const notAsStored = differencesFromStored(adminDevice.records, await storedCopy(databaseUrl, schema));
    console.log(
      `\nload: ${active.length} devices, ${report.acknowledged} acknowledged changes: ` +
        `${report.diverged.length} devices differ from the server, ${report.lost.length} acknowledged changes missing, ` +
        `${notAsStored.length} records as sent differ from the database read directly`,
    );
    for (const line of [...report.diverged, ...report.lost, ...notAsStored].slice(0, 10))
      console.log(`  ${line}`);
    results.push(
      { name: `${RESULTS}.diverged`, value: report.diverged.length, unit: 'devices' },
      { name: `${RESULTS}.lostAcknowledged`, value: report.lost.length, unit: 'mutations' },
      { name: `${RESULTS}.sentNotAsStored`, value: notAsStored.length, unit: 'records' },
    );
  } finally {
    await server.stop();
    await removeTempDirs();
    await dropSchema(databaseUrl, schema);
  }
  printResults(results);
  saveResults(results);
  console.log(`\nWrote bench-results.json (nproc ${availableParallelism()})`);
}

await main();
