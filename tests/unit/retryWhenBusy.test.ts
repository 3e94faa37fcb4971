// A transaction PostgreSQL stopped as a deadlock victim is tried again before the device hears "busy";
// any other failure is not.
import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/server/storage/database.ts';
import { BUSY_TRIES, transactionRetriedWhenBusy } from '../../src/server/storage/retryWhenBusy.ts';

/** A database whose transactions fail with `failures`, in turn, then succeed. */
function failingDatabase(failures: unknown[]): Database & { tries: number } {
  const tx: Queryable = { query: () => Promise.resolve([]), execScript: () => Promise.resolve() };
  const db = {
    kind: 'postgres' as const,
    tries: 0,
    ...tx,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const failure = failures[db.tries];
      db.tries += 1;
      if (failure !== undefined) throw failure;
      return work(tx);
    },
    close: () => Promise.resolve(),
  };
  return db;
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
const noWait = () => 0;

describe('a transaction tried again when busy', () => {
  it('succeeds once the deadlock has passed', async () => {
    const db = failingDatabase([deadlock, { code: '40001' }]);
    await expect(transactionRetriedWhenBusy(db, () => Promise.resolve('stored'), noWait)).resolves.toBe(
      'stored',
    );
    expect(db.tries).toBe(3);
  });

  it(`answers busy after ${BUSY_TRIES} tries`, async () => {
    const db = failingDatabase(Array.from({ length: BUSY_TRIES }, () => deadlock));
    await expect(transactionRetriedWhenBusy(db, () => Promise.resolve('stored'), noWait)).rejects.toBe(
      deadlock,
    );
    expect(db.tries).toBe(BUSY_TRIES);
  });

  it('does not repeat any other failure', async () => {
    const refused = Object.assign(new Error('invalid input'), { code: '22P02' });
    const db = failingDatabase([refused]);
    await expect(transactionRetriedWhenBusy(db, () => Promise.resolve('stored'), noWait)).rejects.toBe(
      refused,
    );
    expect(db.tries).toBe(1);
  });
});
