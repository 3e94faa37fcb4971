// A small world for sync tests: the real HTTP app on a test database with the demo borough, one user
// of each kind (two parish coordinators, of different parishes), and a device per user — a LocalDatabase
// on fake IndexedDB that pulls through the app's own code (applyPullPage), so tests check what a
// device ends up holding, not only what the server answered.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { createUser } from '../../src/server/auth/users.ts';
import { pullPageSchema, type PullResponse } from '../../src/domain/sync/sync.ts';
import { pushResponseSchema, type PushResult } from '../../src/domain/sync/mutation.ts';
import { userSchema, type User } from '../../src/domain/accounts/user.ts';
import { ENTITIES, entityRegistry, type Entity } from '../../src/domain/entities/registry.ts';
import {
  LocalDatabase,
  readMeta,
  writeMeta,
  type StoredSession,
  type SyncState,
} from '../../src/app/store/localDatabase.ts';
import { applyPullPage } from '../../src/app/sync/pull.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './testDatabase.ts';

export const PARISH_A = 'DEMO-P01';
export const PARISH_B = 'DEMO-P02';

export const WORLD_USERS = [
  ...DEMO_USERS,
  {
    username: 'parish-b',
    password: 'test-parish-b-2026',
    displayName: 'Second coordinator (test)',
    role: 'parish_coordinator' as const,
    parishCode: PARISH_B,
  },
];
export type Username = (typeof WORLD_USERS)[number]['username'];

export interface Device {
  user: User;
  db: LocalDatabase;
  /** Pulls until the server has nothing more, storing each page as the app does. */
  sync(): Promise<PullResponse[]>;
  /** The ids this device holds for an entity. */
  ids(entity: Entity): Promise<Set<string>>;
}

export interface SyncWorld {
  test: TestDatabase;
  app: ReturnType<typeof createApp>;
  token(username: Username): string;
  user(username: Username): User;
  push(
    username: Username,
    mutations: unknown[],
    clientId?: string,
  ): Promise<{ status: number; results: PushResult[] }>;
  /** Pushes a body as given (for bodies JSON.stringify cannot make, such as values nested 10,000 deep). */
  pushText(username: Username, body: string): Promise<{ status: number; results: PushResult[] }>;
  pullRaw(username: Username, query: string): Promise<Response>;
  device(username: Username): Promise<Device>;
  close(): Promise<void>;
}

let serial = 0;

export async function openSyncWorld(kind: DatabaseKind): Promise<SyncWorld> {
  const test = await openTestDatabase(kind);
  await seedDemo(test.db, '2026-11-01');
  const extra = WORLD_USERS[WORLD_USERS.length - 1]!;
  await createUser(test.db, extra);
  const app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  const tokens = new Map<string, string>();
  const users = new Map<string, User>();
  for (const person of WORLD_USERS) {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: person.username, password: person.password }),
    });
    const body = (await response.json()) as { token: string; user: unknown };
    tokens.set(person.username, body.token);
    users.set(person.username, userSchema.parse(body.user));
  }
  const devices: LocalDatabase[] = [];
  const auth = (username: Username) => ({ Authorization: `Bearer ${tokens.get(username)}` });

  const world: SyncWorld = {
    test,
    app,
    token: (username) => tokens.get(username)!,
    user: (username) => users.get(username)!,
    push: (username, mutations, clientId = `device-${username}`) =>
      world.pushText(username, JSON.stringify({ clientId, mutations })),
    async pushText(username, body) {
      const response = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { ...auth(username), 'Content-Type': 'application/json' },
        body,
      });
      const answer = (await response.json()) as unknown;
      return {
        status: response.status,
        results: response.ok ? pushResponseSchema.parse(answer).results : [],
      };
    },
    pullRaw: (username, query) =>
      Promise.resolve(app.request(`/api/sync/pull?${query}`, { headers: auth(username) })),
    async device(username) {
      serial += 1;
      const db = new LocalDatabase(`sync-world-${serial}-${randomUUID()}`);
      await db.open();
      devices.push(db);
      // Signed in, as the app keeps it: a change saved on the device is recorded as this person's.
      await writeMeta(db, 'session', {
        token: tokens.get(username)!,
        user: users.get(username)!,
        expiresAt: '2099-01-01T00:00:00.000Z',
        lapsed: false,
      } satisfies StoredSession);
      return {
        user: users.get(username)!,
        db,
        async sync() {
          const pages: PullResponse[] = [];
          // Held back (another transaction on the shared test server is still open): pull again shortly,
          // as the app does, so a test never reads a device that merely has not caught up yet.
          const catchUpBy = Date.now() + 15_000;
          for (;;) {
            const state = await readMeta<SyncState>(db, 'syncState');
            const query = new URLSearchParams({ limit: '2000' });
            if (state?.cursor) query.set('since', state.cursor);
            const response = await world.pullRaw(username, query.toString());
            if (!response.ok) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
            // The app's own schema, stamps as sent: a page it cannot parse would stop this device syncing.
            const page = pullPageSchema.parse(await response.json());
            await applyPullPage(db, page, new Date().toISOString());
            pages.push(page);
            if (page.heldBack && !page.hasMore && Date.now() < catchUpBy) {
              await new Promise((resolve) => setTimeout(resolve, 50));
              continue;
            }
            if (!page.hasMore) return pages;
          }
        },
        async ids(entity) {
          const { local, key } = entityRegistry[entity];
          const rows = (await db.table(local.table).toArray()) as Record<string, unknown>[];
          return new Set(rows.map((row) => String(row[key])));
        },
      };
    },
    async close() {
      for (const db of devices) {
        db.close();
        await Dexie.delete(db.name);
      }
      await test.drop();
    },
  };
  return world;
}

/** Every synced entity, for tests that walk them all. */
export const ALL_ENTITIES: readonly Entity[] = ENTITIES;
