// `npm run bench -- peer`: our sync side by side with PouchDB replication, in one run, as a fair fight.
//
// Same data: our server is filled with a borough (10k directory records — 7,000 partners and 3,000
// contacts — 2,000 requests, the wards and parishes); then everything it sends the admin in a first
// pull is loaded, record for record, into the PouchDB server ({ _id: "<entity>:<id>", entity, record }).
// Both clients check they end up holding that same number of records.
// Same machine and transport: both servers are Node processes on this machine, both answer over
// loopback HTTP/1.1 with gzip (ours: src/server/http/gzipped.ts; express-pouchdb's compression), both
// clients run in the same headless Chromium, a fresh profile each run, writing to IndexedDB (ours: the
// app's Dexie database and sync code; PouchDB: its browser bundle from node_modules with its
// "indexeddb" adapter).
// Same work: a first pull of everything; 100 partners renamed on the server, then pulled ("pull100");
// 100 partners renamed on the client, then pushed ("push100"). Both sides rename the same partners.
// Timing: in the page, around the sync call only (performance.now()). Bytes: every response body and
// header the page received during the first pull, as Chromium counted them on the wire (CDP
// encodedDataLength), gzip included.
// Floor: in each timed run, the same records written raw into a fresh IndexedDB in the same Chromium
// (indexedDbFloor.ts): what no first pull can beat. Each side's first pull over it is reported, so a
// sceptic sees how much of a first pull is IndexedDB's own work and how much the sync's.
// Runs: one warm-up run per side (untimed: a first pull and WARM_UP_ROUNDS rounds of pull100 and
// push100, for the servers' JIT and caches), then RUNS runs, ours and
// PouchDB's taking turns so that whatever else the machine does lands on both; medians reported.
// Ours twice when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server: on PGlite (the
// default, "ours") and on PostgreSQL ("ours.postgres", the same borough in its own schema). PostgreSQL
// is how a council runs the server; PGlite is PostgreSQL compiled to WebAssembly on one thread, so its
// figures are ours at a disadvantage. Neither is favoured against PouchDB: its server ("pouchdb")
// keeps everything in memory and stores nothing on disk, while both of ours commit every push to disk
// (PostgreSQL with fsync on) before answering. PouchDB is also run storing on disk, in LevelDB, its
// Node default ("pouchdb.leveldb"), as one would run it for real; LevelDB does not wait for the disk,
// so even that side promises less than ours.
import { dropSchema } from '../support/testDatabase.ts';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';
import {
  freePort,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  startServer,
  type RunningServer,
} from '../browser/harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { aMutation } from '../support/records.ts';
import { prepareBorough, pullEverything, type PulledRecord } from '../support/borough.ts';
import { percentile, round, type BenchResult } from './measure.ts';
import { postgresUrl } from './benchDatabase.ts';
import { timeRawWrites } from './indexedDbFloor.ts';
import './peer/peerPage.ts'; // window.peer's type

const RUNS = Number(process.env.PEER_RUNS ?? 3);
const ROUNDS = 5; // pull100 and push100 rounds in each timed run
/**
 * Untimed pull100 and push100 rounds in each side's warm-up run. A server process that has only just
 * started runs its push path uncompiled: measured on the tenth machine, our server worked 34 ms on
 * pushes 5–20 of a new process and 26 ms from the 30th on, once Node had compiled it. A council's
 * server runs for days, so the fair comparison is of warm servers; every side gets the same rounds.
 * Each round is two pushes of 100 to the server (the other device's renames, then the phone's): 20
 * rounds are 40, and use 4,000 of the 7,000 partners (every round renames partners of its own).
 */
const WARM_UP_ROUNDS = Number(process.env.PEER_WARM_UP_ROUNDS ?? 20);
const CHANGED = 100;
/** PouchDB's batch_size: 500 (its default is 100, slower over HTTP); PEER_POUCH_BATCH tries others. */
const POUCH_BATCH_SIZE = Number(process.env.PEER_POUCH_BATCH ?? 500);
const BOROUGH = { partners: 7_000, contacts: 3_000, requests: 2_000, realWards: true };

/**
 * Our servers without their pull page cache (src/server/sync/pullPageCache.ts): every run's first pull
 * asks for the same pages, which a server keeping them would hand out kept, and PouchDB's keeps none.
 */
