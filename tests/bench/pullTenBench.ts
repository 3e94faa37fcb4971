// The cost of pulling 10 new changes from a change log of 20k, 1M or (BENCH_PULL_10M=1) 10M rows on
// PostgreSQL: it should grow with the changes, not with the log. Also a new phone's first page at each
// size, and apart the total of everything the user may see that the first page carries (counted
// exactly, and as the first page gets it: estimated over EXACT_TOTAL_BELOW rows). The log and
// its records are made set-based in the bench's own schema (dropped afterwards); BENCH_PULL_PLAN=1
// prints the page statement's plan at each size.
import { performance } from 'node:perf_hooks';
import type { Database } from '../../src/server/storage/database.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { push } from '../../src/server/sync/push.ts';
import { pullPage, visibleTotal } from '../../src/server/sync/pull.ts';
import { pageSql, totalStatement } from '../../src/server/sync/pullPageSql.ts';
import { PULLS_HELD_BACK_SQL } from '../../src/server/storage/pullHorizon.ts';
import { aRequest, creating } from '../support/records.ts';
import { percentile, round, type BenchResult } from './measure.ts';
import { withDatabase } from './benchDatabase.ts';

/** The indexes and keys of `tables` in this schema, as the statements that drop and make them again. */
async function indexesOf(db: Database, tables: string[]): Promise<{ drop: string[]; make: string[] }> {
  const keys = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u')
       AND c.conrelid::regclass::text = ANY($1::text[])`,
    [tables],
  );
  const plain = await db.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    [tables],
  );
  return {
    drop: [
      ...keys.map((key) => `ALTER TABLE ${key.tbl} DROP CONSTRAINT "${key.name}"`),
      ...plain.map((index) => `DROP INDEX "${index.name}"`),
    ],
    make: [
      ...keys.map((key) => `ALTER TABLE ${key.tbl} ADD CONSTRAINT "${key.name}" ${key.def}`),
      ...plain.map((index) => index.def),
    ],
  };
}

/**
 * Fills the requests table and the change log with `rows` records, set-based: the tables' keys and
 * indexes are dropped, the rows made by generate_series in transactions of 100,000 (so the log has
 * many transaction ids, as a real one does), then the same keys and indexes are built again, each in
 * one sort, and the tables vacuumed and analysed as a settled database would be (10M rows: about four
 * minutes on the 2-core machine), rather than each row finding its place in four B-trees of random ids.
 */
async function fillRequests(db: Database, rows: number): Promise<void> {
  const template = aRequest();
  const tables = ['requests', 'change_log'];
  const { drop, make } = await indexesOf(db, tables);
  for (const statement of drop) await db.query(statement);
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
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    for (const statement of make) await tx.query(statement);
  });
  const rebuilt = await indexesOf(db, tables);
  if (rebuilt.make.sort().join('\n') !== [...make].sort().join('\n'))
    throw new Error(`the bench did not rebuild the same indexes: ${rebuilt.make.join('; ')}`);
  await db.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
}

/** What another device pushes between two pulls: 10 new requests. */
async function tenNewRequests(db: Database, user: User): Promise<void> {
  await push(
    db,
    user,
    'bench-device',
    Array.from({ length: 10 }, () => creating('request', aRequest())),
  );
}

/** Prints how PostgreSQL runs a staff pull page after `cursor`, with 10 new changes waiting (BENCH_PULL_PLAN=1). */
async function printPlan(db: Database, user: User, cursor: string): Promise<void> {
  const [xid, seq] = cursor.split('.');
  await tenNewRequests(db, user);
  await untilNotHeldBack(db);
  const plan = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${pageSql(true, false)}`,
    [xid, seq, 500],
  );
  console.log(plan.map((line) => line['QUERY PLAN']).join('\n'));
}

/**
 * Waits while another transaction open anywhere on the cluster holds pulls back (pullHorizon.ts): the
 * pull would rightly return nothing, which is not what is measured here.
 */
async function untilNotHeldBack(db: Database): Promise<void> {
  const since = performance.now();
  for (;;) {
    const [held] = await db.query<{ held_back: boolean }>(`SELECT ${PULLS_HELD_BACK_SQL} AS held_back`);
    if (!held?.held_back) break;
    if (performance.now() - since > 10 * 60_000)
      throw new Error('pulls were held back by an open transaction for 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const waited = performance.now() - since;
  if (waited > 1000) console.log(`  (waited ${round(waited / 1000, 1)} s for an open transaction to end)`);
}

/** Median and 95th percentile of pulling 10 new changes, at each size of change log. */
export async function benchPullTen(
  kind: 'pglite' | 'postgres',
  sizes: [string, number][],
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [label, rows] of sizes) {
    await withDatabase(kind, async (db, user) => {
      const filling = performance.now();
      await fillRequests(db, rows);
      console.log(
        `  ${label}: ${rows} change-log rows made in ${round((performance.now() - filling) / 1000, 1)} s`,
      );
      // A new phone's first page: the records it starts from, and the count of everything this user may
      // see (the progress bar's end), which is the one part that reads the whole log.
      const firstPage: number[] = [];
      const counting: number[] = [];
      const countingExactly: number[] = [];
      let totals = { given: 0, counted: 0 };
      for (let round_ = 0; round_ < 10; round_ += 1) {
        let start = performance.now();
        await pullPage(db, user, undefined, 500);
        firstPage.push(performance.now() - start);
        start = performance.now();
        const given = await visibleTotal(db, user, undefined);
        counting.push(performance.now() - start);
        start = performance.now();
        const [counted] = await db.query<{ n: number }>(totalStatement(true), []);
        countingExactly.push(performance.now() - start);
        totals = { given, counted: counted!.n };
      }
      console.log(`  ${label}: a first page's total ${totals.given}, counted ${totals.counted}`);
      // start from the end of the log, as a device that is up to date
      const [last] = await db.query<{ c: string }>(
        `SELECT xid::text || '.' || seq::text AS c FROM change_log ORDER BY xid DESC, seq DESC LIMIT 1`,
      );
      let cursor = last!.c;
      const samples: number[] = [];
      for (let round_ = 0; round_ < 100; round_ += 1) {
        await tenNewRequests(db, user);
        await untilNotHeldBack(db);
        const start = performance.now();
        const answer = await pullPage(db, user, cursor, 500);
        samples.push(performance.now() - start);
        const page = JSON.parse(answer.body) as { changes: unknown[]; cursor: string };
        if (page.changes.length !== 10) throw new Error(`expected 10 changes, got ${page.changes.length}`);
        cursor = page.cursor;
      }
      if (process.env.BENCH_PULL_PLAN) await printPlan(db, user, cursor);
      results.push(
        { name: `sync.pull10.${label}`, value: round(percentile(samples, 50)), unit: 'ms' },
        { name: `sync.pull10.${label}.p95`, value: round(percentile(samples, 95)), unit: 'ms' },
        { name: `sync.firstPage.${label}`, value: round(percentile(firstPage, 50)), unit: 'ms' },
        { name: `sync.firstPullCount.${label}`, value: round(percentile(counting, 50)), unit: 'ms' },
        {
          name: `sync.firstPullExactCount.${label}`,
          value: round(percentile(countingExactly, 50)),
          unit: 'ms',
        },
      );
    });
  }
  return results;
}
