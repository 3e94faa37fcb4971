// The progress bar's end on a first pull (visibleTotal in src/server/sync/pull.ts), on PGlite and
// PostgreSQL: counted exactly while the log is small, and over EXACT_TOTAL_BELOW rows the planner's
// estimate for the reader's own scopes, which costs the same at any size.
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../support/testDatabase.ts';
import { demoReaders } from '../support/demoReaders.ts';
import { pull, visibleTotal, EXACT_TOTAL_BELOW } from '../../src/server/sync/pull.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import type { Database } from '../../src/server/storage/database.ts';

/** The database, noting the text of every statement run on it. */
function recording(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const query: Database['query'] = (sql, params) => {
    statements.push(typeof sql === 'string' ? sql : sql.text);
    return db.query(sql, params);
  };
  return { db: Object.assign(Object.create(db) as Database, { query }), statements };
}
const counts = (statements: string[]) => statements.filter((sql) => /^SELECT count\(\*\)/.test(sql)).length;

describe.each(databaseKinds)('a first pull’s total on %s', (kind) => {
  let test: TestDatabase;
  let admin: User;
  let parish: User;
  const demo = demoReaders(kind);
  beforeAll(async () => {
    ({ test, admin, parish } = demo);
    // as autovacuum leaves a settled database: the planner's statistics are the log's
    await test.db.query('ANALYZE change_log');
  });

  const everything = async (user: User) => (await pull(test.db, user, undefined, 100_000)).changes.length;

  it('counts exactly what each reader is sent while the log is under the threshold', async () => {
    expect(EXACT_TOTAL_BELOW).toBeGreaterThan(10_000);
    for (const user of [admin, parish]) {
      const { db, statements } = recording(test.db);
      expect(await visibleTotal(db, user, undefined)).toBe(await everything(user));
      expect(counts(statements)).toBe(1);
    }
  });

  it('over the threshold, gives the planner’s estimate for the reader’s own scopes', async () => {
    const officerAll = await everything(admin);
    const parishAll = await everything(parish);
    const { db, statements } = recording(test.db);
    const officerEstimate = await visibleTotal(db, admin, undefined, 0);
    const parishEstimate = await visibleTotal(db, parish, undefined, 0);
    expect(statements.length).toBe(2);
    expect(counts(statements), 'the log counted').toBe(0);
    // within a tenth: close enough for a progress bar, and close enough to tell the readers apart (an
    // estimate of the whole log for the coordinator would be 15% over)
    expect(officerEstimate).toBeGreaterThan(officerAll * 0.9);
    expect(officerEstimate).toBeLessThan(officerAll * 1.1);
    expect(parishEstimate).toBeGreaterThan(parishAll * 0.9);
    expect(parishEstimate).toBeLessThan(parishAll * 1.1);
    expect(officerAll).toBeGreaterThan(parishAll * 1.1);
  });

  it('says no total on a later page', async () => {
    expect(await visibleTotal(test.db, admin, '0.0', 0)).toBe(0);
  });
});