const OURS_ENV = { PULL_CACHE_MB: '0' };

const admin = DEMO_USERS.find((user) => user.role === 'admin')!;
const PAGES_ROOT = fileURLToPath(new URL('./peer/', import.meta.url));

interface Side {
  name: 'ours' | 'ours.postgres' | 'pouchdb' | 'pouchdb.leveldb';
  pageUrl: string;
  /** The partners each round renames, by slices (the same on every side: the borough is the same). */
  partnerIds: string[];
  /** How many records a first pull must leave on the device. */
  expectedRecords: number;
  /** Another device renames these partners on the server. */
  renameOnServer(partnerIds: string[], name: string): Promise<void>;
}

interface RunResult {
  firstPull: number;
  bytes: number;
  pull100: number[];
  push100: number[];
  /** Ours only: of each push100, the request (send to last byte) and the server's work in it. */
  push100Request: number[];
  push100Server: number[];
}

async function buildPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: PAGES_ROOT,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: { ours: join(PAGES_ROOT, 'ours.html'), pouch: join(PAGES_ROOT, 'pouch.html') },
      },
    },
  });
}

async function api<T>(server: RunningServer, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** PouchDB's server, in memory, or storing in LevelDB in `folder`. */
async function startPouchServer(
  pagesDir: string,
  recordsFile: string,
  folder?: string,
): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./peer/pouchServer.ts', import.meta.url)),
      String(port),
      pagesDir,
      recordsFile,
      ...(folder ? [folder] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the PouchDB server stopped (${code})`)));
    child.stdout?.setEncoding('utf8').on('data', (line: string) => {
      if (line.includes('PouchDB server')) resolve();
    });
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Counts the bytes Chromium received on the wire for this page (responses: headers and bodies). */
async function countBytes(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  return { reset: () => (bytes = 0), read: () => bytes };
}

async function runSide(side: Side, run: number): Promise<RunResult> {
  const { partnerIds, expectedRecords } = side;
  const context = await launchBrowser(await makeTempDir(`peer-${side.name}-${run}`), { fullChromium: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(side.pageUrl);
    await page.waitForFunction(() => 'peer' in window);
    const bytes = await countBytes(context, page);
    await page.evaluate(({ username, password }) => window.peer.signIn(username, password), admin);

    bytes.reset();
    const first = await page.evaluate(() => window.peer.firstPull());
    await page.waitForTimeout(300); // the last loadingFinished events
    const result: RunResult = {
      firstPull: first.ms,
      bytes: bytes.read(),
      pull100: [],
      push100: [],
      push100Request: [],
      push100Server: [],
    };
    if (first.records !== expectedRecords)
      throw new Error(
        `${side.name}: first pull stored ${first.records} records, expected ${expectedRecords}`,
      );

    // Each round renames its own slice of partners, the same slice on both sides, never one renamed
    // before (a partner renamed again by the other device would also bring a conflict record).
    const rounds = run === 0 ? WARM_UP_ROUNDS : ROUNDS;
    const firstSlice = run === 0 ? 0 : 2 * WARM_UP_ROUNDS + (run - 1) * 2 * ROUNDS;
    if ((2 * WARM_UP_ROUNDS + 2 * RUNS * ROUNDS) * CHANGED > partnerIds.length)
      throw new Error(`${partnerIds.length} partners are too few for every round to rename its own`);
    const slice = (index: number) =>
      partnerIds.slice((firstSlice + index) * CHANGED, (firstSlice + index + 1) * CHANGED);
    for (let round_ = 0; round_ < rounds; round_ += 1) {
      await side.renameOnServer(slice(round_), `Renamed on the server ${run}.${round_}`);
      const pulled = await page.evaluate(() => window.peer.pullChanges());
      if (pulled.received !== CHANGED) throw new Error(`${side.name}: pulled ${pulled.received} changes`);
      result.pull100.push(pulled.ms);
    }
    for (let round_ = 0; round_ < rounds; round_ += 1) {
      const ids = slice(rounds + round_);
      const pushed = await page.evaluate(({ ids, name }) => window.peer.pushEdits(ids, name), {
        ids,
        name: `Renamed on the phone ${run}.${round_}`,
      });
      if (pushed.sent !== CHANGED) throw new Error(`${side.name}: pushed ${pushed.sent} changes`);
      result.push100.push(pushed.ms);
      if (pushed.requestMs !== undefined) result.push100Request.push(pushed.requestMs);
      if (pushed.serverMs !== undefined) result.push100Server.push(pushed.serverMs);
    }
    return result;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => percentile(values, 50);

/** The first pull's floor in this run: the same records written raw into IndexedDB (indexedDbFloor.ts). */
async function measureFloor(serverUrl: string, records: PulledRecord[], run: number): Promise<number> {
  const context = await launchBrowser(await makeTempDir(`peer-floor-${run}`), { fullChromium: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${serverUrl}/api/health`);
    return (await timeRawWrites(page, records)) * 1000;
  } finally {
    await context.close();
  }
}

