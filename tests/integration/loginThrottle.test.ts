// The login throttle against a hostile client, on PGlite and PostgreSQL: 50 parallel wrong passwords
// let at most the limit through (also when split across two server processes on one PostgreSQL); the
// right password from an address that has not been guessing still signs in while the account is
// under attack; one address trying many usernames is limited; successful sign-ins from a shared
// office address are not; and X-Forwarded-For is believed only when TRUST_PROXY says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { LOGIN_LIMITS } from '../../src/domain/accounts/loginThrottle.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const demo = (role: string) => DEMO_USERS.find((user) => user.role === role)!;

describe.each(databaseKinds)('login throttle on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1, trustProxy: 1 });
  });
  afterAll(() => test.drop());

  const signIn = async (
    username: string,
    password: string,
    address: string,
    via: { request: typeof app.request } = app,
  ): Promise<Response> =>
    await via.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({ username, password }),
    });

  async function statuses(responses: Promise<Response>[]): Promise<number[]> {
    return (await Promise.all(responses)).map((response) => response.status);
  }
  const count = (list: number[], status: number) => list.filter((each) => each === status).length;

  it('lets at most the limit of 50 parallel wrong passwords through, and tells the rest when to retry', async () => {
    const duty = demo('duty_officer');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => signIn(duty.username, 'wrong-guess', '198.51.100.7')),
    );
    const answered = responses.map((response) => response.status);
    expect(count(answered, 401)).toBe(LOGIN_LIMITS.pair);
    expect(count(answered, 429)).toBe(50 - LOGIN_LIMITS.pair);
    const refused = responses.find((response) => response.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = apiErrorSchema.parse(await refused.json());
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(
      /^Too many wrong passwords from here\. Wait (1 minute|(?!1 )\d+ minutes) before trying again\.$/,
    );

    // The guesser's address is refused even with the right password; a clean address signs in.
    expect((await signIn(duty.username, duty.password, '198.51.100.7')).status).toBe(429);
    expect((await signIn(duty.username, duty.password, '203.0.113.20')).status).toBe(200);
  });

  it('never locks the account: under a spread attack the right password from a clean address signs in', async () => {
    const admin = demo('admin');
    // 30 addresses, two guesses each, all in parallel: the account is now under attack.
    const attack = await statuses(
      Array.from({ length: 60 }, (_, index) =>
        signIn(admin.username, `guess-${index}`, `192.0.2.${Math.floor(index / 2)}`),
      ),
    );
    expect(attack.every((status) => status === 401 || status === 429)).toBe(true);
    // Past the account's limit each address gets one try before it has to wait.
    expect(count(attack, 401)).toBeLessThanOrEqual(LOGIN_LIMITS.account + 30);
    expect(count(attack, 429)).toBeGreaterThan(0);

    // An address that guessed must now wait, right password or not…
    expect((await signIn(admin.username, admin.password, '192.0.2.3')).status).toBe(429);
    // …while the officer on a clean address signs in, several times over.
    for (const address of ['203.0.113.1', '203.0.113.1', '2001:db8:aaaa:1::5'])
      expect((await signIn(admin.username, admin.password, address)).status).toBe(200);
  });

  it('limits one address trying many usernames', async () => {
    const answered = await statuses(
      Array.from({ length: 100 }, (_, index) => signIn(`someone${index}`, 'password1', '198.51.100.99')),
    );
    expect(count(answered, 401)).toBe(LOGIN_LIMITS.address);
    expect(count(answered, 429)).toBe(100 - LOGIN_LIMITS.address);
    const parish = demo('parish_coordinator');
    expect((await signIn(parish.username, parish.password, '198.51.100.99')).status).toBe(429);
    expect((await signIn(parish.username, parish.password, '198.51.100.98')).status).toBe(200);
  });

  it('treats one IPv6 /64 as one address', async () => {
    const answered = await statuses(
      Array.from({ length: 40 }, (_, index) =>
        signIn(`v6-${index}`, 'password1', `2001:db8:1:2:${index.toString(16)}::1`),
      ),
    );
    expect(count(answered, 401)).toBe(LOGIN_LIMITS.address);
  });

  it('does not count right passwords: a busy office behind one address keeps signing in', async () => {
    const duty = demo('duty_officer');
    const parish = demo('parish_coordinator');
    // Two mistakes, then many right sign-ins, more than the address limit.
    expect((await signIn(duty.username, 'typo', '203.0.113.50')).status).toBe(401);
    expect((await signIn(parish.username, 'typo', '203.0.113.50')).status).toBe(401);
    // In rounds of eight at once (an office's morning), more sign-ins than the address limit.
    for (let round = 0; round < 4; round++) {
      const answered = await statuses(
        Array.from({ length: 8 }, (_, index) => {
          const user = index % 2 === 0 ? duty : parish;
          return signIn(user.username, user.password, '203.0.113.50');
        }),
      );
      expect(answered).toEqual(Array<number>(8).fill(200));
    }
  });

  it('lets a whole office behind one address sign in at once', async () => {
    const duty = demo('duty_officer');
    const parish = demo('parish_coordinator');
    // More people at the same moment than the pair and address limits together (the start of a major
    // incident): each right password takes its count back when its turn comes, so none is refused.
    const answered = await statuses(
      Array.from({ length: 3 * (LOGIN_LIMITS.pair + LOGIN_LIMITS.address) }, (_, index) => {
        const user = index % 2 === 0 ? duty : parish;
        return signIn(user.username, user.password, '203.0.113.77');
      }),
    );
    // Before sign-ins took turns, 16 of these 114 got in. Until a right password's give-back locked the
    // throttle's rows in key order, one of the 114 was sometimes answered busy (503) on PostgreSQL in a
    // loaded run: a deadlock with the same person's next sign-in (the row-lock test below).
    expect(answered.filter((status) => status !== 200)).toEqual([]);
  });

  it.runIf(kind === 'postgres')('counts across two server processes sharing one PostgreSQL', async () => {
    const schema = (await test.db.query<{ schema: string }>('SELECT current_schema() AS schema'))[0]!.schema;
    const second: Database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, schema });
    try {
      const otherApp = createApp(second, { distDir: '/nonexistent', sessionDays: 1, trustProxy: 1 });
      const parish = demo('parish_coordinator');
      const answered = await statuses(
        Array.from({ length: 50 }, (_, index) =>
          signIn(parish.username, 'wrong', '198.51.100.150', index % 2 === 0 ? app : otherApp),
        ),
      );
      expect(count(answered, 401)).toBe(LOGIN_LIMITS.pair);
      expect(count(answered, 429)).toBe(50 - LOGIN_LIMITS.pair);
    } finally {
      await second.close();
    }
  });
});

