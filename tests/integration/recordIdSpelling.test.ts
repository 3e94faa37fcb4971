// One record, one id: PostgreSQL's uuid type reads "C2586B3F-…" and "c2586b3f-…" as the same id, so a
// push naming a record by its id in capitals once created "a new record" over another parish's
// request (a parish coordinator of one parish took over and rewrote a request of another). Ids are
// now lower case only; another spelling is refused, naming the field, and nothing is stored.
// On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';

const inParish = (parishCode: string) => ({
  wardCode: null,
  parishCode,
  lat: null,
  lon: null,
  address: '',
});

describe.each(databaseKinds)('record ids in one spelling on %s', (kind) => {
  const demo = signedInDemo(kind);
  const push = (username: string, mutations: Mutation[]) => demo.push(username, mutations);

  async function storedRequests(id: string) {
    return demo.test.db.query<{ id: string; record: { place: { parishCode: string } } }>(
      'SELECT id::text AS id, record FROM requests WHERE id = $1::uuid',
      [id],
    );
  }
  async function pulledIds(username: string): Promise<string[]> {
    const response = await demo.app.request('/api/sync/pull?limit=2000', { headers: demo.auth(username) });
    return pullResponseSchema.parse(await response.json()).changes.map((change) => change.id);
  }

  it("refuses a coordinator's request that names another parish's request by its id in capitals", async () => {
    const theirs = aRequest({ place: inParish('DEMO-P02') });
    expect((await push('duty', [creating('request', theirs)]))[0]!.status).toBe('applied');

    const capitals = theirs.id.toUpperCase();
    const takeover = aRequest({ id: capitals, place: inParish('DEMO-P01') });
    const [result] = await push('parish', [creating('request', takeover)]);

    expect(result!.status).toBe('rejected');
    expect(result!.fields).toEqual({ id: 'must be a UUID in lower case' });
    const rows = await storedRequests(theirs.id);
    expect(rows).toEqual([expect.objectContaining({ id: theirs.id })]);
    expect(rows[0]!.record.place.parishCode).toBe('DEMO-P02');
    expect(await pulledIds('duty')).not.toContain(capitals);
  });

  it('refuses an edit, a note and a reference naming a record in capitals', async () => {
    const request = aRequest();
    expect((await push('duty', [creating('request', request)]))[0]!.status).toBe('applied');
    const capitals = request.id.toUpperCase();
    const now = new Date().toISOString();
    const note = {
      id: crypto.randomUUID(),
      requestId: capitals,
      at: now,
      by: crypto.randomUUID(),
      byName: 'x',
      kind: 'note',
      text: 'called back',
      status: null,
    };
    const results = await push('duty', [
      aMutation('request', capitals, { urgency: 'immediate', updatedAt: now }),
      creating('timeline', note),
      {
        ...aMutation('request', request.id, { urgency: 'immediate' }),
        id: crypto.randomUUID().toUpperCase(),
      },
    ]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[1]!.fields).toEqual({ requestId: 'must be a UUID in lower case' });
    expect(results[2]!.fields).toEqual({ id: 'must be a UUID in lower case' });
    expect((await storedRequests(request.id))[0]!.record).toMatchObject({ urgency: request.urgency });
    expect(await demo.test.db.query('SELECT 1 FROM timeline WHERE id = $1::uuid', [note.id])).toHaveLength(0);
  });
});
