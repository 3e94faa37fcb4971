// Database on PGlite: PostgreSQL compiled to WebAssembly, keeping its files in a folder on disk.
// PGlite serves one connection, so transactions are serialised by PGlite itself.
import { PGlite } from '@electric-sql/pglite';
import {
  NO_WAIT_FOR_DISK,
  type Database,
  type NamedStatement,
  type Queryable,
  type Row,
} from './database.ts';

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // undefined = in memory, for tests that need no files
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const asQueryable = (runner: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T extends Row>(sql: string | NamedStatement, params: unknown[] = []) {
      // The name matters only to a pool of PostgreSQL connections.
      const result = await runner.query<T>(typeof sql === 'string' ? sql : sql.text, params);
      return result.rows;
    },
    async execScript(sql: string) {
      await runner.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (work, options) =>
      pg.transaction(async (tx) => {
        if (options?.waitForDisk === false) await tx.query(NO_WAIT_FOR_DISK);
        return work(asQueryable(tx));
      }),
    close: () => pg.close(),
  };
}
