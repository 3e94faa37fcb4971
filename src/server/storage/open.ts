// Chooses the database from configuration: real PostgreSQL when a URL is given, otherwise PGlite in
// the data folder. Migrations run before anything else touches it.
import { mkdir } from 'node:fs/promises';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { migrate } from './migrate.ts';

export interface StorageConfig {
  databaseUrl?: string | undefined;
  /** PGlite folder; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use instead of public (tests). */
  schema?: string | undefined;
}

export async function openDatabase(config: StorageConfig): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl, config.schema);
  } else {
    if (config.dataDir !== undefined) await mkdir(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir);
  }
  await migrate(db);
  return db;
}