// Two steps of the same person's sign-ins meeting in the database: a right password giving its count
// back while the next sign-in is being counted. Both lock the same three rows; if they took them in
// different orders PostgreSQL would end one as a deadlock and answer a right password "busy" (503). A
// third session holds the middle row so that both are caught half-way, whatever the timing.
describe.runIf(databaseKinds.includes('postgres'))('the throttle on PostgreSQL, under row locks', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase('postgres');
  });
  afterAll(() => test.drop());

  /** Backends of this schema's login_throttle users that wait for a lock. */
  async function waiting(): Promise<number> {
    const [row] = await test.db.query<{ n: number }>(
      `SELECT count(DISTINCT pid)::int AS n FROM pg_locks
       WHERE NOT granted AND pid IN (SELECT pid FROM pg_locks WHERE relation = 'login_throttle'::regclass)`,
    );
    return row?.n ?? 0;
  }
  async function untilWaiting(count: number): Promise<void> {
    while ((await waiting()) < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  /** Another connection holds these throttle rows (FOR UPDATE) while `work` runs; `release` commits. */
  async function whileHeld(keys: string[], work: (release: () => Promise<void>) => Promise<void>) {
    const schema = (await test.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]!.s;
    const holder = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`SET search_path = "${schema}"`);
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM login_throttle WHERE key = ANY($1) FOR UPDATE', [keys]);
      await work(async () => {
        await holder.query('COMMIT');
      });
    } finally {
      await holder.end();
    }
  }

  it('gives a right password’s count back while the next sign-in of the same person is counted', async () => {
    const throttle = new LoginThrottle(test.db);
    const first = await throttle.attempt('duty', '203.0.113.88');
    const keys = (await test.db.query<{ key: string }>('SELECT key FROM login_throttle ORDER BY key')).map(
      (row) => row.key,
    );
    expect(keys).toHaveLength(3);
    // Store the rows on disk in the reverse of key order (a changed indexed column moves a row).
    for (const key of [...keys].reverse())
      await test.db.query(
        `UPDATE login_throttle SET last_failure_at = last_failure_at + interval '1 microsecond' WHERE key = $1`,
        [key],
      );
    await whileHeld([keys[1]!], async (release) => {
      // The next sign-in is counted (it locks the first row in key order and waits for the middle one)…
      const next = throttle.attempt('duty', '203.0.113.88');
      await untilWaiting(1);
      // …while the first one, its password found right, gives its count back.
      const givenBack = first.succeeded();
      await untilWaiting(2);
      await release();
      const settled = await Promise.allSettled([next, givenBack]);
      expect(settled.map((each) => (each.status === 'rejected' ? String(each.reason) : 'done'))).toEqual([
        'done',
        'done',
      ]);
    });
    // The second sign-in was counted and the first one's count given back (the pair's starts afresh).
    const counts = await test.db.query<{ failures: number }>(
      'SELECT failures FROM login_throttle ORDER BY failures',
    );
    expect(counts.map((row) => row.failures)).toEqual([0, 1, 1]);
  });

  it('prunes idle counts without waiting for one a sign-in holds', async () => {
    const throttle = new LoginThrottle(test.db);
    await test.db.query(
      `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES
         ('idle-1', 3, now() - interval '3 days'), ('idle-2', 3, now() - interval '3 days'),
         ('recent', 3, now())`,
    );
    await whileHeld(['idle-2'], async (release) => {
      // Resolves while idle-2 is still held: it is passed over, not waited for.
      await throttle.prune();
      await release();
    });
    const left = await test.db.query<{ key: string }>(
      `SELECT key FROM login_throttle WHERE key IN ('idle-1', 'idle-2', 'recent') ORDER BY key`,
    );
    expect(left.map((row) => row.key)).toEqual(['idle-2', 'recent']);
  });
});

describe('the client address the throttle counts', () => {
  let test: TestDatabase;
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    await seedDemo(test.db, '2026-11-01');
    // No TRUST_PROXY: the socket's address counts, whatever X-Forwarded-For says.
    const app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await test.drop();
  });

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', async () => {
    const answered: number[] = [];
    for (let index = 0; index < LOGIN_LIMITS.pair + 2; index++) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.8.${index}` },
        body: JSON.stringify({ username: 'duty', password: 'wrong' }),
      });
      answered.push(response.status);
    }
    expect(answered.slice(0, LOGIN_LIMITS.pair).every((status) => status === 401)).toBe(true);
    expect(answered.slice(LOGIN_LIMITS.pair)).toEqual([429, 429]);
  });
});
