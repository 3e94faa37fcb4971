// Benchmarks of sync on the server: push throughput on PGlite and PostgreSQL (batches of 100 realistic
// mutations), and the cost of pulling 10 new changes with 20k and 1M change-log rows, and 10M with
// BENCH_PULL_10M=1 (pullTenBench.ts). PostgreSQL numbers need BENCH_DATABASE_URL or TEST_DATABASE_URL.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { push } from '../../src/server/sync/push.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { aPartner } from '../support/directoryFixtures.ts';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { round, type BenchResult } from './measure.ts';
import { benchPullTen } from './pullTenBench.ts';
import { postgresUrl, withDatabase } from './benchDatabase.ts';

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

/** Pulling 10 new changes, and a new phone's first page, at each size of change log. */
export function benchPullTenSizes(): Promise<BenchResult[]> {
  // The 1M-row database is built on PostgreSQL when there is one (PGlite takes minutes to fill it).
  return benchPullTen(postgresUrl ? 'postgres' : 'pglite', [
    ['20k', 20_000],
    ['1m', 1_000_000],
    // 10M rows take minutes to build: only when asked (BENCH_PULL_10M=1), and only on PostgreSQL.
    ...(process.env.BENCH_PULL_10M && postgresUrl ? [['10m', 10_000_000] as [string, number]] : []),
  ]);
}

export async function benchSyncServer(): Promise<BenchResult[]> {
  const results = [...(await benchPush('pglite'))];
  if (postgresUrl) results.push(...(await benchPush('postgres')));
  else console.log('(no BENCH_DATABASE_URL or TEST_DATABASE_URL: sync.push.postgres skipped)');
  results.push(...(await benchPullTenSizes()));
  return results;
}