/** Our server as a side: signed in as the admin, holding what its first pull hands out. */
async function ourSide(
  name: 'ours' | 'ours.postgres',
  server: RunningServer,
): Promise<{ side: Side; records: PulledRecord[] }> {
  const { token } = await api<{ token: string }>(server, '/api/auth/login', null, {
    username: admin.username,
    password: admin.password,
  });
  const records = await pullEverything(server.url, token);
  const side: Side = {
    name,
    pageUrl: `${server.url}/ours.html`,
    partnerIds: partnerIdsOf(records),
    expectedRecords: records.length,
    async renameOnServer(ids, newName) {
      const mutations = ids.map((id) => aMutation('partner', id, { name: newName }));
      await api(server, '/api/sync/push', token, { clientId: 'peer-bench-other-device', mutations });
      await untilPullsSeeIt(server);
    },
  };
  return { side, records };
}

/**
 * Waits (untimed) until pulls may hand out what was just written: on a PostgreSQL cluster shared with
 * other work, someone else's open transaction holds pulls back until it ends (see pullHorizon.ts).
 */
async function untilPullsSeeIt(server: RunningServer): Promise<void> {
  for (let tries = 0; tries < 600; tries += 1) {
    const { pullsHeldBack } = await api<{ pullsHeldBack: boolean }>(server, '/api/health', null);
    if (!pullsHeldBack) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('pulls were held back for a minute by a transaction elsewhere on the cluster');
}

const partnerIdsOf = (records: readonly PulledRecord[]) =>
  records
    .filter((r) => r.entity === 'partner')
    .map((r) => r.id)
    .sort();

/** PouchDB's server as a side: the same records, partners and renames as ours. */
function pouchSide(name: 'pouchdb' | 'pouchdb.leveldb', url: string, ours: Side): Side {
  return {
    name,
    pageUrl: `${url}/pouch.html?batch=${POUCH_BATCH_SIZE}`,
    partnerIds: ours.partnerIds,
    expectedRecords: ours.expectedRecords,
    async renameOnServer(ids, newName) {
      const db = `${url}/db/directory`;
      const headers = { 'Content-Type': 'application/json' };
      const { rows } = (await (
        await fetch(`${db}/_all_docs?include_docs=true`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ keys: ids.map((id) => `partner:${id}`) }),
        })
      ).json()) as { rows: { doc: { record: object } }[] };
      const docs = rows.map(({ doc }) => ({ ...doc, record: { ...doc.record, name: newName } }));
      const saved = await fetch(`${db}/_bulk_docs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ docs }),
      });
      if (!saved.ok) throw new Error(`PouchDB _bulk_docs: ${saved.status}`);
    },
  };
}

/** The same borough in a schema of its own on PostgreSQL, served by our server; dropped afterwards. */
async function startPostgresServer(pagesDir: string) {
  const schema = `bench_peer_${randomBytes(5).toString('hex')}`;
  await prepareBorough({ databaseUrl: postgresUrl!, schema }, BOROUGH);
  const server = await startServer({
    env: { ...OURS_ENV, DIST_DIR: pagesDir, DATABASE_URL: postgresUrl!, DATABASE_SCHEMA: schema },
  });
  const stop = async () => {
    await server.stop();
    await dropSchema(postgresUrl!, schema);
  };
  return { server, stop };
}

export async function benchPeer(): Promise<BenchResult[]> {
  const pagesDir = await makeTempDir('peer-pages');
  await buildPages(pagesDir);
  const dataDir = await makeTempDir('peer-data');
  await prepareBorough({ dataDir }, BOROUGH);
  const ourServer = await startServer({ dataDir, env: { ...OURS_ENV, DIST_DIR: pagesDir } });
  let pouchServer: { url: string; stop(): void } | undefined;
  let pouchOnDisk: { url: string; stop(): void } | undefined;
  let postgres: Awaited<ReturnType<typeof startPostgresServer>> | undefined;
  try {
    const { side: ours, records } = await ourSide('ours', ourServer);
    const recordsFile = join(dataDir, 'records.json');
    await writeFile(recordsFile, JSON.stringify(records));
    pouchServer = await startPouchServer(pagesDir, recordsFile);
    console.log(`peer: ${records.length} records (${ours.partnerIds.length} partners) on both servers`);
    const sides = [ours];
    if (postgresUrl) {
      postgres = await startPostgresServer(pagesDir);
      const onPostgres = (await ourSide('ours.postgres', postgres.server)).side;
      if (onPostgres.expectedRecords !== records.length)
        throw new Error(`PostgreSQL holds ${onPostgres.expectedRecords} records, PGlite ${records.length}`);
      sides.push(onPostgres);
    } else console.log('peer: no BENCH_DATABASE_URL or TEST_DATABASE_URL, so ours on PGlite only');

    sides.push(pouchSide('pouchdb', pouchServer.url, ours));
    pouchOnDisk = await startPouchServer(pagesDir, recordsFile, await makeTempDir('peer-leveldb'));
    sides.push(pouchSide('pouchdb.leveldb', pouchOnDisk.url, ours));

    const runs = new Map<Side['name'], RunResult[]>(sides.map((side) => [side.name, []]));
    const floors: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      if (run > 0) {
        floors.push(await measureFloor(ourServer.url, records, run));
        console.log(`peer: run ${run} floor (IndexedDB alone): ${round(floors.at(-1)! / 1000, 2)} s`);
      }
      for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
        const result = await runSide(side, run);
        console.log(
          `peer: ${run === 0 ? 'warm-up' : `run ${run}`} ${side.name}: first pull ${round(result.firstPull / 1000, 2)} s, ` +
            `${result.bytes} bytes; pull100 ${round(median(result.pull100))} ms; push100 ${round(median(result.push100))} ms` +
            (result.push100Server.length > 0
              ? ` (request ${round(median(result.push100Request))} ms, server ${round(median(result.push100Server))} ms)`
              : ''),
        );
        if (run > 0) runs.get(side.name)!.push(result);
      }
    }

    const floor = median(floors);
    const results: BenchResult[] = [
      { name: 'peer.firstPull.floor', value: round(floor / 1000, 2), unit: 's' },
    ];
    for (const [name, list] of runs) {
      const firstPull = median(list.map((r) => r.firstPull));
      results.push(
        { name: `peer.firstPull.${name}`, value: round(firstPull / 1000, 2), unit: 's' },
        { name: `peer.firstPull.overFloor.${name}`, value: round(firstPull / floor, 2), unit: '×' },
        {
          name: `peer.pull100.${name}`,
          value: round(median(list.flatMap((r) => r.pull100)) / 1000),
          unit: 's',
        },
        {
          name: `peer.push100.${name}`,
          value: round(median(list.flatMap((r) => r.push100)) / 1000),
          unit: 's',
        },
        { name: `peer.bytes.firstPull.${name}`, value: median(list.map((r) => r.bytes)), unit: 'bytes' },
      );
      const server = list.flatMap((r) => r.push100Server);
      if (server.length > 0)
        results.push(
          {
            name: `peer.push100.request.${name}`,
            value: round(median(list.flatMap((r) => r.push100Request)) / 1000),
            unit: 's',
          },
          { name: `peer.push100.server.${name}`, value: round(median(server) / 1000), unit: 's' },
        );
    }
    return results;
  } finally {
    pouchServer?.stop();
    pouchOnDisk?.stop();
    await postgres?.stop();
    await ourServer.stop();
    await removeTempDirs();
  }
}
