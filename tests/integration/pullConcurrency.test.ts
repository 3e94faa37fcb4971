// Pulls miss nothing (sync invariant 3), proved on real PostgreSQL with concurrent writers: a change
// committed late by a slow transaction is not skipped by a reader that has already read a later one,
// and a reader pulling in a loop while several pushers write ends with every change. PGlite has a single
// connection, so this runs only when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { pull } from '../../src/server/sync/pull.ts';
import { push } from '../../src/server/sync/push.ts';
import { recordChanges } from '../../src/server/storage/changeLog.ts';
import { createUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aRequest, creating } from '../support/records.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';
import { NAMED_AREA } from '../support/area.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('pull under concurrent writers on PostgreSQL', () => {
  let test: TestDatabase;
  let officer: User;

  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    await replaceArea(test.db, NAMED_AREA); // the wards and parishes the pushed requests name
    await createUser(test.db, {
      username: 'officer',
      displayName: 'Officer',
      password: 'x',
      role: 'duty_officer',
      parishCode: null,
    });
    const [row] = await test.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'officer'`);
    officer = {
      id: row!.id,
      username: 'officer',
      displayName: 'Officer',
      role: 'duty_officer',
      parishCode: null,
    };
  });
  afterAll(() => test.drop());

  async function drain(cursor: string | undefined, seen: Set<string>): Promise<string | undefined> {
    for (;;) {
      const page = await pull(test.db, officer, cursor, 100);
      for (const change of page.changes) seen.add(`${change.entity}:${change.id}`);
      cursor = page.cursor;
      if (!page.hasMore) return cursor;
    }
  }

  it('does not skip a change whose transaction commits after a later one', async () => {
    const schema = (await test.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]!.s;
    const slow = new pg.Client({ connectionString: url, options: `-c search_path="${schema}"` });
    await slow.connect();
    try {
      const seen = new Set<string>();
      const slowId = randomUUID();
      const quickId = randomUUID();
      let cursor = await drain(undefined, seen);
      // The slow writer takes its place in the log first, and is still open…
      await slow.query('BEGIN');
      await recordChanges(
        {
          query: async (sql, params) => (await slow.query(sql, params)).rows,
          execScript: async () => undefined,
        },
        'partner',
        [{ id: slowId, scope: null }],
      );
      // …while a quick writer commits a later change.
      await test.db.transaction((tx) => recordChanges(tx, 'partner', [{ id: quickId, scope: null }]));
      cursor = await drain(cursor, seen);
      expect(seen.has(`partner:${slowId}`)).toBe(false);
      // …and the pull says the quick one is held back rather than leaving the device guessing.
      expect(seen.has(`partner:${quickId}`)).toBe(false);
      expect((await pull(test.db, officer, cursor, 100)).heldBack).toBe(true);
      await slow.query('COMMIT');
      await drain(cursor, seen);
      expect(seen.has(`partner:${slowId}`)).toBe(true);
      expect(seen.has(`partner:${quickId}`)).toBe(true);
    } finally {
      await slow.end();
    }
  });

  it('a reader pulling in a loop while four pushers write ends with every change, no gaps', async () => {
    const written = new Set<string>();
    const seen = new Set<string>();
    let cursor = await drain(undefined, new Set());
    let writing = true;

    const pusher = async (device: string) => {
      for (let batch = 0; batch < 25; batch += 1) {
        const requests = Array.from({ length: 4 }, () => aRequest());
        const results = await push(
          test.db,
          officer,
          device,
          requests.map((request) => creating('request', request)),
        );
        results.forEach((result, i) => {
          if (result.status === 'applied') written.add(`request:${requests[i]!.id}`);
        });
      }
    };
    const reader = async () => {
      while (writing) {
        const page = await pull(test.db, officer, cursor, 7);
        for (const change of page.changes) seen.add(`${change.entity}:${change.id}`);
        cursor = page.cursor;
      }
    };
    const reading = reader();
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((device) => pusher(`device-${device}-${randomUUID().slice(0, 4)}`)),
    );
    writing = false;
    await reading;
    await drain(cursor, seen);

    expect(written.size).toBe(400);
    const missing = [...written].filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });
});
