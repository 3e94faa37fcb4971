// The change-log write reads the log (to find where a record's row was, for an exit row) only for the
// changes that may leave a scope: a push whose records all stay where they were stored reads nothing.
import { describe, expect, it } from 'vitest';
import { logChanges, type LoggedChange } from '../../src/server/storage/changeLog.ts';
import { CombinedStatement } from '../../src/server/storage/combinedStatement.ts';
import type { Queryable } from '../../src/server/storage/database.ts';

/** The one statement `changes` are logged with, as the database would be sent it. */
async function loggedWith(changes: LoggedChange[]): Promise<{ sql: string; params: unknown[] }> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const tx: Queryable = {
    query: (sql, params = []) => {
      sent.push({ sql: typeof sql === 'string' ? sql : sql.text, params });
      return Promise.resolve([]);
    },
    execScript: () => Promise.resolve(),
  };
  const statement = new CombinedStatement();
  logChanges(statement, changes);
  await statement.run(tx);
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

const readsTheLog = (sql: string) => /FROM change_log l/.test(sql);
const writesExits = (sql: string) => sql.includes(`'exit:'`);

describe('logging changes', () => {
  it('reads nothing when every record stays in the scope it was stored in', async () => {
    const { sql } = await loggedWith([
      { entity: 'partner', id: 'p1', scope: null, storedScope: null },
      { entity: 'request', id: 'r1', scope: 'parish:E04000001', storedScope: 'parish:E04000001' },
    ]);
    expect(readsTheLog(sql)).toBe(false);
    expect(writesExits(sql)).toBe(false);
    expect(sql).toContain('INSERT INTO change_log');
  });

  it('reads the log for a record moving to another scope, and only for it', async () => {
    const { sql, params } = await loggedWith([
      { entity: 'partner', id: 'p1', scope: null, storedScope: null },
      { entity: 'request', id: 'r1', scope: 'parish:E04000002', storedScope: 'parish:E04000001' },
    ]);
    expect(readsTheLog(sql)).toBe(true);
    expect(writesExits(sql)).toBe(true);
    // The changes to check are the moving one alone; the changes logged are both.
    expect(params).toContainEqual(['r1']);
    expect(params).toContainEqual(['p1', 'r1']);
  });

  it('reads the log for records not read before (new, or written by a writer that did not read them)', async () => {
    const { sql, params } = await loggedWith([
      { entity: 'request', id: 'r2', scope: 'staff' },
      { entity: 'ward', id: 'E05000001', scope: null },
    ]);
    expect(readsTheLog(sql)).toBe(true);
    expect(writesExits(sql)).toBe(true);
    expect(params).toContainEqual(['r2', 'E05000001']);
  });
});
