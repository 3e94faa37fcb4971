// A demo borough's app in process, with every demo user signed in: the set-up of the API tests that
// act as several roles. `auth(username)` gives the headers of that person's requests.
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './testDatabase.ts';
import { pushResponseSchema, type Mutation, type PushResult } from '../../src/domain/sync/mutation.ts';

export interface SignedInDemo {
  readonly test: TestDatabase;
  readonly app: ReturnType<typeof createApp>;
  auth(username: string): Record<string, string>;
  /** Pushes `mutations` as that person's device; the answer's results (the request must be a 200). */
  push(username: string, mutations: Mutation[]): Promise<PushResult[]>;
}

/** Opens, seeds and signs everyone in before the suite's tests; drops the database after them. */
export function signedInDemo(kind: DatabaseKind): SignedInDemo {
  const tokens = new Map<string, string>();
  let test: TestDatabase | undefined;
  let app: ReturnType<typeof createApp> | undefined;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    for (const user of DEMO_USERS) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      tokens.set(user.username, ((await response.json()) as { token: string }).token);
    }
  });
  afterAll(() => test?.drop());

  const auth = (username: string) => ({
    Authorization: `Bearer ${tokens.get(username)}`,
    'Content-Type': 'application/json',
  });
  return {
    get test() {
      if (!test) throw new Error('signedInDemo: used before its beforeAll ran');
      return test;
    },
    get app() {
      if (!app) throw new Error('signedInDemo: used before its beforeAll ran');
      return app;
    },
    auth,
    async push(username, mutations) {
      if (!app) throw new Error('signedInDemo: used before its beforeAll ran');
      const response = await app.request('/api/sync/push', {
        method: 'POST',
        headers: auth(username),
        body: JSON.stringify({ clientId: `device-${username}`, mutations }),
      });
      if (response.status !== 200) throw new Error(`push as ${username}: ${response.status}`);
      return pushResponseSchema.parse(await response.json()).results;
    },
  };
}
