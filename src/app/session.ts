// Signing in and out on this device. The session is kept in IndexedDB so the app opens signed in
// when offline. Signing in as the same person keeps everything, the outbox above all. A different
// person starts from an empty copy (what they may see differs). Every queued change records who made
// it and is only ever sent under that person's sign-in (push.ts); changes someone else made that are
// still waiting stop the next person's sign-in until either their maker signs in and sends them, or
// the next person saves them to a file for the council and sets them aside (a phone handed on whose
// last person cannot sign in any more is not bricked, and nothing leaves it but into that file).
// Someone given a one-time password chooses their own before the session is kept. Signing out wipes
// the device: every table, and the password check kept for the idle lock; a sync still running for
// the person signed out stores nothing more (pull.ts, syncer.ts).
import { loginResponseSchema, type LoginResponse, type User } from '../domain/accounts/user.ts';
import { accountSchema } from '../domain/accounts/people.ts';
import { apiFetch } from './api.ts';
import type { LocalDatabase, OutboxEntry, StoredSession } from './store/localDatabase.ts';
import { readMeta, writeMeta } from './store/localDatabase.ts';
import { forgetUnlockPassword, rememberUnlockPassword } from './features/lock/unlockSecret.ts';
import { forgetIdleState, markActive } from './features/lock/idleLock.ts';
import { clearDrafts } from './features/device/drafts.ts';
import { keepSpareSession } from './features/device/deviceRecovery.ts';
import { signInCredentials } from './features/account/signInProof.ts';
import { describeWaitingFrom, waitingFromOthers } from '../domain/sync/setAside.ts';
import { canSeeRequests } from '../domain/entities/access.ts';

export class PendingChangesError extends Error {
  override name = 'PendingChangesError';
}

/** The password given was a one-time password: the person must choose their own first. */
export class PasswordChangeRequired extends Error {
  override name = 'PasswordChangeRequired';
  constructor(readonly login: LoginResponse) {
    super('Choose a password of your own: the one you were given works once only.');
  }
}

/**
 * The person signing in is not the one who made changes still waiting on this device: their sign-in is
 * held (not kept) until those changes are saved to a file and set aside (setAsideAndSignIn), or they
 * sign in as that person instead.
 */
export class ChangesWaitingFromOthers extends Error {
  override name = 'ChangesWaitingFromOthers';
  constructor(
    readonly login: LoginResponse,
    /** The password to keep for the idle lock once signed in. */
    readonly password: string,
    /** The waiting changes, oldest first. */
    readonly entries: OutboxEntry[],
  ) {
    super(
      `Changes to ${describeWaitingFrom(waitingFromOthers(entries, login.user.id))} are still waiting to sync on this device.`,
    );
  }
}

/**
 * Someone else's changes may name residents (requests and their notes): a viewer, who may not see
 * requests, is not given them in a file, so cannot set them aside either.
 */
export const mayTakeChangesOfOthers = (user: User) => canSeeRequests(user);
export const VIEWER_MAY_NOT_TAKE =
  'A viewer cannot take these changes: they may name residents. Give the phone to the person who made ' +
  'them, or to the council’s policy & information team.';

/** Changes on this device made by anyone but `userId`, oldest first. */
export const changesFromOthers = (db: LocalDatabase, userId: string) =>
  db.outbox
    .orderBy('seq')
    .filter((entry) => entry.madeBy.id !== userId)
    .toArray();

/** Removes every synced record, refused change and the sync cursor; keeps the outbox and the session. */
export async function clearLocalCopy(db: LocalDatabase) {
  await db.transaction('rw', [...db.recordTables(), db.rejected, db.meta], async () => {
    await Promise.all([...db.recordTables(), db.rejected].map((table) => table.clear()));
    await db.meta.delete('syncState');
  });
}

const waiting = (count: number) => `${count} change${count === 1 ? ' is' : 's are'} still waiting to sync`;

