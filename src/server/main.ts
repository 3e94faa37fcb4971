// Starts Resilience Hub: opens the database (PGlite by default, PostgreSQL with DATABASE_URL),
// migrates it, seeds the demo borough on first start, and serves the API and the built PWA.
import { serve } from '@hono/node-server';
import { readConfig, type ServerConfig } from './config.ts';
import type { Database } from './storage/database.ts';
import { startupProblem } from './startupProblem.ts';
import { openDatabase } from './storage/open.ts';
import { createApp } from './app.ts';
import { DEMO_USERS, seedDemo } from './demo/seed.ts';
import { APP_VERSION } from './version.ts';
import { scheduleDailyPurge } from './retention/purge.ts';
import { checkStoredRecordsInBackground } from './storage/unreadableRecords.ts';

/** How long an idle connection is kept open, a little over the usual 60 s of a load balancer. */
const KEEP_ALIVE_MS = 65_000;

/** Says why the server could not start, in plain words where it can, and ends the process. */
function cannotStart(error: unknown, settings: Parameters<typeof startupProblem>[1]): never {
  const problem = startupProblem(error, settings);
  console.error(`Resilience Hub could not start: ${problem ?? 'an unexpected error (below).'}`);
  if (problem === undefined) console.error(error);
  process.exit(1);
}

let config: ServerConfig;
try {
  config = readConfig();
} catch (error) {
  cannotStart(error, {});
}
let db: Database;
try {
  db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema,
  });
} catch (error) {
  cannotStart(error, config);
}
if (config.seedDemo) {
  const seeded = await seedDemo(db);
  if (seeded.area) console.log('Seeded the demo borough (generated wards, parishes, partners and contacts).');
} else if ((await db.query('SELECT 1 FROM users LIMIT 1')).length === 0) {
  console.log(
    'Nobody can sign in yet: create the first admin with npm run create-admin -- <username> "<Full name>"',
  );
}

const server = serve({ fetch: createApp(db, config).fetch, port: config.port }, (info) => {
  const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Resilience Hub ${APP_VERSION} on http://localhost:${info.port} — database: ${where}`);
  if (config.seedDemo) {
    console.log('Demo logins (change these before real use):');
    for (const user of DEMO_USERS)
      console.log(`  ${user.role.padEnd(18)} ${user.username} / ${user.password}`);
  }
});
// Without this, a port already taken left the process running, silent, serving nothing.
server.once('error', (error) => {
  void db.close().finally(() => cannotStart(error, config));
});

// Idle connections are kept open longer than a load balancer's idle timeout (60 s is the usual one)
// and longer than a phone waits between pulls. With Node's default of 5 s, a request sent on a kept
// connection just as the server closed it failed ("other side closed"): hundreds of them in the load
// run at 400 devices pulling every ~5 s, and a balancer would answer them 502.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

// Records an older version stored that this one's schemas refuse: counted once, after the server is
// listening (it yields to requests), and logged as a warning with how to mend them. Never blocks start-up.
void checkStoredRecordsInBackground(db, (line) => console.warn(line));

// Retention: requesters' details leave requests finished more than RETENTION_DAYS ago, daily.
const stopPurge = scheduleDailyPurge(db, config.retentionDays, (line) => console.log(line));

/** How long a stopping server lets the requests under way finish before it cuts them off. */
const DRAIN_MS = 10_000;

// Stopping (a deployment, a load balancer taking the process out): no new requests, but those under
// way finish, so a phone's pull page or a push's answer is not cut off halfway and the database is
// closed with no statement running. Idle kept-alive connections close at once (Node does that in
// close()); a request still going after DRAIN_MS is cut off, as a phone's lost connection would be.
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the requests under way, then closing…`);
  stopPurge();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const cutOff = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, DRAIN_MS);
  await drained;
  clearTimeout(cutOff);
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
