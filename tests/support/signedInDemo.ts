// A demo borough's app in process, with every demo user signed in: the set-up of the API tests that
// act as several roles. `auth(username)` gives the headers of that person's requests.
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './testDatabase.ts';

export interface SignedInDemo {
  readonly test: TestDatabase;
  readonly app: ReturnType<typeof createApp>;
  auth(username: string): Record<string, string>;
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

  return {
    get test() {
      if (!test) throw new Error('signedInDemo: used before its beforeAll ran');
      return test;
    },
    get app() {
      if (!app) throw new Error('signedInDemo: used before its beforeAll ran');
      return app;
    },
    auth: (username) => ({
      Authorization: `Bearer ${tokens.get(username)}`,
      'Content-Type': 'application/json',
    }),
  };
}
