// The OpenAPI description of /api: every route the Hono app has is described and every described
// route exists (enumerated from the app itself), its schemas compile as JSON Schema 2020-12, and real
// answers of the server validate against what it describes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

type App = ReturnType<typeof createApp>;
interface Description {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
}

/** "get /api/sync/pull" for each route the app answers under /api (middleware and fallbacks aside). */
function appRoutes(app: App): Set<string> {
  return new Set(
    app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
  );
}

const describedRoutes = (description: Description) =>
  new Set(
    Object.entries(description.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    ),
  );

function difference(routes: Set<string>, described: Set<string>) {
  return {
    undescribed: [...routes].filter((route) => !described.has(route)).sort(),
    missing: [...described].filter((route) => !routes.has(route)).sort(),
  };
}

describe('OpenAPI description of /api', () => {
  let test: TestDatabase;
  let app: App;
  let description: Description;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    description = (await response.json()) as Description;
  });
  afterAll(() => test.drop());

  it('describes exactly the routes the server has', () => {
    expect(description.openapi).toBe('3.1.0');
    expect(appRoutes(app).size).toBeGreaterThan(8);
    expect(difference(appRoutes(app), describedRoutes(description))).toEqual({
      undescribed: [],
      missing: [],
    });
  });

  it('notices a route added without a description, and a description without its route', () => {
    const extended = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    extended.get('/api/partners/:id', (c) => c.json({}));
    const described = describedRoutes(description);
    described.add('delete /api/sync/pull');
    expect(difference(appRoutes(extended), described)).toEqual({
      undescribed: ['get /api/partners/{id}'],
      missing: ['delete /api/sync/pull'],
    });
  });

  it('has schemas that compile, and real answers match them', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'api', components: description.components }, 'api');
    const schemaOf = (path: string, method: string, status: string) => {
      const schema =
        description.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`no ${status} schema for ${method} ${path}`);
      return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"api#/components')));
    };
    for (const [path, methods] of Object.entries(description.paths))
      for (const [method, { responses }] of Object.entries(methods))
        for (const status of Object.keys(responses))
          if (responses[status]?.content) expect(() => schemaOf(path, method, status)).not.toThrow();

    const admin = DEMO_USERS.find((user) => user.role === 'admin');
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin?.username, password: admin?.password }),
    });
    const signedIn = (await login.json()) as { token: string };
    const checks: [string, string, string, Response][] = [
      ['/api/health', 'get', '200', await app.request('/api/health')],
      ['/api/auth/login', 'post', '200', new Response(JSON.stringify(signedIn))],
      [
        '/api/sync/pull',
        'get',
        '200',
        await app.request('/api/sync/pull?limit=50', {
          headers: { authorization: `Bearer ${signedIn.token}` },
        }),
      ],
      ['/api/sync/pull', 'get', '401', await app.request('/api/sync/pull')],
      [
        '/api/openreferral/term-mappings',
        'get',
        '401',
        await app.request('/api/openreferral/term-mappings', { headers: { authorization: 'Bearer nope' } }),
      ],
    ];
    for (const [path, method, status, response] of checks) {
      const validate = schemaOf(path, method, status);
      const body: unknown = await response.json();
      expect(validate(body) ? [] : validate.errors, `${method} ${path} ${status}`).toEqual([]);
    }
  });
});
