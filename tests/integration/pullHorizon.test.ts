// /api/health tells an operator when a long-open transaction holds pulls back: on PostgreSQL a
// transaction left open in another session (here: another connection to the cluster) shows as the
// oldest transaction's age and "pulls held back" once a later change has committed behind it, and
// both clear when it ends. Our own connections end a transaction left idle (idle_in_transaction_
// session_timeout). On PGlite there is nothing else to hold pulls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createApp } from '../../src/server/app.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

interface Health {
  status: string;
  oldestTransactionSeconds: number | null;
  pullsHeldBack: boolean;
}

describe.each(databaseKinds)('pull horizon in health on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  });
  afterAll(() => test.drop());

  async function health(): Promise<Health> {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    return (await response.json()) as Health;
  }
  /** Other sessions on a shared cluster (other test runs) may briefly hold pulls back too. */
  async function heldBackSettles(): Promise<boolean> {
    for (let tries = 0; tries < 50; tries++) {
      if (!(await health()).pullsHeldBack) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }
  const commitAChange = (id: string) =>
    test.db.query(`INSERT INTO change_log (entity, entity_id) VALUES ('ward', $1)`, [id]);

  it.runIf(kind === 'pglite')('reports no open transaction and nothing held back', async () => {
    await commitAChange('W-PGLITE');
    expect(await health()).toMatchObject({
      status: 'ok',
      oldestTransactionSeconds: null,
      pullsHeldBack: false,
    });
  });

  it.runIf(kind === 'postgres')(
    'shows a long transaction elsewhere on the cluster holding pulls back, and clears when it ends',
    async () => {
      await commitAChange('W-BEFORE');
      expect(await heldBackSettles()).toBe(true);

      const elsewhere = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await elsewhere.connect();
      try {
        await elsewhere.query('BEGIN');
        await elsewhere.query('SELECT pg_current_xact_id()');
        await new Promise((resolve) => setTimeout(resolve, 2100));
        await commitAChange('W-BEHIND');
        const during = await health();
        expect(during.pullsHeldBack).toBe(true);
        expect(during.oldestTransactionSeconds).toBeGreaterThanOrEqual(2);
      } finally {
        await elsewhere.query('ROLLBACK');
        await elsewhere.end();
      }
      expect(await heldBackSettles()).toBe(true);
    },
  );

  it.runIf(kind === 'postgres')('ends a transaction its own connections leave idle', async () => {
    const [setting] = await test.db.query<{ timeout: string }>(
      `SELECT current_setting('idle_in_transaction_session_timeout') AS timeout`,
    );
    expect(setting?.timeout).toBe('1min');
  });
});