export async function signIn(db: LocalDatabase, username: string, password: string): Promise<User> {
  const credentials = await signInCredentials(username, password);
  const answer = loginResponseSchema.parse(
    await apiFetch('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, ...credentials }) }),
  );
  const account = accountSchema.parse(await apiFetch('/api/account', { token: answer.token }));
  if (account.mustChangePassword) throw new PasswordChangeRequired(answer);
  await keepSession(db, answer, password);
  return answer.user;
}

/**
 * After the person confirmed that they saved these changes (someone else's) to a file: removes exactly
 * them from this device and keeps the held sign-in. Any made meanwhile (another tab) stop it again.
 */
export async function setAsideAndSignIn(db: LocalDatabase, held: ChangesWaitingFromOthers): Promise<User> {
  if (!mayTakeChangesOfOthers(held.login.user)) throw new Error(VIEWER_MAY_NOT_TAKE);
  await keepSession(
    db,
    held.login,
    held.password,
    held.entries.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
  );
  return held.login.user;
}

/** The person chose not to set the changes aside: the held sign-in is let go (best effort offline). */
export async function letGoOfHeldSignIn(held: ChangesWaitingFromOthers): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST', token: held.login.token }).catch(() => undefined);
}

/** After a one-time password: sets the person's own password, then keeps the session. */
export async function chooseOwnPassword(
  db: LocalDatabase,
  login: LoginResponse,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  await apiFetch('/api/account/password', {
    method: 'POST',
    token: login.token,
    body: JSON.stringify({ currentPassword, newPassword }),
  });
  await keepSession(db, login, newPassword);
}

async function keepSession(
  db: LocalDatabase,
  answer: LoginResponse,
  password: string,
  setAside: readonly number[] = [],
): Promise<void> {
  const aside = new Set(setAside);
  // Checked before anything is cleared: a person who then signs in as the maker instead keeps it all.
  const others = await changesFromOthers(db, answer.user.id);
  if (others.some((entry) => !aside.has(entry.seq!)))
    throw new ChangesWaitingFromOthers(answer, password, others);
  const previous = await readMeta<StoredSession>(db, 'session');
  // Records on a device nobody is signed in to belong to nobody: a sync may still have been storing
  // what the last person was sent as they signed out. Only the same person keeps them.
  if (previous?.user.id !== answer.user.id) {
    await clearLocalCopy(db);
    await clearDrafts();
  }
  await rememberUnlockPassword(answer.user.id, password);
  markActive();
  // Once signed in, the app asks the browser to keep this device's data (App.tsx). Checked again with
  // the session written, in one transaction: a change someone else made meanwhile in another tab is
  // neither removed unseen nor left behind a new sign-in.
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const now = await changesFromOthers(db, answer.user.id);
    if (now.some((entry) => !aside.has(entry.seq!)))
      throw new ChangesWaitingFromOthers(answer, password, now);
    await db.outbox.bulkDelete(now.map((entry) => entry.seq!));
    await writeMeta(db, 'session', { ...answer, lapsed: false } satisfies StoredSession);
  });
}

/** Refuses while the signed-in person's own changes wait: signing out would lose them. */
const refuseWhileWaiting = async (db: LocalDatabase, userId: string | undefined) => {
  const pending = userId === undefined ? 0 : await db.outbox.where('madeBy.id').equals(userId).count();
  if (pending > 0) throw new PendingChangesError(`${waiting(pending)}. Connect and sync before signing out.`);
};

export async function signOut(db: LocalDatabase): Promise<void> {
  const session = await readMeta<StoredSession>(db, 'session');
  await refuseWhileWaiting(db, session?.user.id);
  if (session) {
    // Best effort: offline, the server session simply expires later.
    await apiFetch('/api/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined);
  }
  await wipeDevice(db, session?.user.id);
}

/**
 * Empties every table of this device's database and forgets the idle lock's password check. Checked
 * again in the emptying transaction: a change saved in another tab while the server was being told
 * of the sign-out would otherwise go with it, unsent. Changes someone else made (saved in another tab
 * that still showed them) are the one thing kept: they wait for their maker, or for the next person
 * to save them to a file (keepSession).
 */
async function wipeDevice(db: LocalDatabase, userId: string | undefined): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await refuseWhileWaiting(db, userId);
    await Promise.all(
      db.tables.filter((table) => table.name !== db.outbox.name).map((table) => table.clear()),
    );
  });
  // Half-filled forms may name residents, and the spare sign-in would sign the device back in.
  await clearDrafts();
  await keepSpareSession(null);
  forgetUnlockPassword();
  forgetIdleState();
}
