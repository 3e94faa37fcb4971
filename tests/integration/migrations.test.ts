// Forward-only migrations: each applied once and recorded; running them again changes nothing; and a
// database saved before the change-log scopes (migration 0003) gets its scopes filled in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { migrate } from '../../src/server/storage/migrate.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

describe.each(databaseKinds)('migrations on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  });
  afterAll(() => test.drop());

  it('records each migration once and applies nothing the second time', async () => {
    const applied = await test.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(applied.map((row) => row.version)).toEqual([1, 2, 3, 15]);
    expect(await migrate(test.db)).toEqual([]);
  });

  it('fills in the scope of changes logged before scopes existed', async () => {
    const request = randomUUID();
    const contact = randomUUID();
    // A database as migration 0002 left it: no scope column yet.
    await test.db.execScript(
      `ALTER TABLE change_log DROP COLUMN scope; DELETE FROM schema_migrations WHERE version = 3;`,
    );
    await test.db.query(`INSERT INTO requests (id, parish_code, record) VALUES ($1, 'P9', '{}')`, [request]);
    await test.db.query(
      `INSERT INTO contacts (id, parish_code, restricted, record) VALUES ($1, 'P9', true, '{}')`,
      [contact],
    );
    await test.db.query(
      `INSERT INTO change_log (entity, entity_id) VALUES ('request', $1), ('contact', $2), ('partner', 'x')`,
      [request, contact],
    );

    expect(await migrate(test.db)).toEqual(['0003_change_log_scope.sql']);
    const scopes = await test.db.query<{ entity: string; scope: string | null }>(
      'SELECT entity, scope FROM change_log ORDER BY entity',
    );
    expect(scopes).toEqual([
      { entity: 'contact', scope: 'c:P9' },
      { entity: 'partner', scope: null },
      { entity: 'request', scope: 'p:P9' },
    ]);
  });
});
