// A body whose object names a field twice ({"name":"A","name":"B"}) is refused with a 400 naming the
// field, on every route that reads a JSON body, and nothing is stored: before, JSON.parse kept the
// last and the route went on with it. On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { API_ROUTES } from '../../src/domain/api/apiRoutes.ts';
import { managedUserSchema } from '../../src/domain/accounts/people.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';

const BODY_ROUTES = API_ROUTES.filter((route) => route.body !== undefined);

describe.each(databaseKinds)('a field named twice in a body on %s', (kind) => {
  const demo = signedInDemo(kind);

  async function refusal(response: Response) {
    expect(response.status).toBe(400);
    return apiErrorSchema.parse(await response.json()).error;
  }

  async function idOf(username: string): Promise<string> {
    const list = await (await demo.app.request('/api/admin/users', { headers: demo.auth('admin') })).json();
    return managedUserSchema
      .array()
      .parse((list as { users: unknown[] }).users)
      .find((user) => user.username === username)!.id;
  }

  it('is read by the test from every route that takes a body', () => {
    expect(BODY_ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['post /api/auth/login', 'patch /api/admin/users/{id}', 'post /api/sync/push']),
    );
  });

  it.each(BODY_ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    'is refused on %s, naming the field',
    async (_name, route) => {
      const path = route.path.replace('{id}', await idOf('duty'));
      const response = await demo.app.request(path, {
        method: route.method.toUpperCase(),
        headers: demo.auth('admin'),
        body: '{"displayName":"Anne","displayName":"Bob"}',
      });
      const error = await refusal(response);
      expect(error.fields).toEqual({ displayName: 'is given more than once: give it once' });
      expect(error.message).toContain('displayName');
    },
  );

  it("refuses a person's change spelt twice, and leaves them as they were", async () => {
    const id = await idOf('duty');
    const error = await refusal(
      await demo.app.request(`/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: demo.auth('admin'),
        body: '{"role":"viewer","r\\u006fle":"admin"}',
      }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['role']);
    const [row] = await demo.test.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [id]);
    expect(row!.role).toBe('duty_officer');
  });

  it('names a field deep in a pushed mutation by its path, and applies nothing', async () => {
    const before = await demo.test.db.query('SELECT 1 FROM change_log');
    const body =
      '{"clientId":"twice","mutations":[{"id":"6f1c1a52-7d0e-4c39-9f57-3f4f2b2a0c11","entity":"incident",' +
      '"recordId":"0b5e8e0e-2f0a-4a8e-9d7e-5a3c2f1b9e22","hlc":"2026-11-29T21:00:00.000Z-0000-test",' +
      '"changes":{"name":"Flood","name":"Fire"}}]}';
    const error = await refusal(
      await demo.app.request('/api/sync/push', { method: 'POST', headers: demo.auth('duty'), body }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['mutations.0.changes.name']);
    expect(await demo.test.db.query('SELECT 1 FROM change_log')).toHaveLength(before.length);
  });

  it('refuses a sign-in naming the username twice before looking either up', async () => {
    const error = await refusal(
      await demo.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"username":"nobody","username":"duty","password":"demo-duty-2026"}',
      }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['username']);
  });
});
