// A push naming a record the server does not have (a ward, parish, incident, partner, review round...)
// is refused, naming the field, and nothing of it is stored or sent to devices; a record created
// earlier in the same batch or an earlier one counts, and so does one the server had and has since
// removed (see src/server/sync/knownRecords.ts for why). On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replaceArea } from '../../src/server/area/replaceArea.ts';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import { pushResponseSchema, type Mutation, type PushResult } from '../../src/domain/sync/mutation.ts';
import type { Incident } from '../../src/domain/entities/request.ts';
import type { Ward, Parish } from '../../src/domain/geo/area.ts';
import { push as pushDirect } from '../../src/server/sync/push.ts';
import type { Database, Queryable } from '../../src/server/storage/database.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';

function anIncident(overrides: Partial<Incident> = {}): Incident {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    name: 'River Beult flooding',
    type: 'flood',
    startedAt: now,
    endedAt: null,
    status: 'open',
    wardCodes: ['DEMO-W01'],
    updatedAt: now,
    ...overrides,
  };
}

describe.each(databaseKinds)('references in a push on %s', (kind) => {
  const demo = signedInDemo(kind);
  const { auth } = demo;
  async function push(username: string, mutations: Mutation[]): Promise<PushResult[]> {
    const response = await demo.app.request('/api/sync/push', {
      method: 'POST',
      headers: auth(username),
      body: JSON.stringify({ clientId: `device-${username}`, mutations }),
    });
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json()).results;
  }
  const stored = async (table: string, id: string) =>
    (await demo.test.db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
  async function pulledIds(username: string): Promise<Set<string>> {
    const response = await demo.app.request('/api/sync/pull?limit=2000', { headers: auth(username) });
    const page = pullResponseSchema.parse(await response.json());
    return new Set(page.changes.map((change) => change.id));
  }

  it('refuses a request naming an unknown ward, parish, incident or partner, naming each field', async () => {
    const good = aRequest();
    const cases = [
      { field: 'place.wardCode', request: aRequest({ place: { ...good.place, wardCode: 'NOWHERE-1' } }) },
      {
        field: 'place.parishCode',
        request: aRequest({ place: { ...good.place, parishCode: 'NOWHERE-P' } }),
      },
      { field: 'incidentId', request: aRequest({ incidentId: randomUUID() }) },
      {
        field: 'assignments.0.partnerId',
        request: aRequest({
          status: 'assigned',
          assignments: [
            {
              partnerId: randomUUID(),
              partnerName: 'Made up',
              reasons: [],
              assignedAt: new Date().toISOString(),
              assignedBy: 'someone',
            },
          ],
        }),
      },
    ];
    const results = await push('duty', [
      ...cases.map((entry) => creating('request', entry.request)),
      creating('request', good),
    ]);
    cases.forEach((entry, index) => {
      const result = results[index]!;
      expect(result.status, entry.field).toBe('rejected');
      if (result.status !== 'rejected') return;
      expect(Object.keys(result.fields ?? {})).toEqual([entry.field]);
      expect(result.reason).toContain(entry.field);
    });
    // one bad mutation never stops the good ones in its batch
    expect(results.at(-1)!.status).toBe('applied');
    for (const entry of cases) expect(await stored('requests', entry.request.id)).toBe(false);
    const pulled = await pulledIds('duty');
    for (const entry of cases) expect(pulled.has(entry.request.id)).toBe(false);
    expect(pulled.has(good.id)).toBe(true);
  });

  it('refuses an edit that points a stored request at an unknown ward, and keeps the record as it was', async () => {
    const request = aRequest();
    expect((await push('duty', [creating('request', request)]))[0]!.status).toBe('applied');
    const [moved] = await push('duty', [
      aMutation('request', request.id, { place: { ...request.place, wardCode: 'NOWHERE-2' } }),
    ]);
    expect(moved!.status).toBe('rejected');
    if (moved!.status === 'rejected') expect(moved!.fields).toHaveProperty(['place.wardCode']);
    const [row] = await demo.test.db.query<{ record: { place: { wardCode: string } } }>(
      'SELECT record FROM requests WHERE id = $1',
      [request.id],
    );
    expect(row!.record.place.wardCode).toBe('DEMO-W01');
  });

  it('accepts an incident and a request for it made offline together, and a request for it later', async () => {
    const incident = anIncident();
    const together = aRequest({ incidentId: incident.id });
    const results = await push('duty', [creating('incident', incident), creating('request', together)]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const later = aRequest({ incidentId: incident.id });
    expect((await push('duty', [creating('request', later)]))[0]!.status).toBe('applied');
    expect(await stored('requests', together.id)).toBe(true);
  });

  it('refuses a request for an incident whose own creation was refused in the same batch', async () => {
    const incident = anIncident({ wardCodes: ['NOWHERE-3'] });
    const request = aRequest({ incidentId: incident.id });
    const results = await push('duty', [creating('incident', incident), creating('request', request)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const [forIncident, forRequest] = results;
    if (forIncident!.status === 'rejected') expect(forIncident!.fields).toHaveProperty(['wardCodes.0']);
    if (forRequest!.status === 'rejected') expect(forRequest!.fields).toHaveProperty(['incidentId']);
  });

  it('refuses unknown references in the directory, review and report records', async () => {
    const partner = aPartner({
      coverage: { boroughWide: false, wards: ['DEMO-W01', 'NOWHERE-4'], parishes: ['NOWHERE-P4'] },
    });
    const contact = aContact({ parishCode: 'NOWHERE-P5' });
    const now = new Date().toISOString();
    const report = {
      id: randomUUID(),
      incidentId: randomUUID(),
      issuedAt: now,
      open: 0,
      gaps: [],
      by: randomUUID(),
      byName: 'x',
    };
    const check = {
      id: randomUUID(),
      roundId: randomUUID(),
      entity: 'partner',
      recordId: randomUUID(),
      outcome: 'still_correct',
      checkedAt: now,
      by: randomUUID(),
      byName: 'x',
    };
    const parish = {
      code: 'NEW-P9',
      name: 'New parish',
      wardCodes: ['NOWHERE-6'],
      boundary: null,
      communityEmergencyPlan: { has: false, link: null },
      charterRole: { agreed: false, date: null },
      retired: false,
    };
    const results = await push('admin', [
      creating('partner', partner),
      creating('contact', contact),
      creating('issuedReport', report),
      creating('reviewCheck', check),
      aMutation('parish', parish.code, parish),
    ]);
    const fields = results.map((result) =>
      result.status === 'rejected' ? Object.keys(result.fields ?? {}).sort() : result.status,
    );
    expect(fields).toEqual([
      ['coverage.parishes.0', 'coverage.wards.1'],
      ['parishCode'],
      ['incidentId'],
      ['recordId', 'roundId'],
      ['wardCodes.0'],
    ]);
  });

  it('refuses a review section assigned to a person who has no account, and takes one who has', async () => {
    const now = new Date().toISOString();
    const round = {
      id: randomUUID(),
      name: 'Winter review',
      dueDate: '2026-12-31',
      startedAt: now,
      startedBy: 'x',
      startedByName: 'x',
      closed: false,
      updatedAt: now,
    };
    const [admin] = await demo.test.db.query<{ id: string }>(
      `SELECT id::text AS id FROM users WHERE username = 'admin'`,
    );
    const assignment = (section: string, assigneeId: string) => ({
      id: `${round.id}/${section}`,
      roundId: round.id,
      section,
      assigneeId,
      assigneeName: 'Someone',
      updatedAt: now,
    });
    const nobody = assignment('borough', randomUUID());
    const somebody = assignment('several', admin!.id);
    const results = await push('admin', [
      creating('reviewRound', round),
      aMutation('reviewAssignment', nobody.id, nobody),
      aMutation('reviewAssignment', somebody.id, somebody),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
    const refused = results[1]!;
    if (refused.status === 'rejected') expect(Object.keys(refused.fields ?? {})).toEqual(['assigneeId']);
  });

  it('keeps a request naming a parish the server had and has since removed (a tombstone)', async () => {
    // A boundary import that leaves out parish DEMO-P02: devices are told it is gone, but one still
    // offline logs a request there; the request is kept rather than lost.
    const area = await demo.test.db.query<{ record: Ward }>('SELECT record FROM wards ORDER BY id');
    const parishes = await demo.test.db.query<{ record: Parish }>('SELECT record FROM parishes ORDER BY id');
    await replaceArea(demo.test.db, {
      wards: area.map((row) => row.record),
      parishes: parishes.map((row) => row.record).filter((parish) => parish.code !== 'DEMO-P02'),
    });
    expect(await stored('parishes', 'DEMO-P02')).toBe(false);
    const base = aRequest();
    const request = aRequest({ place: { ...base.place, parishCode: 'DEMO-P02' } });
    const [result] = await push('duty', [creating('request', request)]);
    expect(result!.status).toBe('applied');
  });

  it('reads the references of a whole batch in one statement, however many mutations name them', async () => {
    const statements: string[] = [];
    const counting = (tx: Queryable): Queryable => ({
      query: (sql, params) => {
        statements.push(typeof sql === 'string' ? sql : sql.text);
        return tx.query(sql, params);
      },
      execScript: (sql) => tx.execScript(sql),
    });
    const db: Database = {
      kind: demo.test.db.kind,
      query: (sql, params) => demo.test.db.query(sql, params),
      execScript: (sql) => demo.test.db.execScript(sql),
      transaction: (work) => demo.test.db.transaction((tx) => work(counting(tx))),
      close: () => Promise.resolve(),
    };
    const [row] = await demo.test.db.query<{ id: string }>(
      `SELECT id::text AS id FROM users WHERE username = 'duty'`,
    );
    const duty: User = {
      id: row!.id,
      username: 'duty',
      displayName: 'Duty',
      role: 'duty_officer',
      parishCode: null,
    };
    const incident = anIncident();
    const base = aRequest();
    const batch = (size: number) => [
      creating('incident', anIncident()),
      ...Array.from({ length: size }, (_, index) =>
        creating(
          'request',
          aRequest({
            incidentId: index % 2 ? incident.id : randomUUID(),
            place: { ...base.place, wardCode: index % 3 ? 'DEMO-W01' : `NOWHERE-${index}` },
          }),
        ),
      ),
    ];
    expect((await pushDirect(db, duty, 'counting', [creating('incident', incident)]))[0]!.status).toBe(
      'applied',
    );
    const knownReads = () => statements.filter((sql) => sql.includes('AS r(entity, id)')).length;
    statements.length = 0;
    await pushDirect(db, duty, 'counting', batch(5));
    const few = { all: statements.length, known: knownReads() };
    statements.length = 0;
    const results = await pushDirect(db, duty, 'counting', batch(60));
    expect(results.filter((result) => result.status === 'rejected').length).toBeGreaterThan(20);
    expect(results.filter((result) => result.status === 'applied').length).toBeGreaterThan(20);
    expect({ all: statements.length, known: knownReads() }).toEqual(few);
    expect(few.known).toBe(1);
  });
});
