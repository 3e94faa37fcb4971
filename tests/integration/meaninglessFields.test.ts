// A field the rest of a body makes meaningless is refused, naming it, where it used to be dropped
// without a word and the sender believed it kept: a parish for a duty officer, an administrator or a
// viewer (only a parish coordinator has one), and a latitude without a longitude (or the other way)
// for a partner's base or a request's place. On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { managedUserSchema, PARISH_ONLY_FOR_COORDINATORS } from '../../src/domain/accounts/people.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aRequest, creating } from '../support/records.ts';
import { aPartner } from '../support/directoryFixtures.ts';

describe.each(databaseKinds)('fields the rest of a body makes meaningless on %s', (kind) => {
  const demo = signedInDemo(kind);
  const call = (method: string, path: string, body: unknown) =>
    demo.app.request(path, { method, headers: demo.auth('admin'), body: JSON.stringify(body) });

  async function people() {
    const answer = await demo.app.request('/api/admin/users?limit=500', { headers: demo.auth('admin') });
    return managedUserSchema.array().parse(((await answer.json()) as { users: unknown[] }).users);
  }
  const person = async (username: string) => (await people()).find((user) => user.username === username)!;

  async function refusedFields(response: Response) {
    expect(response.status).toBe(400);
    return apiErrorSchema.parse(await response.json()).error.fields;
  }

  it.each(['duty_officer', 'admin', 'viewer'])(
    'refuses a new %s with a parish, and adds nobody',
    async (role) => {
      const before = (await people()).length;
      const fields = await refusedFields(
        await call('POST', '/api/admin/users', {
          username: `new-${role.replace('_', '-')}`,
          displayName: 'Sam Example',
          role,
          parishCode: 'DEMO-P01',
        }),
      );
      expect(fields).toEqual({ parishCode: PARISH_ONLY_FOR_COORDINATORS });
      expect(await people()).toHaveLength(before);
    },
  );

  it.each([
    ['a parish alone', { parishCode: 'DEMO-P02' }],
    ['a parish with another role', { role: 'viewer', parishCode: 'DEMO-P02' }],
  ])('refuses giving a duty officer %s, and leaves them as they were', async (_case, change) => {
    const duty = await person('duty');
    const fields = await refusedFields(await call('PATCH', `/api/admin/users/${duty.id}`, change));
    expect(fields).toEqual({ parishCode: PARISH_ONLY_FOR_COORDINATORS });
    expect(await person('duty')).toMatchObject({ role: 'duty_officer', parishCode: null });
  });

  it('still lets a coordinator become a duty officer, whose parish goes with the role', async () => {
    const created = await call('POST', '/api/admin/users', {
      username: 'moving-coordinator',
      displayName: 'Alex Example',
      role: 'parish_coordinator',
      parishCode: 'DEMO-P01',
    });
    expect(created.status).toBe(201);
    const { id } = await person('moving-coordinator');
    const changed = await call('PATCH', `/api/admin/users/${id}`, { role: 'duty_officer' });
    expect(changed.status).toBe(200);
    expect(await person('moving-coordinator')).toMatchObject({ role: 'duty_officer', parishCode: null });
  });

  it('refuses a partner placed by its latitude alone, naming the longitude, and applies the rest', async () => {
    const halfPlaced = aPartner({
      coverage: { boroughWide: true, wards: [], parishes: [] },
      base: { address: '', postcode: null, lat: 51.2, lon: null },
    });
    const placed = aPartner({ coverage: { boroughWide: true, wards: [], parishes: [] } });
    const [refused, applied] = await demo.push('admin', [
      creating('partner', halfPlaced),
      creating('partner', placed),
    ]);
    expect(refused).toMatchObject({
      status: 'rejected',
      fields: { 'base.lon': 'give the longitude too, or neither' },
    });
    expect(applied!.status).toBe('applied');
  });

  it('refuses a request placed by its longitude alone, naming the latitude', async () => {
    const request = aRequest({
      place: { wardCode: 'DEMO-W01', parishCode: null, lat: null, lon: 0.5, address: '' },
    });
    const [result] = await demo.push('duty', [creating('request', request)]);
    expect(result).toMatchObject({
      status: 'rejected',
      fields: { 'place.lat': 'give the latitude too, or neither' },
    });
  });
});
