// Benchmarks of sync on the server: push throughput on PGlite and PostgreSQL, and the cost of pulling
// 10 new changes with 20k and with 1M records in the database (it should grow with the changes, not
// with the database); BENCH_PULL_10M=1 adds 10M rows. PostgreSQL numbers need BENCH_DATABASE_URL or
// TEST_DATABASE_URL.
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { push } from '../../src/server/sync/push.ts';
import { pullPage } from '../../src/server/sync/pull.ts';
import { createUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/user.ts';
import { aRequest, creating } from '../support/records.ts';
import { percentile, round, type BenchResult } from './measure.ts';

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function withDatabase<T>(
  kind: 'pglite' | 'postgres',
  work: (db: Database, user: User) => Promise<T>,
): Promise<T> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = await openDatabase(kind === 'postgres' ? { databaseUrl: postgresUrl, schema } : {});
  try {
    await createUser(db, {
      username: 'bench',
      displayName: 'Bench',
      password: 'x',
      role: 'duty_officer',
      parishCode: null,
    });
    const [row] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'bench'`);
    return await work(db, {
      id: row!.id,
      username: 'bench',
      displayName: 'Bench',
      role: 'duty_officer',
      parishCode: null,
    });
  } finally {
    if (kind === 'postgres') await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
}

export async function benchPush(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  return withDatabase(kind, async (db, user) => {
    const batches = Array.from({ length: 20 }, () =>
      Array.from({ length: 200 }, () => creating('request', aRequest())),
    );
    await push(db, user, 'warm-up', batches.shift()!); // warm-up
    const start = performance.now();
    let applied = 0;
    for (const batch of batches)
      applied += (await push(db, user, 'bench-device', batch)).filter((r) => r.status === 'applied').length;
    const seconds = (performance.now() - start) / 1000;
    return [{ name: `sync.push.${kind}`, value: round(applied / seconds, 0), unit: 'mutations/s' }];
  });
}

/** Fills the requests table and the change log with `rows` records, set-based (fast). */
async function fillRequests(db: Database, rows: number): Promise<void> {
  const template = aRequest();
  const chunk = 100_000;
  for (let done = 0; done < rows; done += chunk) {
    const n = Math.min(chunk, rows - done);
    await db.transaction(async (tx) => {
      await tx.query(
        `WITH made AS (
           SELECT gen_random_uuid() AS id FROM generate_series(1, $2::int)
         ), stored AS (
           INSERT INTO requests (id, scope, record)
           SELECT id, 'staff', jsonb_set($1::jsonb, '{id}', to_jsonb(id::text)) FROM made
           RETURNING id
         )
         INSERT INTO change_log (entity, entity_id, scope) SELECT 'request', id::text, 'staff' FROM stored`,
        [JSON.stringify(template), n],
      );
    });
  }
}

export async function benchPullTen(
  kind: 'pglite' | 'postgres',
  sizes: [string, number][],
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [label, rows] of sizes) {
    await withDatabase(kind, async (db, user) => {
      await fillRequests(db, rows);
      await db.query('ANALYZE');
      // start from the end of the log, as a device that is up to date
      const [last] = await db.query<{ c: string }>(
        `SELECT xid::text || '.' || seq::text AS c FROM change_log ORDER BY xid DESC, seq DESC LIMIT 1`,
      );
      let cursor = last!.c;
      const samples: number[] = [];
      for (let round_ = 0; round_ < 25; round_ += 1) {
        await push(
          db,
          user,
          'bench-device',
          Array.from({ length: 10 }, () => creating('request', aRequest())),
        );
        const start = performance.now();
        const answer = await pullPage(db, user, cursor, 500);
        samples.push(performance.now() - start);
        const page = JSON.parse(answer.body) as { changes: unknown[]; cursor: string };
        if (page.changes.length !== 10) throw new Error(`expected 10 changes, got ${page.changes.length}`);
        cursor = page.cursor;
      }
      results.push({ name: `sync.pull10.${label}`, value: round(percentile(samples, 50)), unit: 'ms' });
    });
  }
  return results;
}

export async function benchSyncServer(): Promise<BenchResult[]> {
  const results = [...(await benchPush('pglite'))];
  if (postgresUrl) results.push(...(await benchPush('postgres')));
  else console.log('(no BENCH_DATABASE_URL or TEST_DATABASE_URL: sync.push.postgres skipped)');
  // The 1M-row database is built on PostgreSQL when there is one (PGlite takes minutes to fill it).
  const kind = postgresUrl ? 'postgres' : 'pglite';
  results.push(
    ...(await benchPullTen(kind, [
      ['20k', 20_000],
      ['1m', 1_000_000],
      // 10M rows take minutes to build: only when asked (BENCH_PULL_10M=1), and only on PostgreSQL.
      ...(process.env.BENCH_PULL_10M && postgresUrl ? [['10m', 10_000_000] as [string, number]] : []),
    ])),
  );
  return results;
}
