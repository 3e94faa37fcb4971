// Forward-only migrations: each applied once and recorded; running them again changes nothing; a
// database saved before scopes existed (migrations 0003, 0004) gets them filled in; and a password hash
// stored before sign-in proofs (0010) still takes its password, and now the proof of it too; records
// stored with clocks before 0011 have their clock stamps as pulls send them, kept on every write since,
// and written shorter from 0012 on (the stamp of the id once, as "*"), reading back the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { verifyPassword, verifyProof } from '../../src/server/auth/password.ts';
import { DatabaseTooNew, migrate } from '../../src/server/storage/migrate.ts';
import { stampsAsPulled } from '../../src/domain/sync/pulledStamps.ts';
import {
  databaseKinds,
  openBareDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/testDatabase.ts';

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
    expect(applied.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await migrate(test.db)).toEqual([]);
  });

  it('refuses a database a newer version has upgraded, changing nothing', async () => {
    const newer = await openBareDatabase(kind);
    try {
      await migrate(newer.db);
      await newer.db.query(
        `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_from_later.sql')`,
      );
      await expect(migrate(newer.db)).rejects.toThrow(DatabaseTooNew);
      await expect(migrate(newer.db)).rejects.toThrow(
        /upgraded by a newer version of Resilience Hub \(it has 9999_from_later\.sql.*restore a backup/,
      );
      // A file renamed since keeps its number: an old name is not a newer version.
      await newer.db.query(`DELETE FROM schema_migrations WHERE version = 9999`);
      await newer.db.query(`UPDATE schema_migrations SET name = '0001_as_first_named.sql' WHERE version = 1`);
      expect(await migrate(newer.db)).toEqual([]);
    } finally {
      await newer.close();
    }
  });

  it('carries data saved before scopes existed through to the scopes of the registry', async () => {
    // A database as migration 0002 left it: requests and contacts scoped by columns, no scopes.
    const old = await openBareDatabase(kind);
    try {
      await migrate(old.db, 2);
      const request = randomUUID();
      const contact = randomUUID();
      const publicContact = randomUUID();
      const note = randomUUID();
      await old.db.query(`INSERT INTO requests (id, parish_code, record) VALUES ($1, 'P9', '{}')`, [request]);
      await old.db.query(
        `INSERT INTO contacts (id, parish_code, restricted, record) VALUES ($1, 'P9', true, '{}'), ($2, 'P9', false, '{}')`,
        [contact, publicContact],
      );
      await old.db.query(
        `INSERT INTO timeline (id, request_id, parish_code, record) VALUES ($1, $2, 'P9', '{}')`,
        [note, request],
      );
      await old.db.query(
        `INSERT INTO change_log (entity, entity_id) VALUES ('request', $1), ('contact', $2), ('partner', 'x')`,
        [request, contact],
      );

      expect(await migrate(old.db)).toEqual([
        '0003_change_log_scope.sql',
        '0004_scope_from_registry.sql',
        '0005_login_throttle.sql',
        '0006_people_sessions_audit.sql',
        '0007_oruk_term_mappings.sql',
        '0008_lsoas.sql',
        '0009_review_rounds.sql',
        '0010_sign_in_proofs.sql',
        '0011_clock_stamps.sql',
        '0012_shorter_clock_stamps.sql',
      ]);
      const scopes = await old.db.query<{ entity: string; scope: string | null }>(
        'SELECT entity, scope FROM change_log ORDER BY entity',
      );
      expect(scopes).toEqual([
        { entity: 'contact', scope: 'parish:P9' },
        { entity: 'partner', scope: null },
        { entity: 'request', scope: 'parish:P9' },
      ]);
      const stored = await old.db.query<{ id: string; scope: string | null; parent_id: string | null }>(
        `SELECT id::text, scope, parent_id FROM contacts UNION ALL SELECT id::text, scope, parent_id FROM requests
         UNION ALL SELECT id::text, scope, parent_id FROM timeline`,
      );
      expect(new Map(stored.map((row) => [row.id, [row.scope, row.parent_id]]))).toEqual(
        new Map([
          [contact, ['parish:P9', null]],
          [publicContact, [null, null]],
          [request, ['parish:P9', null]],
          [note, ['parish:P9', `request:${request}`]],
        ]),
      );
    } finally {
      await old.close();
    }
  });

  it('converts a password hash stored before sign-in proofs, with no password needed', async () => {
    const old = await openBareDatabase(kind);
    try {
      await migrate(old.db, 9);
      // As hashPassword stored it then: scrypt$N$r$p$salt$key, the key itself.
      const salt = randomBytes(16);
      const key = scryptSync('an old password', salt, 32, { N: 1024, r: 8, p: 1 });
      const before = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
      await old.db.query(
        `INSERT INTO users (id, username, display_name, password_hash, role) VALUES ($1, 'old', 'Old', $2, 'viewer')`,
        [randomUUID(), before],
      );
      await migrate(old.db);
      const [row] = await old.db.query<{ password_hash: string }>(
        `SELECT password_hash FROM users WHERE username = 'old'`,
      );
      const after = row!.password_hash;
      expect(after).toMatch(/^scrypt-sha256\$1024\$8\$1\$/);
      expect(after).not.toContain(key.toString('base64'));
      expect((await verifyPassword('an old password', after)).matches).toBe(true);
      expect((await verifyPassword('another password', after)).matches).toBe(false);
      expect(verifyProof(key.toString('base64'), after)).toBe(true);
    } finally {
      await old.close();
    }
  });

  it('keeps each record’s clock stamps as pulls send them, for records stored before and written after', async () => {
    const old = await openBareDatabase(kind);
    try {
      await migrate(old.db, 10);
      const edited = randomUUID();
      const untouched = randomUUID();
      const clocks = { name: { hlc: '000001700000000-00001-a', by: 'Duty Officer' } };
      await old.db.query(
        `INSERT INTO partners (id, record, field_clocks) VALUES ($1, '{}', $2::jsonb), ($3, '{}', '{}')`,
        [edited, JSON.stringify(clocks), untouched],
      );
      await migrate(old.db);
      const stamps = async () =>
        new Map(
          (
            await old.db.query<{ id: string; clock_stamps: string }>(
              'SELECT id::text, clock_stamps FROM partners',
            )
          ).map((row) => [row.id, JSON.parse(row.clock_stamps) as unknown]),
        );
      expect(await stamps()).toEqual(
        new Map([
          [edited, { name: '000001700000000-00001-a' }],
          [untouched, {}],
        ]),
      );
      // As a push stores an edit: the new clocks laid over the stored ones.
      await old.db.query(`UPDATE partners SET field_clocks = field_clocks || $2::jsonb WHERE id = $1`, [
        untouched,
        JSON.stringify({ phone: { hlc: '000001700000001-00001-b', by: 'Coordinator' } }),
      ]);
      expect((await stamps()).get(untouched)).toEqual({ phone: '000001700000001-00001-b' });
    } finally {
      await old.close();
    }
  });

  it('writes the stamp the fields share once, as "*", and each stamp reads back as it is held', async () => {
    const old = await openBareDatabase(kind);
    try {
      await migrate(old.db, 11);
      const clock = (hlc: string) => ({ hlc, by: 'Duty Officer' });
      const made = '000001700000000-00001-a';
      const later = '000001700000005-00002-b';
      const records = [
        // made on a phone: every field the stamp of its id
        { record: { id: 'p1', name: 'A', phone: '1' }, clocks: { id: made, name: made, phone: made } },
        // one field edited since
        { record: { id: 'p2', name: 'B', phone: '2' }, clocks: { id: made, name: later, phone: made } },
        // a stamp for a field the record no longer has
        { record: { id: 'p3', name: 'C' }, clocks: { id: made, name: made, phone: made } },
        // seeded, then one field edited: no stamp on the id, so every stamp named
        { record: { id: 'p4', name: 'D', phone: '4' }, clocks: { phone: later } },
        // seeded, never edited through sync
        { record: { id: 'p5', name: 'E' }, clocks: {} },
      ].map((entry) => ({ ...entry, uuid: randomUUID() }));
      for (const { uuid, record, clocks } of records)
        await old.db.query(
          `INSERT INTO partners (id, record, field_clocks) VALUES ($1, $2::jsonb, $3::jsonb)`,
          [
            uuid,
            JSON.stringify(record),
            JSON.stringify(
              Object.fromEntries(Object.entries(clocks).map(([field, hlc]) => [field, clock(hlc)])),
            ),
          ],
        );
      await migrate(old.db);
      const sent = async () =>
        new Map(
          (
            await old.db.query<{ id: string; clock_stamps: string }>(
              'SELECT id::text, clock_stamps FROM partners',
            )
          ).map((row) => [row.id, JSON.parse(row.clock_stamps) as Record<string, string>]),
        );
      const [p1, p2, p3, p4, p5] = records.map((entry) => entry.uuid);
      const before = await sent();
      expect(before.get(p1!)).toEqual({ '*': made });
      expect(before.get(p2!)).toEqual({ '*': made, name: later });
      expect(before.get(p3!)).toEqual({ '*': made, phone: made });
      expect(before.get(p4!)).toEqual({ phone: later });
      expect(before.get(p5!)).toEqual({});
      for (const { uuid, record, clocks } of records)
        expect(stampsAsPulled(record, before.get(uuid)!), uuid).toEqual(clocks);
      // As a push stores an edit: the new clocks laid over the stored ones, the record patched.
      await old.db.query(
        `UPDATE partners SET record = record || '{"phone": "9"}', field_clocks = field_clocks || $2::jsonb
         WHERE id = $1`,
        [p1, JSON.stringify({ phone: clock(later) })],
      );
      expect((await sent()).get(p1!)).toEqual({ '*': made, phone: later });
    } finally {
      await old.close();
    }
  });
});
