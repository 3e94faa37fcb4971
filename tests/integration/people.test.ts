// People, roles, devices and the audit trail through the API, on PGlite and PostgreSQL: an admin
// creates users with one-time passwords, viewers read without requesters' details and change nothing,
// disabled and signed-out devices are refused with a code saying why, a moved coordinator's device is
// told to narrow its copy, and every change lands in an append-only audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { pullResponseSchema, type Change } from '../../src/domain/sync/sync.ts';
import { pushResponseSchema } from '../../src/domain/sync/mutation.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import {
  accountSchema,
  deviceSessionSchema,
  oneTimePasswordSchema,
} from '../../src/domain/accounts/people.ts';
import { auditPageSchema } from '../../src/domain/accounts/audit.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aMutation, aRequest, creating, stamp } from '../support/records.ts';
import { PEOPLE_PAGE, SESSIONS_PAGE } from '../../src/domain/api/paging.ts';
import {
  COST,
  hashIsOutdated,
  hashPassword,
  saltOf,
  verifyPassword,
} from '../../src/server/auth/password.ts';
import { signInProof } from '../../src/app/features/account/signInProof.ts';
import { createHash, randomBytes, scryptSync } from 'node:crypto';

/** A stored hash as made before passwords were normalised: of the text exactly as typed. */
function hashAsTyped(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { ...COST, maxmem: 64 * 1024 * 1024 });
  const digest = createHash('sha256').update(key).digest();
  return ['scrypt-sha256', COST.N, COST.r, COST.p, salt.toString('base64'), digest.toString('base64')].join(
    '$',
  );
}

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe.each(databaseKinds)('people and audit on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    admin = await signIn('admin', DEMO_USERS[0]!.password);
  });
  afterAll(() => test.drop());

  async function call(token: string | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { 'User-Agent': PHONE_UA };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, body: json ? (JSON.parse(text) as unknown) : null, text };
  }
  async function signIn(username: string, password: string): Promise<string> {
    const answer = await call(null, 'POST', '/api/auth/login', { username, password });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as { token: string }).token;
  }
  const errorOf = (body: unknown) => apiErrorSchema.parse(body).error;
  async function pull(token: string): Promise<Change[]> {
    const answer = await call(token, 'GET', '/api/sync/pull?limit=2000');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pullResponseSchema.parse(answer.body).changes;
  }
  async function push(token: string, mutations: unknown[], clientId = 'test-device') {
    const answer = await call(token, 'POST', '/api/sync/push', { clientId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }
  /** Creates a user through the admin API and signs them in with a password of their own. */
  async function newPerson(username: string, role: string, parishCode: string | null = null) {
    const created = await call(admin, 'POST', '/api/admin/users', {
      username,
      displayName: `${username} (test)`,
      role,
      parishCode,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { user, oneTimePassword } = oneTimePasswordSchema.parse(created.body);
    const token = await signIn(username, oneTimePassword);
    const password = `${username}-own-password`;
    expect(
      (
        await call(token, 'POST', '/api/account/password', {
          currentPassword: oneTimePassword,
          newPassword: password,
        })
      ).status,
    ).toBe(204);
    return { id: user.id, token, password };
  }

  it('creates a user whose one-time password must be changed before anything else', async () => {
    const created = await call(admin, 'POST', '/api/admin/users', {
      username: 'Duty.Two',
      displayName: 'Robin Duty',
      role: 'duty_officer',
    });
    expect(created.status).toBe(201);
    const { user, oneTimePassword } = oneTimePasswordSchema.parse(created.body);
    expect(user).toMatchObject({ username: 'duty.two', role: 'duty_officer', mustChangePassword: true });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const token = await signIn('duty.two', oneTimePassword);
    const account = accountSchema.parse((await call(token, 'GET', '/api/account')).body);
    expect(account.mustChangePassword).toBe(true);
    const held = await call(token, 'GET', '/api/sync/pull');
    expect(held.status).toBe(403);
    expect(errorOf(held.body).code).toBe('password_change_required');

    const weak = await call(token, 'POST', '/api/account/password', {
      currentPassword: oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(Object.keys(errorOf(weak.body).fields ?? {})).toEqual(['newPassword']);
    const changed = await call(token, 'POST', '/api/account/password', {
      currentPassword: oneTimePassword,
      newPassword: 'a-long-enough-password',
    });
    expect(changed.status).toBe(204);
    expect((await pull(token)).some((change) => change.entity === 'partner')).toBe(true);
    // the one-time password works once
    expect(
      (await call(null, 'POST', '/api/auth/login', { username: 'duty.two', password: oneTimePassword }))
        .status,
    ).toBe(401);
  });

  it('renews a password hash made at an older cost when its owner signs in, and only then', async () => {
    const officer = DEMO_USERS.find((user) => user.role === 'duty_officer')!;
    const storedHash = async () =>
      (
        await test.db.query<{ password_hash: string }>(
          'SELECT password_hash FROM users WHERE username = $1',
          [officer.username],
        )
      )[0]!.password_hash;
    const older = await hashPassword(officer.password, { N: 1024, r: 8, p: 1 });
    await test.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [officer.username, older]);

    const wrong = await call(null, 'POST', '/api/auth/login', {
      username: officer.username,
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(await storedHash()).toBe(older);

    await signIn(officer.username, officer.password);
    const renewed = await storedHash();
    expect(renewed).not.toBe(older);
    expect(hashIsOutdated(renewed)).toBe(false);
    expect((await verifyPassword(officer.password, renewed)).matches).toBe(true);
    await signIn(officer.username, officer.password);
  });

  it('signs in a password typed in another Unicode form, and renews a hash made before passwords were normalised', async () => {
    const officer = DEMO_USERS.find((user) => user.role === 'duty_officer')!;
    // "Café-Brûlée-2026" with each accent typed as a separate combining mark (as some keyboards do).
    const typed = 'Cafe\u0301-Bru\u0302le\u0301e-2026';
    const composed = typed.normalize('NFC');
    expect(composed).not.toBe(typed);
    const storedHash = async () =>
      (
        await test.db.query<{ password_hash: string }>(
          'SELECT password_hash FROM users WHERE username = $1',
          [officer.username],
        )
      )[0]!.password_hash;
    const proofOf = async (password: string) =>
      signInProof(password, { send: 'proof', algorithm: 'scrypt', ...saltOf(await storedHash())! });

    // A hash made today: whichever form is typed, by password or by the device's proof.
    await test.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [
      officer.username,
      await hashPassword(typed),
    ]);
    await signIn(officer.username, composed);
    for (const form of [typed, composed]) {
      const answer = await call(null, 'POST', '/api/auth/login', {
        username: officer.username,
        proof: await proofOf(form),
      });
      expect(answer.status, form).toBe(200);
    }

    // A hash of the password exactly as typed, from before: the password itself still signs in (the
    // app sends it rather than a proof when normalising changes it), and the hash is made again.
    const legacy = hashAsTyped(typed);
    await test.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [
      officer.username,
      legacy,
    ]);
    const proofBefore = await call(null, 'POST', '/api/auth/login', {
      username: officer.username,
      proof: await proofOf(typed),
    });
    expect(proofBefore.status).toBe(401);
    await signIn(officer.username, typed);
    expect(await storedHash()).not.toBe(legacy);
    const proofAfter = await call(null, 'POST', '/api/auth/login', {
      username: officer.username,
      proof: await proofOf(composed),
    });
    expect(proofAfter.status).toBe(200);
    await test.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [
      officer.username,
      await hashPassword(officer.password),
    ]);
  });

  it('names the bad fields and stores nothing', async () => {
    const before = (await call(admin, 'GET', '/api/admin/users')).body as { users: unknown[] };
    const bad = await call(admin, 'POST', '/api/admin/users', {
      username: 'x',
      displayName: '',
      role: 'parish_coordinator',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorOf(bad.body).fields ?? {}).sort()).toEqual([
      'displayName',
      'parishCode',
      'username',
    ]);
    const noParish = await call(admin, 'POST', '/api/admin/users', {
      username: 'coord9',
      displayName: 'C',
      role: 'parish_coordinator',
    });
    expect(errorOf(noParish.body).fields).toHaveProperty('parishCode');
    const unknownParish = await call(admin, 'POST', '/api/admin/users', {
      username: 'coord9',
      displayName: 'C',
      role: 'parish_coordinator',
      parishCode: 'NOPE-P99',
    });
    expect(errorOf(unknownParish.body).fields).toEqual({ parishCode: 'there is no such parish' });
    const taken = await call(admin, 'POST', '/api/admin/users', {
      username: 'DUTY',
      displayName: 'D',
      role: 'viewer',
    });
    expect(taken.status).toBe(409);
    expect(errorOf(taken.body).fields).toHaveProperty('username');
    const after = (await call(admin, 'GET', '/api/admin/users')).body as { users: unknown[] };
    expect(after.users.length).toBe(before.users.length);
  });

  it('lists people a page at a time, every one once, and refuses a bad limit naming it', async () => {
    for (const name of ['paged1', 'paged2', 'paged3']) await newPerson(name, 'viewer');
    const everyone = (await call(admin, 'GET', `/api/admin/users?limit=${PEOPLE_PAGE.max}`)).body as {
      users: { id: string }[];
      nextOffset: number | null;
    };
    expect(everyone.nextOffset).toBeNull();
    const paged: string[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const answer = await call(admin, 'GET', `/api/admin/users?limit=2&offset=${offset}`);
      expect(answer.status).toBe(200);
      const page = answer.body as { users: { id: string }[]; nextOffset: number | null };
      expect(page.users.length).toBeLessThanOrEqual(2);
      paged.push(...page.users.map((user) => user.id));
      offset = page.nextOffset;
    }
    expect(paged).toEqual(everyone.users.map((user) => user.id));
    expect(paged.length).toBeGreaterThanOrEqual(6);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      [`limit=${PEOPLE_PAGE.max + 1}`, 'limit'],
      ['limit=lots', 'limit'],
      ['offset=-2', 'offset'],
    ]) {
      const answer = await call(admin, 'GET', `/api/admin/users?${query}`);
      expect(answer.status, query).toBe(400);
      expect(Object.keys(errorOf(answer.body).fields ?? {}), query).toEqual([field]);
    }
  });

  it('lets only admins manage people', async () => {
    const duty = await signIn('duty', DEMO_USERS[1]!.password);
    const answer = await call(duty, 'GET', '/api/admin/users');
    expect(answer.status).toBe(403);
    expect((await call(duty, 'GET', '/api/admin/audit')).status).toBe(403);
  });

  it('gives a viewer the directory but no requests, timelines or restricted contacts, and refuses their changes', async () => {
    const duty = await signIn('duty', DEMO_USERS[1]!.password);
    const request = aRequest({
      place: { wardCode: null, parishCode: 'DEMO-P01', lat: null, lon: null, address: '1 Lane' },
    });
    expect((await push(duty, [creating('request', request)]))[0]?.status).toBe('applied');
    const viewer = await newPerson('viewer1', 'viewer');
    const changes = await pull(viewer.token);
    const entities = new Set(changes.map((change) => change.entity));
    expect(entities.has('partner')).toBe(true);
    for (const hidden of ['request', 'timeline', 'conflict'])
      expect(entities.has(hidden as Change['entity'])).toBe(false);
    const contacts = changes.filter((change) => change.entity === 'contact');
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      expect(contact.deleted).toBe(false);
      if (!contact.deleted) expect((contact.record as { visibility: string }).visibility).toBe('public');
    }
    // A request they cannot see answers as one that does not exist; a partner they can see, with why.
    const hidden = await push(viewer.token, [aMutation('request', request.id, { status: 'done' })]);
    expect(hidden[0]).toMatchObject({ status: 'rejected' });
    expect(hidden[0]?.current).toBeNull();
    const partner = changes.find((change) => change.entity === 'partner')!;
    const refused = await push(viewer.token, [
      aMutation('partner', partner.id, { capacityNotes: 'viewer was here' }),
    ]);
    expect(refused[0]).toMatchObject({
      status: 'rejected',
      reason: 'A viewer can look things up but not change them.',
    });
    const newRequest = aRequest();
    const refusedNew = await push(viewer.token, [creating('request', newRequest)]);
    expect(refusedNew[0]).toMatchObject({
      status: 'rejected',
      reason: 'A viewer can look things up but not change them.',
    });
  });

  it('stops a disabled person’s device at once, with a reason, and lets it go on once re-enabled', async () => {
    const person = await newPerson('duty3', 'duty_officer');
    const disabled = await call(admin, 'POST', `/api/admin/users/${person.id}/disable`);
    expect(disabled.status).toBe(200);
    const refused = await call(person.token, 'GET', '/api/sync/pull');
    expect(refused.status).toBe(401);
    expect(errorOf(refused.body)).toMatchObject({ code: 'account_disabled' });
    expect(errorOf(refused.body).message).toMatch(/disabled by an administrator.*stay on this device/);
    expect(
      (await call(null, 'POST', '/api/auth/login', { username: 'duty3', password: person.password })).status,
    ).toBe(401);
    const own = await call(admin, 'POST', `/api/admin/users/${(await accountOf(admin)).user.id}/disable`);
    expect(own.status).toBe(409);

    expect((await call(admin, 'POST', `/api/admin/users/${person.id}/enable`)).status).toBe(200);
    expect((await call(person.token, 'GET', '/api/sync/pull')).status).toBe(200);
  });

  const accountOf = async (token: string) =>
    accountSchema.parse((await call(token, 'GET', '/api/account')).body);

  it('lists a person’s devices by name and signs one out, or all of them for a lost phone', async () => {
    const person = await newPerson('duty4', 'duty_officer');
    const second = await signIn('duty4', person.password);
    const listed = await call(second, 'GET', '/api/account/sessions');
    const sessions = deviceSessionSchema.array().parse((listed.body as { sessions: unknown }).sessions);
    expect(sessions).toHaveLength(2);
    expect(sessions.every((session) => session.device === 'Chrome on Android phone')).toBe(true);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    // paged like every list: one at a time, then a 400 naming a bad limit
    const firstPage = (await call(second, 'GET', '/api/account/sessions?limit=1')).body as {
      sessions: unknown[];
      nextOffset: number | null;
    };
    expect([firstPage.sessions.length, firstPage.nextOffset]).toEqual([1, 1]);
    const lastPage = (await call(second, 'GET', '/api/account/sessions?limit=1&offset=1')).body as {
      nextOffset: number | null;
    };
    expect(lastPage.nextOffset).toBeNull();
    const tooMany = await call(
      admin,
      'GET',
      `/api/admin/users/${person.id}/sessions?limit=${SESSIONS_PAGE.max + 1}`,
    );
    expect(tooMany.status).toBe(400);
    expect(Object.keys(errorOf(tooMany.body).fields ?? {})).toEqual(['limit']);

    const other = sessions.find((session) => !session.current)!;
    expect((await call(second, 'DELETE', `/api/account/sessions/${other.id}`)).status).toBe(204);
    const first = await call(person.token, 'GET', '/api/sync/pull');
    expect(first.status).toBe(401);
    expect(errorOf(first.body)).toMatchObject({ code: 'signed_out' });
    expect(errorOf(first.body).message).toMatch(/from another device/);

    const all = await call(admin, 'POST', `/api/admin/users/${person.id}/sign-out-everywhere`);
    expect(all.body).toEqual({ signedOut: 1 });
    const lost = await call(second, 'GET', '/api/sync/pull');
    expect(errorOf(lost.body).message).toMatch(/signed out by an administrator/);
  });

  it('tells a moved coordinator’s device to narrow its copy before it syncs again', async () => {
    const duty = await signIn('duty', DEMO_USERS[1]!.password);
    const inA = aRequest({
      place: { wardCode: null, parishCode: 'DEMO-P01', lat: null, lon: null, address: '' },
    });
    const inB = aRequest({
      place: { wardCode: null, parishCode: 'DEMO-P02', lat: null, lon: null, address: '' },
    });
    await push(duty, [creating('request', inA), creating('request', inB)]);
    const coordinator = await newPerson('coord1', 'parish_coordinator', 'DEMO-P01');
    const before = (await pull(coordinator.token)).map((change) => change.id);
    expect(before).toContain(inA.id);
    expect(before).not.toContain(inB.id);

    const moved = await call(admin, 'PATCH', `/api/admin/users/${coordinator.id}`, {
      parishCode: 'DEMO-P02',
    });
    expect(moved.status).toBe(200);
    const told = await call(coordinator.token, 'GET', '/api/sync/pull');
    expect(told.status).toBe(409);
    expect(errorOf(told.body).code).toBe('scope_changed');
    const account = await accountOf(coordinator.token);
    expect(account.user.parishCode).toBe('DEMO-P02');
    expect((await call(coordinator.token, 'POST', '/api/account/scope')).status).toBe(200);
    const after = (await pull(coordinator.token))
      .filter((change) => !change.deleted)
      .map((change) => change.id);
    expect(after).toContain(inB.id);
    expect(after).not.toContain(inA.id);

    const audit = auditPageSchema.parse(
      (await call(admin, 'GET', `/api/admin/audit?record=${coordinator.id}`)).body,
    );
    expect(audit.entries.find((entry) => entry.action === 'role_change')).toMatchObject({
      username: 'admin',
      oldValue: { role: 'parish_coordinator', parishCode: 'DEMO-P01' },
      newValue: { role: 'parish_coordinator', parishCode: 'DEMO-P02' },
    });
  });

  it('audits a change made offline with the device’s time of change and the server’s time of arrival', async () => {
    const duty = await signIn('duty', DEMO_USERS[1]!.password);
    const request = aRequest();
    const madeOffline = Date.now() - 2 * 24 * 60 * 60 * 1000;
    await push(duty, [creating('request', request, stamp('phone-42', madeOffline - 60_000))], 'phone-42');
    const arrived = Date.now();
    await push(
      duty,
      [aMutation('request', request.id, { status: 'in_progress' }, { hlc: stamp('phone-42', madeOffline) })],
      'phone-42',
    );

    const page = auditPageSchema.parse(
      (await call(admin, 'GET', `/api/admin/audit?record=${request.id}&person=duty`)).body,
    );
    const status = page.entries.find((entry) => entry.field === 'status' && entry.newValue === 'in_progress');
    expect(status).toMatchObject({
      action: 'change',
      username: 'duty',
      clientId: 'phone-42',
      entity: 'request',
      oldValue: 'new',
    });
    expect(Date.parse(status!.deviceAt!)).toBe(madeOffline);
    expect(Math.abs(Date.parse(status!.at) - arrived)).toBeLessThan(60_000);
    // the creation is there too, field by field, with no old value
    expect(page.entries.some((entry) => entry.field === 'forWhom' && entry.oldValue === null)).toBe(true);

    const csv = await call(admin, 'GET', `/api/admin/audit?record=${request.id}&format=csv`);
    expect(csv.text).toContain('received_at,device_time,username,device,action');
    expect(csv.text).toContain(new Date(madeOffline).toISOString());
    const none = auditPageSchema.parse(
      (await call(admin, 'GET', `/api/admin/audit?record=${request.id}&to=2020-01-01`)).body,
    );
    expect(none.entries).toEqual([]);
    const badDates = await call(admin, 'GET', '/api/admin/audit?from=2026-02-01&to=2026-01-01');
    expect(errorOf(badDates.body).fields).toHaveProperty('to');
  });

  it('records sign-ins, failed sign-ins and sign-outs, and nobody can edit or delete the trail', async () => {
    await call(null, 'POST', '/api/auth/login', { username: 'duty', password: 'wrong-password' });
    const token = await signIn('duty', DEMO_USERS[1]!.password);
    expect((await call(token, 'POST', '/api/auth/logout')).status).toBe(204);
    const page = auditPageSchema.parse(
      (await call(admin, 'GET', '/api/admin/audit?person=duty&limit=20')).body,
    );
    const actions = page.entries.map((entry) => entry.action);
    expect(actions.slice(0, 3)).toEqual(['sign_out', 'sign_in', 'sign_in_failed']);

    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST']) {
      expect((await call(admin, method, '/api/admin/audit', {})).status).toBe(405);
    }
    await expect(test.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(test.db.query(`UPDATE audit_log SET username = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
  });
});
