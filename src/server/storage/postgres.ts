// Database on a real PostgreSQL server through a `pg` pool. `schema`, when given, becomes the
// search_path of every connection, which is how tests get a private namespace on a shared server.
import pg from 'pg';
import {
  NO_WAIT_FOR_DISK,
  type Database,
  type NamedStatement,
  type Queryable,
  type Row,
} from './database.ts';

export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await setup.end();
  }
  // A connection of ours left idle inside a transaction (a bug, or a process paused mid-push) would
  // hold every pull on the cluster back (see pullHorizon.ts): PostgreSQL ends it after a minute.
  const settings = [
    `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
    ...(schema === undefined ? [] : [`-c search_path="${schema}"`]),
  ];
  const pool = new pg.Pool({ connectionString: url, max: 10, options: settings.join(' ') });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
  const asQueryable = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string | NamedStatement, params: unknown[] = []) {
      const result =
        typeof sql === 'string'
          ? await runner.query<T>(sql, params)
          : await runner.query<T>({ name: sql.name, text: sql.text, values: params });
      return result.rows;
    },
    async execScript(sql: string) {
      await runner.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(work, options) {
      const client = await pool.connect();
      try {
        // One round trip either way: the simple protocol takes both statements at once.
        await client.query(options?.waitForDisk === false ? `BEGIN; ${NO_WAIT_FOR_DISK}` : 'BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
