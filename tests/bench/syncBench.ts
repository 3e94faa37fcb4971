// Benchmarks of sync on the server: push throughput on PGlite and PostgreSQL (batches of 100 realistic
// mutations), and the cost of pulling 10 new changes with 20k and with 1M records in the database (it
// should grow with the changes, not with the database); BENCH_PULL_10M=1 adds 10M rows. PostgreSQL numbers need BENCH_DATABASE_URL or
// TEST_DATABASE_URL.
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { push } from '../../src/server/sync/push.ts';
import { pullPage } from '../../src/server/sync/pull.ts';
import { createUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { aPartner } from '../support/directoryFixtures.ts';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';
import { NAMED_AREA } from '../support/area.ts';
import { percentile, round, type BenchResult } from './measure.ts';

export const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function withDatabase<T>(
  kind: 'pglite' | 'postgres',
  work: (db: Database, user: User) => Promise<T>,
): Promise<T> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = await openDatabase(kind === 'postgres' ? { databaseUrl: postgresUrl, schema } : {});
  try {
    // the wards and parishes the pushed records name (a push refuses a change naming an unknown one)
    await replaceArea(db, NAMED_AREA);
    await createUser(db, {
      username: 'bench',
      displayName: 'Bench',
      password: 'x',
      role: 'admin',
      parishCode: null,
    });
    const [row] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'bench'`);
    return await work(db, {
      id: row!.id,
      username: 'bench',
      displayName: 'Bench',
      role: 'admin',
      parishCode: null,
    });
  } finally {
    if (kind === 'postgres') await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
}

/**
 * A day's worth of realistic pushes: each batch of 100 mutations mixes 25 partner edits (phone and
 * capacity notes, on the stamps the device last saw), 25 new requests, 25 status changes of existing
 * requests and 25 notes on existing requests, over a directory of 1,000 partners and 1,000 requests.
 * Records are picked at random, so a batch sometimes changes one record twice (in order).
 */
class RealisticPushes {
  private readonly partners: { id: string; clocks: Record<string, string> }[] = [];
  private readonly requests: { id: string; clocks: Record<string, string> }[] = [];
  private serial = 0;

  /** The mutations that create the directory and the requests the batches then edit. */
  seed(partners: number, requests: number): Mutation[] {
    const made: Mutation[] = [];
    for (let i = 0; i < partners; i += 1) {
      const mutation = creating('partner', aPartner({ name: `Bench partner ${i}` }));
      this.partners.push({ id: mutation.recordId, clocks: this.allFields(mutation) });
      made.push(mutation);
    }
    for (let i = 0; i < requests; i += 1) made.push(this.newRequest());
    return made;
  }

  batch(size = 100): Mutation[] {
    const quarter = size / 4;
    const made: Mutation[] = [];
    for (let i = 0; i < quarter; i += 1) {
      made.push(
        this.edit('partner', this.pick(this.partners), {
          phone: `01632 960${String(this.serial % 1000).padStart(3, '0')}`,
          capacityNotes: `Can take ${this.serial % 40} more this week`,
        }),
      );
      made.push(this.newRequest());
      made.push(
        this.edit('request', this.pick(this.requests), {
          status: this.serial % 2 ? 'assigned' : 'in_progress',
        }),
      );
      made.push(this.note(this.pick(this.requests).id));
    }
    return made;
  }

  private newRequest(): Mutation {
    const mutation = creating('request', aRequest());
    this.requests.push({ id: mutation.recordId, clocks: this.allFields(mutation) });
    return mutation;
  }

  private note(requestId: string): Mutation {
    const now = new Date().toISOString();
    const entry: TimelineEntry = {
      id: randomUUID(),
      requestId,
      at: now,
      by: randomUUID(),
      byName: 'Bench',
      kind: 'note',
      text: `Called back at ${now}; neighbour is checking in tonight.`,
      status: null,
    };
    return creating('timeline', entry);
  }

  private edit(
    entity: 'partner' | 'request',
    record: { id: string; clocks: Record<string, string> },
    changes: Record<string, unknown>,
  ): Mutation {
    this.serial += 1;
    const fields = { ...changes, updatedAt: new Date().toISOString() };
    const base = Object.fromEntries(Object.keys(fields).map((field) => [field, record.clocks[field]!]));
    const mutation = aMutation(entity, record.id, fields, { base });
    for (const field of Object.keys(fields)) record.clocks[field] = mutation.hlc;
    return mutation;
  }

  private allFields(mutation: Mutation): Record<string, string> {
    return Object.fromEntries(Object.keys(mutation.changes).map((field) => [field, mutation.hlc]));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(Math.random() * list.length)]!;
  }
}

/** Mutations a second for batches of 100 realistic mutations (RealisticPushes), after a warm-up. */
export async function benchPush(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  return withDatabase(kind, async (db, user) => {
    const pushes = new RealisticPushes();
    const seed = pushes.seed(1_000, 1_000);
    for (let at = 0; at < seed.length; at += 200) await push(db, user, 'seed', seed.slice(at, at + 200));
    for (let i = 0; i < 3; i += 1) await push(db, user, 'warm-up', pushes.batch()); // warm-up
    const batches = Array.from({ length: 50 }, () => pushes.batch());
    const start = performance.now();
    let applied = 0;
    for (const batch of batches) {
      const results = await push(db, user, 'bench-device', batch);
      applied += results.filter((result) => result.status === 'applied').length;
      const refused = results.find((result) => result.status === 'rejected');
      if (refused) throw new Error(`the bench's own change was refused: ${refused.reason}`);
    }
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
