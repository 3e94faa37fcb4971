// A phone handed on, on a fake IndexedDB: a sign-in with someone else's changes waiting is held (also
// after a one-time password), keeping everything, until exactly those changes are set aside; one made
// meanwhile stops it again. Sign-out refuses for the person's own waiting changes and keeps anyone
// else's for their maker or the next person's file.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { LocalDatabase, readMeta, writeMeta, type StoredSession } from '../../src/app/store/localDatabase.ts';
import { saveRecord } from '../../src/app/store/mutate.ts';
import { setWorkingAs } from '../../src/app/store/workingAs.ts';
import {
  ChangesWaitingFromOthers,
  chooseOwnPassword,
  PendingChangesError,
  setAsideAndSignIn,
  signOut,
} from '../../src/app/session.ts';
import { aRequest } from '../support/records.ts';

const ROBIN = { id: '6c0e4b1a-0000-4000-8000-000000000001', username: 'robin', displayName: 'Robin Example' };
const JO = { id: '6c0e4b1a-0000-4000-8000-000000000002', username: 'jo', displayName: 'Jo Whitfield' };
const sessionOf = (user: typeof ROBIN): StoredSession => ({
  token: `token-${user.username}`,
  user: { ...user, role: 'duty_officer', parishCode: null },
  expiresAt: '2099-01-01T00:00:00.000Z',
  lapsed: false,
});
const joSignsIn = { token: 'token-jo', user: sessionOf(JO).user, expiresAt: '2099-01-01T00:00:00.000Z' };

/** localStorage, which Node has not: the idle lock and its password check keep their state there. */
function stubLocalStorage() {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
    removeItem: (key: string) => items.delete(key),
  });
}

let db: LocalDatabase;
let serial = 0;
beforeEach(async () => {
  serial += 1;
  db = new LocalDatabase(`handover-test-${serial}`);
  await db.open();
  stubLocalStorage();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 200 })),
  );
  // Robin signed in and logged a request that has not reached the server.
  await writeMeta(db, 'session', { ...sessionOf(ROBIN), lapsed: true });
  await saveRecord(db, 'request', aRequest());
});
afterEach(async () => {
  vi.unstubAllGlobals();
  setWorkingAs(null);
  db.close();
  await Dexie.delete(db.name);
});

/** Jo, given a one-time password, chooses their own: the sign-in is kept, or held. */
const joChoosesOwnPassword = () => chooseOwnPassword(db, joSignsIn, 'one-time', 'jo-own-password');

describe('signing in on a phone with someone else’s changes waiting', () => {
  it('holds the sign-in, keeping everything, and names whose changes wait', async () => {
    const held = await joChoosesOwnPassword().catch((error: unknown) => error);
    expect(held).toBeInstanceOf(ChangesWaitingFromOthers);
    expect((held as Error).message).toBe(
      'Changes to 1 request from Robin Example (robin) are still waiting to sync on this device.',
    );
    expect((held as ChangesWaitingFromOthers).entries).toHaveLength(1);
    expect((await readMeta<StoredSession>(db, 'session'))?.user.id).toBe(ROBIN.id);
    expect([await db.outbox.count(), await db.requests.count()]).toEqual([1, 1]);
  });

  it('sets exactly those changes aside and signs in, once asked to', async () => {
    const held = (await joChoosesOwnPassword().catch((error: unknown) => error)) as ChangesWaitingFromOthers;
    await setAsideAndSignIn(db, held);
    expect((await readMeta<StoredSession>(db, 'session'))?.user.id).toBe(JO.id);
    expect([await db.outbox.count(), await db.requests.count()]).toEqual([0, 0]);
  });

  it('lets no viewer take them (they may name residents)', async () => {
    const viewer = { ...joSignsIn, user: { ...joSignsIn.user, role: 'viewer' as const } };
    const held = (await chooseOwnPassword(db, viewer, 'one-time', 'jo-own-password').catch(
      (error: unknown) => error,
    )) as ChangesWaitingFromOthers;
    await expect(setAsideAndSignIn(db, held)).rejects.toThrow(/A viewer cannot take these changes/);
    expect(await db.outbox.count()).toBe(1);
    expect((await readMeta<StoredSession>(db, 'session'))?.user.id).toBe(ROBIN.id);
  });

  it('stops again, removing nothing, when another change was made meanwhile', async () => {
    const held = (await joChoosesOwnPassword().catch((error: unknown) => error)) as ChangesWaitingFromOthers;
    setWorkingAs(ROBIN); // another tab still showing Robin
    await saveRecord(db, 'request', aRequest());
    const again = await setAsideAndSignIn(db, held).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ChangesWaitingFromOthers);
    expect((again as ChangesWaitingFromOthers).entries).toHaveLength(2);
    expect(await db.outbox.count()).toBe(2);
    expect((await readMeta<StoredSession>(db, 'session'))?.user.id).toBe(ROBIN.id);
  });
});

describe('signing out', () => {
  it('is refused while the person’s own changes wait', async () => {
    await writeMeta(db, 'session', sessionOf(ROBIN));
    await expect(signOut(db)).rejects.toThrow(PendingChangesError);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps someone else’s waiting change, and wipes the rest', async () => {
    await writeMeta(db, 'session', sessionOf(JO));
    await signOut(db);
    expect((await db.outbox.toArray()).map((entry) => entry.madeBy.id)).toEqual([ROBIN.id]);
    expect([await db.requests.count(), await db.meta.count()]).toEqual([0, 0]);
  });
});
