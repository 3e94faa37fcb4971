// Signing in and out on this device. The session is kept in IndexedDB so the app opens signed in
// when offline. Signing in as the same person keeps everything, the outbox above all. A different
// person starts from an empty copy (what they may see differs) — but never while changes made by the
// previous person are still waiting to sync: those would be lost, or sent under the wrong name.
// Someone given a one-time password chooses their own before the session is kept. Signing out wipes
// the device: every table, and the password check kept for the idle lock; a sync still running for
// the person signed out stores nothing more (pull.ts, syncer.ts).
import { loginResponseSchema, type LoginResponse, type User } from '../domain/accounts/user.ts';
import { accountSchema } from '../domain/accounts/people.ts';
import { apiFetch } from './api.ts';
import type { LocalDatabase, StoredSession } from './store/localDatabase.ts';
import { readMeta, writeMeta } from './store/localDatabase.ts';
import { forgetUnlockPassword, rememberUnlockPassword } from './features/lock/unlockSecret.ts';
import { forgetIdleState, markActive } from './features/lock/idleLock.ts';
import { clearDrafts } from './features/device/drafts.ts';
import { keepSpareSession } from './features/device/deviceRecovery.ts';
import { signInCredentials } from './features/account/signInProof.ts';

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

/** Removes every synced record, refused change and the sync cursor; keeps the outbox and the session. */
export async function clearLocalCopy(db: LocalDatabase) {
  await db.transaction('rw', [...db.recordTables(), db.rejected, db.meta], async () => {
    await Promise.all([...db.recordTables(), db.rejected].map((table) => table.clear()));
    await db.meta.delete('syncState');
  });
}

const waiting = (count: number) => `${count} change${count === 1 ? ' is' : 's are'} still waiting to sync`;

export async function signIn(db: LocalDatabase, username: string, password: string): Promise<User> {
  const previous = await readMeta<StoredSession>(db, 'session');
  const pending = await db.outbox.count();
  if (previous && pending > 0 && previous.user.username.toLowerCase() !== username.trim().toLowerCase()) {
    throw new PendingChangesError(
      `${waiting(pending)} from ${previous.user.displayName}. Sign in as ${previous.user.username} first so they reach the server.`,
    );
  }
  const credentials = await signInCredentials(username, password);
  const answer = loginResponseSchema.parse(
    await apiFetch('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, ...credentials }) }),
  );
  const account = accountSchema.parse(await apiFetch('/api/account', { token: answer.token }));
  if (account.mustChangePassword) throw new PasswordChangeRequired(answer);
  await keepSession(db, answer, password);
  return answer.user;
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

async function keepSession(db: LocalDatabase, answer: LoginResponse, password: string): Promise<void> {
  const previous = await readMeta<StoredSession>(db, 'session');
  // Records on a device nobody is signed in to belong to nobody: a sync may still have been storing
  // what the last person was sent as they signed out. Only the same person keeps them.
  if (previous?.user.id !== answer.user.id) {
    await clearLocalCopy(db);
    await clearDrafts();
  }
  await rememberUnlockPassword(answer.user.id, password);
  markActive();
  // Once signed in, the app asks the browser to keep this device's data (App.tsx).
  await writeMeta(db, 'session', { ...answer, lapsed: false } satisfies StoredSession);
}

const refuseWhileWaiting = async (db: LocalDatabase) => {
  const pending = await db.outbox.count();
  if (pending > 0) throw new PendingChangesError(`${waiting(pending)}. Connect and sync before signing out.`);
};

export async function signOut(db: LocalDatabase): Promise<void> {
  await refuseWhileWaiting(db);
  const session = await readMeta<StoredSession>(db, 'session');
  if (session) {
    // Best effort: offline, the server session simply expires later.
    await apiFetch('/api/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined);
  }
  await wipeDevice(db);
}

/**
 * Empties every table of this device's database and forgets the idle lock's password check. Checked
 * again in the emptying transaction: a change saved in another tab while the server was being told
 * of the sign-out would otherwise go with it, unsent.
 */
async function wipeDevice(db: LocalDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await refuseWhileWaiting(db);
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  // Half-filled forms may name residents, and the spare sign-in would sign the device back in.
  await clearDrafts();
  await keepSpareSession(null);
  forgetUnlockPassword();
  forgetIdleState();
}
