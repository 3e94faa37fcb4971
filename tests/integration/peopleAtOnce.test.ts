// Two admins acting on people at the same moment, on PGlite and PostgreSQL: making one username twice
// at once gave the second a 500 (the database's unique key caught what the check before it missed),
// and two admins demoting or disabling each other at once each saw the other still there, leaving the
// council with no administrator at all.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { oneTimePasswordSchema } from '../../src/domain/accounts/people.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';

describe.each(databaseKinds)('people changed at once on %s', (kind) => {
  const demo = signedInDemo(kind);
  const call = (method: string, path: string, body?: unknown) =>
    demo.app.request(path, {
      method,
      headers: demo.auth('admin'),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const activeAdmins = async () =>
    (
      await demo.test.db.query<{ username: string }>(
        "SELECT username FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY username",
      )
    ).map((row) => row.username);

  async function anotherAdmin(username: string): Promise<string> {
    const created = await call('POST', '/api/admin/users', {
      username,
      displayName: 'Sam Example',
      role: 'admin',
    });
    expect(created.status).toBe(201);
    return oneTimePasswordSchema.parse(await created.json()).user.id;
  }
  const adminId = async () =>
    (
      await demo.test.db.query<{ id: string }>("SELECT id::text AS id FROM users WHERE username = 'admin'")
    )[0]!.id;

  it('makes one username once when asked four times at once, telling the others it is taken', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        call('POST', '/api/admin/users', {
          username: 'same-time',
          displayName: 'Jo Example',
          role: 'viewer',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    for (const answer of answers.filter((each) => each.status === 409))
      expect(apiErrorSchema.parse(await answer.json()).error).toMatchObject({
        code: 'username_taken',
        fields: { username: 'already taken: choose another' },
      });
  });

  it('keeps one administrator when the last two are demoted at once', async () => {
    const second = await anotherAdmin('second-admin');
    const answers = await Promise.all(
      [second, await adminId()].map((id) => call('PATCH', `/api/admin/users/${id}`, { role: 'viewer' })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await activeAdmins()).toHaveLength(1);
    // Put things back for the next test: the demo admin is an admin again.
    if ((await activeAdmins())[0] !== 'admin') {
      await demo.test.db.query("UPDATE users SET role = 'admin' WHERE username = 'admin'");
    }
  });

  it('keeps one administrator when the last two disable each other at once', async () => {
    const third = await anotherAdmin('third-admin');
    await demo.test.db.query("UPDATE users SET role = 'viewer' WHERE username = 'second-admin'");
    expect(await activeAdmins()).toEqual(['admin', 'third-admin']);
    // The third admin signs in (choosing their own password) to disable the demo admin.
    const reset = await call('POST', `/api/admin/users/${third}/password`);
    const { oneTimePassword } = oneTimePasswordSchema.parse(await reset.json());
    const signIn = await demo.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'third-admin', password: oneTimePassword }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const thirdAuth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const changed = await demo.app.request('/api/account/password', {
      method: 'POST',
      headers: thirdAuth,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'a-long-enough-password' }),
    });
    expect(changed.status).toBe(204);

    const answers = await Promise.all([
      call('POST', `/api/admin/users/${third}/disable`),
      demo.app.request(`/api/admin/users/${await adminId()}/disable`, { method: 'POST', headers: thirdAuth }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await activeAdmins()).toHaveLength(1);
  });
});
