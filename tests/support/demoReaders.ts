// A seeded demo database and two of its readers, staff (the admin) and a parish coordinator: the
// set-up of the suites that read pull pages in process, as each role would be sent them.
import { afterAll, beforeAll } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { findUserByUsername, toUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './testDatabase.ts';

export interface DemoReaders {
  readonly test: TestDatabase;
  readonly admin: User;
  readonly parish: User;
}

/** Opens and seeds the database before the suite's tests, and drops it after them. */
export function demoReaders(kind: DatabaseKind): DemoReaders {
  let opened: { test: TestDatabase; admin: User; parish: User } | undefined;
  beforeAll(async () => {
    const test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    const user = async (name: string) => toUser((await findUserByUsername(test.db, name))!);
    opened = { test, admin: await user('admin'), parish: await user('parish') };
  });
  afterAll(() => opened?.test.drop());
  const ready = () => {
    if (!opened) throw new Error('demoReaders: used before the suite started');
    return opened;
  };
  return {
    get test() {
      return ready().test;
    },
    get admin() {
      return ready().admin;
    },
    get parish() {
      return ready().parish;
    },
  };
}
