// A push batch is decided in memory and stored in one statement (src/server/sync/pendingWrites.ts): these
// tests hold it to what applying the mutations one at a time gave. Mutations on one record apply in
// order; a record moved to another parish takes its notes with it, those written in the same batch
// included; and when the database refuses part of the batch, the batch is stored one by one so only the
// culprit is refused. On PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { push } from '../../src/server/sync/push.ts';
import { appliedAlreadySql } from '../../src/server/sync/batchReads.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import type { Database } from '../../src/server/storage/database.ts';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aMutation, aRequest, creating, stamp } from '../support/records.ts';
import { NAMED_AREA } from '../support/area.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';

const duty: User = {
  id: randomUUID(),
  username: 'duty',
  displayName: 'Duty Officer',
  role: 'duty_officer',
  parishCode: null,
};

function aNote(requestId: string, text: string): TimelineEntry {
  return {
    id: randomUUID(),
    requestId,
    at: new Date().toISOString(),
    by: randomUUID(),
    byName: 'x',
    kind: 'note',
    text,
    status: null,
  };
}

describe.each(databaseKinds)('a push batch stored together, on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await replaceArea(test.db, NAMED_AREA); // the wards and parishes the requests name
  });
  afterAll(() => test.drop());

  const pushed = (mutations: Mutation[]) => push(test.db, duty, 'batch-device', mutations);
  const requestRow = async (id: string) =>
    (
      await test.db.query<{ record: Record<string, unknown>; scope: string | null }>(
        'SELECT record, scope FROM requests WHERE id = $1',
        [id],
      )
    )[0];
  const logged = (entity: string, id: string) =>
    test.db.query<{ entity: string; entity_id: string; scope: string | null }>(
      `SELECT entity, entity_id, scope FROM change_log WHERE entity = $1 AND entity_id = $2
       OR entity = 'exit:' || $1 AND entity_id LIKE $2 || '|%' ORDER BY entity`,
      [entity, id],
    );
  const audited = (recordId: string, field: string) =>
    test.db.query<{ old_value: unknown; new_value: unknown }>(
      'SELECT old_value, new_value FROM audit_log WHERE record_id = $1 AND field = $2 ORDER BY id',
      [recordId, field],
    );

  it('applies mutations on one record in the order sent, and audits each step', async () => {
    const request = aRequest();
    const statuses = ['assigned', 'in_progress', 'done'];
    const batch = [
      creating('request', request),
      ...statuses.map((status) => aMutation('request', request.id, { status })),
      // a refused change in the middle shows the record as the batch had left it
      aMutation('request', request.id, { createdBy: randomUUID() }),
      creating('timeline', aNote(request.id, 'Rang back')),
    ];
    const results = await pushed(batch);
    expect(results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'rejected',
      'applied',
    ]);
    expect(results[4]).toMatchObject({ reason: 'createdBy is set by the server.' });
    expect((results[4]?.current as { status: string }).status).toBe('done');
    expect((await requestRow(request.id))?.record.status).toBe('done');
    expect(await audited(request.id, 'status')).toEqual([
      { old_value: null, new_value: 'new' },
      { old_value: 'new', new_value: 'assigned' },
      { old_value: 'assigned', new_value: 'in_progress' },
      { old_value: 'in_progress', new_value: 'done' },
    ]);
    // written once, so one change-log row
    expect(await logged('request', request.id)).toEqual([
      { entity: 'request', entity_id: request.id, scope: 'staff' },
    ]);
    // the same batch again: each applied one once, the refused one refused again
    const again = await pushed(batch);
    expect(again.map((result) => result.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'rejected',
      'duplicate',
    ]);
  });

  it('moves notes with their request, those written in the same batch and those stored before', async () => {
    const request = aRequest({ place: { ...aRequest().place, parishCode: 'DEMO-P01' } });
    const storedNote = aNote(request.id, 'Logged yesterday');
    await pushed([creating('request', request), creating('timeline', storedNote)]);

    const newNote = aNote(request.id, 'Logged today');
    const moved = { ...request.place, parishCode: 'DEMO-P02' };
    const results = await pushed([
      creating('timeline', newNote),
      aMutation('request', request.id, { place: moved }, { hlc: stamp() }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const notes = await test.db.query<{ id: string; scope: string }>(
      'SELECT id::text AS id, scope FROM timeline WHERE parent_id = $1 ORDER BY id',
      [`request:${request.id}`],
    );
    expect(notes.map((note) => note.scope)).toEqual(['parish:DEMO-P02', 'parish:DEMO-P02']);
    // the note stored before leaves the old parish's devices; the new one never was there
    expect(await logged('timeline', storedNote.id)).toEqual([
      { entity: 'exit:timeline', entity_id: `${storedNote.id}|parish:DEMO-P01`, scope: 'parish:DEMO-P01' },
      { entity: 'timeline', entity_id: storedNote.id, scope: 'parish:DEMO-P02' },
    ]);
    expect(await logged('timeline', newNote.id)).toEqual([
      { entity: 'timeline', entity_id: newNote.id, scope: 'parish:DEMO-P02' },
    ]);
    // and so does the request itself
    expect(await logged('request', request.id)).toEqual([
      { entity: 'exit:request', entity_id: `${request.id}|parish:DEMO-P01`, scope: 'parish:DEMO-P01' },
      { entity: 'request', entity_id: request.id, scope: 'parish:DEMO-P02' },
    ]);
  });

  it('logs edits that move nothing in the scope their records are in, with no exit rows', async () => {
    const request = aRequest({ place: { ...aRequest().place, parishCode: 'DEMO-P01' } });
    await pushed([creating('request', request)]);
    const results = await pushed([
      aMutation('request', request.id, { status: 'assigned' }, { hlc: stamp() }),
      creating('timeline', aNote(request.id, 'On the way')),
      aMutation('request', request.id, { status: 'in_progress' }, { hlc: stamp() }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await logged('request', request.id)).toEqual([
      { entity: 'request', entity_id: request.id, scope: 'parish:DEMO-P01' },
    ]);
    // Every record's log row, in every table this file writes, is in its record's scope.
    const astray = await test.db.query(
      `SELECT 'request' AS entity, r.id::text AS id FROM requests r
         JOIN change_log l ON l.entity = 'request' AND l.entity_id = r.id::text
         WHERE l.scope IS DISTINCT FROM r.scope
       UNION ALL
       SELECT 'timeline', t.id::text FROM timeline t
         JOIN change_log l ON l.entity = 'timeline' AND l.entity_id = t.id::text
         WHERE l.scope IS DISTINCT FROM t.scope`,
    );
    expect(astray).toEqual([]);
  });

  it('stores an edit of a stored record as the whole merged record would be', async () => {
    const request = aRequest();
    await pushed([creating('request', request)]);
    const place = { ...request.place, address: '1 High Street', lat: 51.2, lon: 0.52 };
    const edits = [
      aMutation('request', request.id, { status: 'assigned', place }),
      aMutation('request', request.id, { urgency: 'immediate' }),
    ];
    expect((await pushed(edits)).map((result) => result.status)).toEqual(['applied', 'applied']);
    const row = async () =>
      (
        await test.db.query<{ record: Record<string, unknown>; field_clocks: Record<string, unknown> }>(
          'SELECT record, field_clocks FROM requests WHERE id = $1',
          [request.id],
        )
      )[0]!;
    const edited = await row();
    expect(edited.record).toEqual({
      ...request,
      createdBy: duty.id,
      createdByName: duty.displayName,
      status: 'assigned',
      place,
      urgency: 'immediate',
      updatedAt: edited.record.updatedAt,
    });
    expect(edited.field_clocks).toMatchObject({
      status: { hlc: edits[0]!.hlc },
      place: { hlc: edits[0]!.hlc },
      urgency: { hlc: edits[1]!.hlc },
      needs: { hlc: expect.any(String) },
    });
    // a field the schema no longer has is dropped when the record is next written, as a whole write did
    await test.db.query(`UPDATE requests SET record = record || '{"retired": 1}' WHERE id = $1`, [
      request.id,
    ]);
    await pushed([aMutation('request', request.id, { status: 'done' })]);
    const again = await row();
    expect(again.record).not.toHaveProperty('retired');
    expect(again.record).toMatchObject({ status: 'done', place, urgency: 'immediate' });
  });

  it('settles a conflict and edits its record in one batch (the record is locked up front)', async () => {
    const request = aRequest();
    await pushed([creating('request', request, stamp('phone-a', Date.now() - 60_000))]);
    // two offline edits of the status, neither having seen the other: a conflict
    await pushed([aMutation('request', request.id, { status: 'assigned' }, { hlc: stamp('phone-a') })]);
    await pushed([aMutation('request', request.id, { status: 'done' }, { hlc: stamp('phone-b') })]);
    const [conflict] = await test.db.query<{ id: string }>('SELECT id FROM conflicts WHERE parent_id = $1', [
      `request:${request.id}`,
    ]);
    expect(conflict).toBeDefined();
    const settledAt = new Date().toISOString();
    const results = await pushed([
      aMutation('conflict', conflict!.id, { status: 'settled', settledAt }),
      aMutation('request', request.id, { status: 'in_progress' }, { base: {} }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const [settled] = await test.db.query<{ record: { status: string; settledBy: string } }>(
      'SELECT record FROM conflicts WHERE id = $1',
      [conflict!.id],
    );
    expect(settled?.record).toMatchObject({ status: 'settled', settledBy: 'Duty Officer' });
    expect((await requestRow(request.id))?.record.status).toBe('in_progress');
  });

  // Settling a conflict writes under its record, which the mutation does not name: read lazily, that
  // record was locked late, and two such pushes crosswise deadlocked about half the time.
  it.runIf(kind === 'postgres')(
    'settles conflicts crosswise in concurrent pushes without a deadlock',
    async () => {
      let deadlocks = 0;
      const counted: Database = {
        ...test.db,
        async transaction(work) {
          try {
            return await test.db.transaction(work);
          } catch (error) {
            if ((error as { code?: unknown }).code === '40P01') deadlocks += 1;
            throw error;
          }
        },
      };
      async function requestWithConflict(): Promise<{ request: string; conflict: string }> {
        const request = aRequest();
        await pushed([creating('request', request, stamp('phone-a', Date.now() - 60_000))]);
        await pushed([aMutation('request', request.id, { status: 'assigned' }, { hlc: stamp('phone-a') })]);
        await pushed([aMutation('request', request.id, { status: 'done' }, { hlc: stamp('phone-b') })]);
        const [conflict] = await test.db.query<{ id: string }>(
          'SELECT id FROM conflicts WHERE parent_id = $1',
          [`request:${request.id}`],
        );
        return { request: request.id, conflict: conflict!.id };
      }
      const settle = (conflict: string) =>
        aMutation('conflict', conflict, { status: 'settled', settledAt: new Date().toISOString() });
      const edit = (request: string) => aMutation('request', request, { urgency: 'immediate' });
      for (let round = 0; round < 10; round += 1) {
        const [one, two] = [await requestWithConflict(), await requestWithConflict()];
        const answers = await Promise.all([
          push(counted, duty, 'phone-a', [settle(one.conflict), edit(two.request)]),
          push(counted, duty, 'phone-b', [edit(one.request), settle(two.conflict)]),
        ]);
        expect(answers.flat().map((result) => result.status)).toEqual(Array(4).fill('applied'));
      }
      expect(deadlocks).toBe(0);
    },
    60_000,
  );

  it('stores one by one when the database refuses part of the batch, refusing only the culprit', async () => {
    // A stand-in for any failure the checks cannot foresee: the database refuses one request.
    await test.db.execScript(`
      CREATE FUNCTION refuse_one_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.record->'forWhom'->>'name' = 'Refused by storage' THEN
          RAISE EXCEPTION 'refused by a test trigger';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER refuse_one_request BEFORE INSERT OR UPDATE ON requests
        FOR EACH ROW EXECUTE FUNCTION refuse_one_request();`);
    const good = aRequest();
    const culprit = aRequest({
      forWhom: { name: 'Refused by storage', phone: '07700 900222', households: 2 },
    });
    const batch = [
      creating('request', good),
      creating('request', culprit),
      aMutation('request', good.id, { status: 'assigned' }),
      creating('timeline', aNote(good.id, 'On the way')),
    ];
    const results = await pushed(batch);
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied', 'applied']);
    expect(results[1]).toMatchObject({ reason: 'The server could not store this change.', current: null });
    expect((await requestRow(good.id))?.record.status).toBe('assigned');
    expect(await requestRow(culprit.id)).toBeUndefined();
    expect(await logged('request', culprit.id)).toEqual([]);
    expect(await audited(culprit.id, 'status')).toEqual([]);
    expect(await audited(good.id, 'status')).toHaveLength(2);
    const remembered = await test.db.query<{ id: string }>(
      'SELECT id::text AS id FROM applied_mutations WHERE id = ANY($1::uuid[])',
      [batch.map((mutation) => mutation.id)],
    );
    expect(remembered.map((row) => row.id).sort()).toEqual([batch[0]!.id, batch[2]!.id, batch[3]!.id].sort());
    await test.db.execScript('DROP TRIGGER refuse_one_request ON requests');
  });

  it("stores a phone's push in three statements: its locks, its reads, its writes", async () => {
    const stored = aRequest({ place: { ...aRequest().place, parishCode: 'DEMO-P01' } });
    await pushed([creating('request', stored)]);
    const statements: string[] = [];
    const counting: Database = {
      ...test.db,
      query: test.db.query.bind(test.db),
      execScript: test.db.execScript.bind(test.db),
      close: test.db.close.bind(test.db),
      transaction: (work, options) =>
        test.db.transaction(
          (tx) =>
            work({
              query: (sql, params) => {
                statements.push(typeof sql === 'string' ? sql : sql.text);
                return tx.query(sql, params);
              },
              execScript: (sql) => tx.execScript(sql),
            }),
          options,
        ),
    };
    // A new request naming a ward and a parish, a note on it, and an edit of a stored request.
    const results = await push(counting, duty, 'batch-device', [
      creating('request', aRequest({ place: { ...aRequest().place, parishCode: 'DEMO-P01' } })),
      creating('timeline', aNote(stored.id, 'Called back')),
      aMutation('request', stored.id, { status: 'assigned' }, { hlc: stamp() }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toContain('pg_advisory_xact_lock');
    expect(statements[1]).toContain('applied_mutations');
    expect(statements[1]).toContain('FOR UPDATE');
    expect(statements[1]).toContain('change_log');
    expect(statements[2]).toMatch(/^WITH /);
  });

  it('finds the mutations applied before by the index, however many the table holds', async () => {
    // Thousands of applied mutations, never analysed: where a plain `id = ANY(...)` scanned them all.
    await test.db.query(
      `INSERT INTO applied_mutations (id, client_id, user_id, entity)
       SELECT gen_random_uuid(), 'many', gen_random_uuid(), 'request' FROM generate_series(1, 20000)`,
    );
    const before = aMutation('request', randomUUID(), { status: 'assigned' });
    await test.db.query(
      `INSERT INTO applied_mutations (id, client_id, user_id, entity) VALUES ($1, 'x', $2, 'request')`,
      [before.id, duty.id],
    );
    const ids = [before.id, ...Array.from({ length: 99 }, () => randomUUID())];
    const appliedAlready = appliedAlreadySql('$1');
    const plan = JSON.stringify(await test.db.query(`EXPLAIN (FORMAT JSON) ${appliedAlready}`, [ids]));
    expect(plan).toContain('applied_mutations_pkey');
    expect(plan).not.toContain('"Seq Scan"');
    const found = await test.db.query<{ id: string }>(appliedAlready, [ids]);
    expect(found.map((row) => row.id)).toEqual([before.id]);
  });
});
