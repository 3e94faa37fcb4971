// Sign-in with a proof made on the device (server relief), on PGlite and PostgreSQL: the salt a username
// is answered with, a right proof signs in and a wrong one is refused and counted as a wrong password
// (exactly, also when they come all at once; a burst of right ones from one address is never refused),
// a username nobody has is answered like anyone's, an account hashed at an older cost is asked for its
// password, and a proof or password the schema cannot take is refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { signInSaltSchema, type SignInSalt } from '../../src/domain/accounts/user.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { LOGIN_LIMITS } from '../../src/domain/accounts/loginThrottle.ts';
import { COST, hashPassword, saltOf } from '../../src/server/auth/password.ts';
import { NO_MATCH } from '../../src/server/auth/routes.ts';
import { signInProof } from '../../src/app/features/account/signInProof.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const officer = DEMO_USERS.find((user) => user.role === 'duty_officer')!;

describe.each(databaseKinds)('sign-in proofs on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  });
  afterAll(() => test.drop());

  async function post(path: string, body: unknown, address = '203.0.113.7') {
    const response = await app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  const saltFor = async (username: string) => {
    const answer = await post('/api/auth/salt', { username });
    expect(answer.status).toBe(200);
    return signInSaltSchema.parse(answer.body);
  };
  const proofFor = (salt: SignInSalt, password: string) => {
    if (salt.send !== 'proof') throw new Error('expected a salt for a proof');
    return signInProof(password, salt);
  };
  const storedHash = async (username: string) =>
    (
      await test.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', [
        username,
      ])
    )[0]!.password_hash;

  it('signs in with the proof of the right password, made with the salt the account is answered with', async () => {
    const salt = await saltFor(officer.username);
    expect(salt).toEqual({
      send: 'proof',
      algorithm: 'scrypt',
      ...saltOf(await storedHash(officer.username)),
    });
    const login = await post('/api/auth/login', {
      username: officer.username,
      proof: await proofFor(salt, officer.password),
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const { token } = login.body as { token: string };
    const me = await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(officer.username);
  });

  it('refuses the proof of a wrong password, or the stored hash itself, as a wrong password', async () => {
    const salt = await saltFor(officer.username);
    const wrong = await post('/api/auth/login', {
      username: officer.username,
      proof: await proofFor(salt, 'not the password'),
    });
    expect(wrong.status).toBe(401);
    expect(apiErrorSchema.parse(wrong.body).error.message).toBe(NO_MATCH);
    // A copy of the users table gives the SHA-256 of each key: sent as a proof, it signs nobody in.
    const digest = (await storedHash(officer.username)).split('$')[5]!;
    expect((await post('/api/auth/login', { username: officer.username, proof: digest })).status).toBe(401);
  });

  it('lets at most the limit of 50 parallel wrong proofs through, and never refuses a burst of right ones', async () => {
    const salt = await saltFor('admin');
    const guess = await proofFor(salt, 'guess');
    const guesses = await Promise.all(
      Array.from({ length: 50 }, () =>
        post('/api/auth/login', { username: 'admin', proof: guess }, '198.51.100.9'),
      ),
    );
    const statuses = guesses.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.pair);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50 - LOGIN_LIMITS.pair);

    // A shift starting behind one office address: more right sign-ins at once than the address's limit.
    const proof = await proofFor(await saltFor(officer.username), officer.password);
    const office = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.address * 2 }, () =>
        post('/api/auth/login', { username: officer.username, proof }, '203.0.113.80'),
      ),
    );
    expect(office.map((answer) => answer.status)).toEqual(Array(LOGIN_LIMITS.address * 2).fill(200));
  });

  it('answers a username nobody has like anyone, the same each time, and refuses its proof', async () => {
    const first = await saltFor('nobody.here');
    expect(first).toMatchObject({ send: 'proof', algorithm: 'scrypt', ...COST });
    expect(await saltFor('Nobody.Here ')).toEqual(first);
    expect(await saltFor('somebody.else')).not.toEqual(first);
    const login = await post('/api/auth/login', {
      username: 'nobody.here',
      proof: await proofFor(first, 'anything'),
    });
    expect(login.status).toBe(401);
    expect(apiErrorSchema.parse(login.body).error.message).toBe(NO_MATCH);
  });

  it('asks for the password of an account hashed at an older cost, so it can be hashed again', async () => {
    const coordinator = DEMO_USERS.find((user) => user.role === 'parish_coordinator')!;
    const older = await hashPassword(coordinator.password, { N: 1024, r: 8, p: 1 });
    await test.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [
      coordinator.username,
      older,
    ]);
    expect(await saltFor(coordinator.username)).toEqual({ send: 'password' });
    expect(
      (await post('/api/auth/login', { username: coordinator.username, password: coordinator.password }))
        .status,
    ).toBe(200);
    expect(await saltFor(coordinator.username)).toMatchObject({ send: 'proof', ...COST });
  });

  it('names the field of a sign-in it cannot take, and signs nobody in', async () => {
    const proof = 'A'.repeat(43) + '=';
    const cases: [unknown, string][] = [
      [{ username: officer.username, password: officer.password, proof }, 'proof'],
      [{ username: officer.username, proof: 'not base64 of 32 bytes' }, 'proof'],
      [{ username: officer.username }, 'password'],
      [{ proof }, 'username'],
    ];
    for (const [body, field] of cases) {
      const answer = await post('/api/auth/login', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(apiErrorSchema.parse(answer.body).error.fields ?? {})).toContain(field);
    }
    const salt = await post('/api/auth/salt', { username: '' });
    expect(salt.status).toBe(400);
    expect(Object.keys(apiErrorSchema.parse(salt.body).error.fields ?? {})).toEqual(['username']);
  });
});
