// Forward-only migrations: the numbered .sql files beside this module, each applied once, in order,
// in its own transaction, and recorded in schema_migrations. The same SQL runs on PGlite and
// PostgreSQL. An advisory lock keeps two servers starting at once from racing.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_391_001;

/**
 * The database has migrations this version does not know: a newer version upgraded it (and this one
 * was started after a roll-back, or beside the newer one). Forward-only migrations may have changed
 * what this version reads and writes, so it does not start rather than guess.
 */
export class DatabaseTooNew extends Error {
  override name = 'DatabaseTooNew';
}

/** Applies every migration not yet applied, up to `lastVersion` (tests stop early to build old data). */
export async function migrate(db: Database, lastVersion = Number.POSITIVE_INFINITY): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}_.+\.sql$/.test(file)).sort();
  // By number: a file renamed since keeps its number, and an old database its old name.
  const known = new Set(files.map((file) => Number(file.slice(0, 4))));
  const unknown = (
    await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    )
  ).filter((row) => !known.has(row.version));
  if (unknown.length > 0)
    throw new DatabaseTooNew(
      `This database was upgraded by a newer version of Resilience Hub (it has ${unknown.map((row) => row.name).join(', ')}, ` +
        `which this version does not know). Run the newer version, or restore a backup made before the upgrade.`,
    );
  const applied: string[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 4));
    if (version > lastVersion) break;
    const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.length > 0) return false;
      await tx.execScript(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      return true;
    });
    if (didApply) applied.push(file);
  }
  return applied;
}
