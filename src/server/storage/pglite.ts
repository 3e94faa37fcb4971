// Database on PGlite: PostgreSQL compiled to WebAssembly, keeping its files in a folder on disk.
// PGlite serves one connection, so transactions are serialised by PGlite itself.
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './dataFolderLock.ts';
import {
  NO_WAIT_FOR_DISK,
  type Database,
  type NamedStatement,
  type Queryable,
  type Row,
} from './database.ts';

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // undefined = in memory, for tests that need no files
  const unlock = dataDir === undefined ? () => Promise.resolve() : await lockDataFolder(dataDir);
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  try {
    await pg.waitReady;
  } catch (error) {
    await unlock();
    throw error;
  }
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
    close: async () => {
      try {
        await pg.close();
      } finally {
        await unlock();
      }
    },
  };
}
