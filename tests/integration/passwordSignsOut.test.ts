// A password that changes signs out the devices signed in with the old one: after an admin's reset
// (for a password someone else may know) every device of that person; after a person's own change,
// every device but the one in hand. Before, a device signed in by whoever knew the old password went
// on syncing as soon as the person chose their new one. On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { oneTimePasswordSchema } from '../../src/domain/accounts/people.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';

const JSON_TYPE = { 'Content-Type': 'application/json' };

describe.each(databaseKinds)('a changed password on %s', (kind) => {
  const demo = signedInDemo(kind);

  async function signIn(username: string, password: string): Promise<Record<string, string>> {
    const response = await demo.app.request('/api/auth/login', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    return { ...JSON_TYPE, Authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
  }
  const choose = (device: Record<string, string>, currentPassword: string, newPassword: string) =>
    demo.app.request('/api/account/password', {
      method: 'POST',
      headers: device,
      body: JSON.stringify({ currentPassword, newPassword }),
    });
  const pullStatus = async (device: Record<string, string>) =>
    (await demo.app.request('/api/sync/pull?limit=1', { headers: device })).status;

  async function newPerson(username: string) {
    const created = await demo.app.request('/api/admin/users', {
      method: 'POST',
      headers: demo.auth('admin'),
      body: JSON.stringify({ username, displayName: 'Kim Example', role: 'duty_officer' }),
    });
    const { user, oneTimePassword } = oneTimePasswordSchema.parse(await created.json());
    const device = await signIn(username, oneTimePassword);
    expect((await choose(device, oneTimePassword, 'first-own-password')).status).toBe(204);
    return { id: user.id, device };
  }

  it("signs out every device of a person whose password an admin resets, the thief's too", async () => {
    const { id, device: thiefsDevice } = await newPerson('reset-person');
    expect(await pullStatus(thiefsDevice)).toBe(200);

    const reset = await demo.app.request(`/api/admin/users/${id}/password`, {
      method: 'POST',
      headers: demo.auth('admin'),
    });
    const { oneTimePassword } = oneTimePasswordSchema.parse(await reset.json());
    const ownDevice = await signIn('reset-person', oneTimePassword);
    expect((await choose(ownDevice, oneTimePassword, 'second-own-password')).status).toBe(204);

    expect(await pullStatus(ownDevice)).toBe(200);
    const refused = await demo.app.request('/api/sync/pull?limit=1', { headers: thiefsDevice });
    expect(refused.status).toBe(401);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe('signed_out');
  });

  it('signs out the other devices of a person who changes their own password, and keeps this one', async () => {
    const { device: phone } = await newPerson('own-change');
    const laptop = await signIn('own-change', 'first-own-password');
    expect((await choose(laptop, 'first-own-password', 'second-own-password')).status).toBe(204);

    expect(await pullStatus(laptop)).toBe(200);
    expect(await pullStatus(phone)).toBe(401);
  });

  it('keeps the device of an admin who resets their own password', async () => {
    const [me] = await demo.test.db.query<{ id: string }>(
      "SELECT id::text AS id FROM users WHERE username = 'admin'",
    );
    const reset = await demo.app.request(`/api/admin/users/${me!.id}/password`, {
      method: 'POST',
      headers: demo.auth('admin'),
    });
    expect(reset.status).toBe(200);
    expect((await demo.app.request('/api/account', { headers: demo.auth('admin') })).status).toBe(200);
  });
});
