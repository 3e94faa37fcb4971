// A path the API has, asked with a method it does not take, is answered 405 with the methods it does
// take (Allow), for every path in the table of routes, signed in or not. Before, GET /api/sync/push
// was told "There is no API at GET /api/sync/push" (404), and signed out "Please sign in" (401). A path
// it lacks is 404 signed out too, naming the path meant when it differs by a slash.
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/domain/api/apiRoutes.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Each path of the API once, with the methods it takes. */
const PATHS = [...new Set(API_ROUTES.map((route) => route.path))].map((path) => ({
  path,
  takes: API_ROUTES.filter((route) => route.path === path).map((route) => route.method.toUpperCase()),
}));

describe.each(databaseKinds)('methods on %s', (kind) => {
  const demo = signedInDemo(kind);
  const concrete = (path: string) => path.replace('{id}', '6f1c1a52-7d0e-4c39-9f57-3f4f2b2a0c11');

  it.each(PATHS)(
    'answers $path with a method it does not take 405, saying what it takes',
    async ({ path, takes }) => {
      const method = METHODS.find((each) => !takes.includes(each))!;
      for (const headers of [demo.auth('admin'), {}]) {
        const response = await demo.app.request(concrete(path), { method, headers });
        expect(response.status, `${method} ${path}`).toBe(405);
        const allowed = response.headers.get('Allow')!.split(', ');
        expect(allowed).toEqual(expect.arrayContaining(takes));
        expect(allowed.filter((each) => each !== 'HEAD').sort()).toEqual([...takes].sort());
        expect(apiErrorSchema.parse(await response.json()).error.code).toBe('method_not_allowed');
      }
    },
  );

  it.each([
    ['/api/public/partners/', '/api/public/partners'],
    ['/api//public/partners', '/api/public/partners'],
    ['/api/sync/pull/', '/api/sync/pull'],
  ])('answers %s 404 signed out too, naming %s, not "Please sign in"', async (path, meant) => {
    for (const headers of [{}, demo.auth('duty')]) {
      const response = await demo.app.request(path, { headers });
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(await response.json()).error.message).toContain(`Did you mean ${meant}?`);
    }
  });

  it('still answers a path the API does not have 404, and HEAD where it takes GET', async () => {
    const missing = await demo.app.request('/api/sync/nothing', { headers: demo.auth('admin') });
    expect(missing.status).toBe(404);
    expect((await demo.app.request('/api/health', { method: 'HEAD' })).status).toBe(200);
  });
});
