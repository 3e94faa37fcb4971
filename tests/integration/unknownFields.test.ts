// A request with a field the route does not take is refused whole, naming the field, and changes
// nothing: before, an admin's PATCH { "role": "parish_coordinator", "parishcode": "DEMO-P02" } of a
// duty officer answered 200 with the parish left out, and a misspelt push was applied without it; a
// misspelt field inside a part of a record (place.adress) was still dropped and the change applied.
// On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, UNKNOWN_FIELD } from '../../src/domain/api/apiError.ts';
import { pushResponseSchema } from '../../src/domain/sync/mutation.ts';
import { managedUserSchema } from '../../src/domain/accounts/people.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { aPartner } from '../support/directoryFixtures.ts';

describe.each(databaseKinds)('fields a route does not take on %s', (kind) => {
  const demo = signedInDemo(kind);
  const call = (username: string, method: string, path: string, body: unknown) =>
    demo.app.request(path, { method, headers: demo.auth(username), body: JSON.stringify(body) });

  it("refuses a person's change with a misspelt field, and changes nothing", async () => {
    const list = await (await demo.app.request('/api/admin/users', { headers: demo.auth('admin') })).json();
    const duty = managedUserSchema
      .array()
      .parse((list as { users: unknown[] }).users)
      .find((user) => user.username === 'duty')!;

    const response = await call('admin', 'PATCH', `/api/admin/users/${duty.id}`, {
      role: 'parish_coordinator',
      parishcode: 'DEMO-P02',
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({ parishcode: UNKNOWN_FIELD });
    const [row] = await demo.test.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [
      duty.id,
    ]);
    expect(row!.role).toBe('duty_officer');
  });

  it('refuses a pushed change with a misspelt part, naming it, and applies the rest of the batch', async () => {
    const request = aRequest();
    const misspelt = { ...aMutation('request', request.id, { urgency: 'immediate' }), bsae: {} };
    const good = aRequest();
    const response = await call('duty', 'POST', '/api/sync/push', {
      clientId: 'misspelt',
      mutations: [creating('request', request), misspelt, creating('request', good)],
    });

    const results = pushResponseSchema.parse(await response.json()).results;
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]!.fields).toEqual({ bsae: UNKNOWN_FIELD });
    const [stored] = await demo.test.db.query<{ record: { urgency: string } }>(
      'SELECT record FROM requests WHERE id = $1',
      [request.id],
    );
    expect(stored!.record.urgency).toBe(request.urgency);
  });

  it('refuses a pushed change with a field a part of the record does not take, naming its path', async () => {
    const request = aRequest();
    const partner = aPartner({ coverage: { boroughWide: true, wards: [], parishes: [] } });
    await demo.push('admin', [creating('request', request), creating('partner', partner)]);
    const [inPlace, inAgreement, inHours] = await demo.push('admin', [
      aMutation('request', request.id, { place: { ...request.place, adress: '1 High Street' } }),
      aMutation('partner', partner.id, {
        agreement: {
          date: '2026-11-01',
          recordedBy: 'Sam',
          emergencyPlan: true,
          outOfHours: false,
          shownPublicly: false,
          shownPublicy: true,
        },
      }),
      aMutation('partner', partner.id, {
        availability: {
          ...partner.availability,
          hours: [{ day: 0, opens: '09:00', closes: '17:00', note: 'x' }],
        },
      }),
    ]);
    expect(inPlace).toMatchObject({
      status: 'rejected',
      fields: { 'place.adress': 'is not a field of a request' },
    });
    expect(inAgreement).toMatchObject({
      status: 'rejected',
      fields: { 'agreement.shownPublicy': 'is not a field of a partner' },
    });
    expect(inHours).toMatchObject({
      status: 'rejected',
      fields: { 'availability.hours.0.note': 'is not a field of a partner' },
    });
    const [stored] = await demo.test.db.query<{ record: { agreement?: unknown } }>(
      'SELECT record FROM partners WHERE id = $1',
      [partner.id],
    );
    expect(stored!.record.agreement ?? null).toBeNull();
  });

  it('refuses a sign-in with a field it does not take', async () => {
    const response = await demo.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'duty', password: 'demo-duty-2026', remember: true }),
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({ remember: UNKNOWN_FIELD });
  });
});
