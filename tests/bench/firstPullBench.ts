// sync.firstPull.<size>: seconds for a first full pull of a borough into a fresh phone's IndexedDB in
// Chromium, from pressing "Sign in" to "Last synced" (the app as a person uses it), median of 3 runs.
// Sizes: 1k, 10k and 25k records; the 25k borough has Maidstone's real ward boundaries (when
// ../shared/data is there), 4,000 partners, 1,000 contacts and 20,000 requests.
// sync.firstPull.floor.25k: in the same run and the same Chromium, the same 25k rows written straight
// into IndexedDB (one object store per entity, one transaction, no sync, no validation): what no first
// pull can beat. sync.firstPull.ratio.25k = first pull / floor. With BENCH_DATABASE_URL or
// TEST_DATABASE_URL, the 25k borough again served from PostgreSQL (sync.firstPull.25k.postgres, its floor, ratio).
// sync.firstPull.25k.logged: the 25k borough with its requests as logged on phones, every field's clock
// stamp sent with it (the seeded borough's carry none), and what its first pull weighs on the wire.
import { dropSchema } from '../support/testDatabase.ts';
import { performance } from 'node:perf_hooks';
import { get, type IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { launchBrowser, makeTempDir, removeTempDirs, startServer } from '../browser/harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { prepareBorough, pullEverything, type BoroughSize } from '../support/borough.ts';
import { percentile, round, type BenchResult } from './measure.ts';
import { timeRawWrites } from './indexedDbFloor.ts';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../src/domain/sync/sync.ts';

const SIZES: [string, BoroughSize][] = [
  ['1k', { partners: 500, contacts: 300, requests: 200, realWards: true }],
  ['10k', { partners: 3_000, contacts: 1_000, requests: 6_000, realWards: true }],
  ['25k', { partners: 4_000, contacts: 1_000, requests: 20_000, realWards: true }],
  // The same, its requests as logged on phones (each field's clock stamp with it, as a real borough's).
  [
    '25k.logged',
    { partners: 4_000, contacts: 1_000, requests: 20_000, realWards: true, loggedOnPhones: true },
  ],
];
const RUNS = 3;
/** The app's page size for a first pull (src/app/sync/pull.ts). */
const PULL_PAGE_SIZE = 2000;
/** FIRST_PULL_SIZES=25k,25k.postgres measures only those (while working on one size). */
const onlySizes = process.env.FIRST_PULL_SIZES?.split(',');
const wantSize = (label: string) => onlySizes === undefined || onlySizes.includes(label);
const duty = DEMO_USERS.find((user) => user.role === 'duty_officer')!;

/** Seconds from "Sign in" to "Last synced" on a fresh profile. */
async function timeFirstPull(serverUrl: string, run: number): Promise<number> {
  const context = await launchBrowser(await makeTempDir(`bench-profile-${run}`), { fullChromium: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(serverUrl);
    await page.getByLabel('Username').fill(duty.username);
    await page.getByLabel('Password').fill(duty.password);
    const start = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Last synced/).waitFor({ timeout: 180_000 });
    return (performance.now() - start) / 1000;
  } finally {
    await context.close();
  }
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function signInAsDuty(serverUrl: string): Promise<string> {
  const login = (await (
    await fetch(`${serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: duty.username, password: duty.password }),
    })
  ).json()) as { token: string };
  return login.token;
}

/** Bytes of a whole first pull on the wire, gzipped as the server sends it, in the app's page size. */
async function firstPullBytes(serverUrl: string): Promise<number> {
  const token = await signInAsDuty(serverUrl);
  let bytes = 0;
  let since = '';
  for (;;) {
    const { body, headers } = await new Promise<{ body: Buffer; headers: IncomingHttpHeaders }>(
      (resolve, reject) =>
        get(
          `${serverUrl}/api/sync/pull?limit=${PULL_PAGE_SIZE}${since}`,
          { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ body: Buffer.concat(chunks), headers: response.headers }));
            response.on('error', reject);
          },
        ).on('error', reject),
    );
    bytes += body.length;
    if (headers[PULL_HAS_MORE_HEADER.toLowerCase()] !== 'true') return bytes;
    since = `&since=${String(headers[PULL_CURSOR_HEADER.toLowerCase()])}`;
  }
}

/** The floor: the same rows as the first pull delivered, written raw into IndexedDB, median of RUNS. */
async function measureFloor(serverUrl: string): Promise<number> {
  const records = await pullEverything(serverUrl, await signInAsDuty(serverUrl));
  const context = await launchBrowser(await makeTempDir('bench-floor'), { fullChromium: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${serverUrl}/api/health`);
    const floors: number[] = [];
    for (let run = 0; run < RUNS; run += 1) floors.push(await timeRawWrites(page, records));
    console.log(`firstPull floor (${records.length} rows): ${floors.map((s) => round(s, 2)).join(', ')} s`);
    return percentile(floors, 50);
  } finally {
    await context.close();
  }
}

/** Median first pull of a borough of `size`, on PGlite or (with a URL) PostgreSQL; with its floor. */
async function measureSize(label: string, size: BoroughSize, withFloor: boolean): Promise<BenchResult[]> {
  const schema = `bench_pull_${randomBytes(5).toString('hex')}`;
  const dataDir = await makeTempDir(`bench-first-pull-${label}`);
  const onPostgres = label.endsWith('.postgres');
  const where = onPostgres ? { databaseUrl: postgresUrl!, schema } : { dataDir };
  const { source } = await prepareBorough(where, size);
  // Without the pull page cache: every run pulls the same unchanged borough, and from the second run on
  // a server keeping pages would hand them out kept. This measures the first device, the harder case.
  const server = await startServer({
    dataDir,
    env: {
      PULL_CACHE_MB: '0',
      ...(onPostgres ? { DATABASE_URL: postgresUrl!, DATABASE_SCHEMA: schema } : {}),
    },
  });
  try {
    const pulls: number[] = [];
    for (let run = 0; run < RUNS; run += 1) pulls.push(await timeFirstPull(server.url, run));
    const pull = percentile(pulls, 50);
    console.log(`firstPull ${label} (${source}): ${pulls.map((s) => round(s, 2)).join(', ')} s`);
    const results = [{ name: `sync.firstPull.${label}`, value: round(pull, 2), unit: 's' }];
    if (label.startsWith('25k'))
      results.push({
        name: `sync.firstPull.bytes.${label}`,
        value: await firstPullBytes(server.url),
        unit: 'B',
      });
    if (withFloor) {
      const floor = await measureFloor(server.url);
      results.push(
        { name: `sync.firstPull.floor.${label}`, value: round(floor, 2), unit: 's' },
        { name: `sync.firstPull.ratio.${label}`, value: round(pull / floor, 2), unit: '×' },
      );
    }
    return results;
  } finally {
    await server.stop();
    if (onPostgres) {
      await dropSchema(postgresUrl!, schema);
    }
  }
}

export async function benchFirstPull(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  try {
    for (const [label, size] of SIZES)
      if (wantSize(label)) results.push(...(await measureSize(label, size, label === '25k')));
    // The same 25k borough served from PostgreSQL, as a council would run it.
    if (postgresUrl && wantSize('25k.postgres'))
      results.push(...(await measureSize('25k.postgres', SIZES[2]![1], true)));
  } finally {
    await removeTempDirs();
  }
  return results;
}
