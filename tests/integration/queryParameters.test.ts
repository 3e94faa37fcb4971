// A query parameter given twice is refused, naming it, on every route that reads a query (the API's
// table of routes and the public Open Referral feed). Before, the route silently took the first:
// GET /api/public/partners?limit=1&limit=600 answered one partner, and a pull with two cursors read
// from the first, while a cache or proxy in between may read the last. A parameter an API route does
// not take is refused, naming it: GET /api/admin/audit?user=bob (for person=bob) answered the whole
// trail as if filtered. On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/domain/api/apiRoutes.ts';
import { apiErrorSchema, UNKNOWN_FIELD } from '../../src/domain/api/apiError.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';

/** Each route with a query, with one of its parameters and two values that would each be accepted. */
const WITH_QUERIES = [
  ...API_ROUTES.filter((route) => route.query !== undefined).map((route) => {
    const name = Object.keys(route.query!.shape)[0]!;
    return { method: route.method.toUpperCase(), path: route.path, name };
  }),
  { method: 'GET', path: '/openreferral/services', name: 'per_page' },
];
const TWO_VALUES: Record<string, [string, string]> = {
  since: ['0.0', '1.0'],
  limit: ['1', '2'],
  person: ['duty', 'admin'],
  per_page: ['1', '2'],
};

describe.each(databaseKinds)('query parameters on %s', (kind) => {
  const demo = signedInDemo(kind);

  it('covers every route with a query', () => {
    expect(WITH_QUERIES.length).toBeGreaterThanOrEqual(6);
    for (const { name } of WITH_QUERIES) expect(Object.keys(TWO_VALUES)).toContain(name);
  });

  it.each(WITH_QUERIES)('$method $path refuses $name given twice, naming it', async ({ path, name }) => {
    const [me] = await demo.test.db.query<{ id: string }>(
      "SELECT id::text AS id FROM users WHERE username = 'admin'",
    );
    const [first, second] = TWO_VALUES[name]!;
    const url = `${path.replace('{id}', me!.id)}?${name}=${first}&${name}=${second}`;
    const once = await demo.app.request(url.replace(`&${name}=${second}`, ''), {
      headers: demo.auth('admin'),
    });
    expect(once.status, 'the parameter given once').toBe(200);

    const response = await demo.app.request(url, { headers: demo.auth('admin') });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({
      [name]: 'is given more than once: give it once',
    });
  });

  it.each(API_ROUTES.filter((route) => route.query !== undefined))(
    '$method $path refuses a parameter it does not take, naming it',
    async ({ path }) => {
      const [me] = await demo.test.db.query<{ id: string }>(
        "SELECT id::text AS id FROM users WHERE username = 'admin'",
      );
      const response = await demo.app.request(`${path.replace('{id}', me!.id)}?user=duty&limit=5`, {
        headers: demo.auth('admin'),
      });
      expect(response.status).toBe(400);
      const error = apiErrorSchema.parse(await response.json()).error;
      expect(error.fields).toEqual({ user: UNKNOWN_FIELD });
      expect(error.message).toContain('user');
    },
  );
});
