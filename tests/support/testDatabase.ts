// Databases for storage tests: PGlite always (a copy of a template folder, see pgliteTemplate.ts), and
// real PostgreSQL too when TEST_DATABASE_URL is set (.ci/run sets it). Each opened database has its own
// PGlite folder or PostgreSQL schema, so test files never share state.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { openPglite } from '../../src/server/storage/pglite.ts';
import { openPostgres } from '../../src/server/storage/postgres.ts';
import { copyPgliteTemplate } from './pgliteTemplate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The databases the storage tests run on here: PGlite, and PostgreSQL when TEST_DATABASE_URL is set,
 * narrowed by TEST_DATABASE_KINDS where a run splits them (vite.config.ts runs each in a project of
 * its own: the PostgreSQL files one at a time, the PGlite ones beside the browser files).
 */
export const databaseKinds: DatabaseKind[] = (['pglite', 'postgres'] as const).filter(
  (kind) =>
    (kind === 'pglite' || Boolean(process.env.TEST_DATABASE_URL)) &&
    (process.env.TEST_DATABASE_KINDS?.split(',').includes(kind) ?? true),
);

export interface TestDatabase {
  db: Database;
  /** Closes the database and drops its schema. */
  drop(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'resilience-hub-test-db-'));
    // From the migrated template when the run made one (a fresh PGlite's initdb is the slow part).
    if (!(await copyPgliteTemplate(dataDir))) {
      await rm(dataDir, { recursive: true, force: true });
      const db = await openDatabase({});
      return { db, drop: () => db.close() };
    }
    const db = await openDatabase({ dataDir });
    return {
      db,
      async drop() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, schema });
  return {
    db,
    async drop() {
      await db.query(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/** A database with no migrations applied, for tests that build data as an older version left it. */
export async function openBareDatabase(
  kind: DatabaseKind,
): Promise<{ db: Database; close(): Promise<void> }> {
  if (kind === 'pglite') {
    // From the template of no tables when the run made one (initdb is the slow part), else in memory.
    const dataDir = await mkdtemp(join(tmpdir(), 'resilience-hub-test-db-'));
    const copied = await copyPgliteTemplate(dataDir, { holding: 'bare' });
    const db = await openPglite(copied ? dataDir : undefined);
    return {
      db,
      async close() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(process.env.TEST_DATABASE_URL!, schema);
  return {
    db,
    async close() {
      await db.query(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/** Drops a schema a server (or bench) made on PostgreSQL, with everything in it; none is fine. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
