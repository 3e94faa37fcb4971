// The database a server benchmark runs on: a fresh PGlite, or a schema of its own on the PostgreSQL
// server of BENCH_DATABASE_URL or TEST_DATABASE_URL (dropped afterwards), with an admin to act as.
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { createUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';
import { NAMED_AREA } from '../support/area.ts';

export const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** Runs `work` on a fresh database (on PostgreSQL, in a schema of its own, dropped afterwards) with an admin. */
export async function withDatabase<T>(
  kind: 'pglite' | 'postgres',
  work: (db: Database, user: User) => Promise<T>,
): Promise<T> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = await openDatabase(kind === 'postgres' ? { databaseUrl: postgresUrl, schema } : {});
  try {
    // the wards and parishes the pushed records name (a push refuses a change naming an unknown one)
    await replaceArea(db, NAMED_AREA);
    await createUser(db, {
      username: 'bench',
      displayName: 'Bench',
      password: 'x',
      role: 'admin',
      parishCode: null,
    });
    const [row] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'bench'`);
    return await work(db, {
      id: row!.id,
      username: 'bench',
      displayName: 'Bench',
      role: 'admin',
      parishCode: null,
    });
  } finally {
    if (kind === 'postgres') await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
}
