// Signing in and out on this device. The session is kept in IndexedDB so the app opens signed in
// when offline. Signing in as the same person keeps everything, the outbox above all. A different
// person starts from an empty copy (what they may see differs) — but never while changes made by the
// previous person are still waiting to sync: those would be lost.
import { loginResponseSchema, type User } from '../domain/user.ts';
import { apiFetch } from './api.ts';
import type { LocalDatabase, StoredSession } from './store/localDatabase.ts';
import { readMeta, writeMeta } from './store/localDatabase.ts';
import { clearDrafts } from './features/device/drafts.ts';
import { keepSpareSession } from './features/device/deviceRecovery.ts';
import { requestPersistentStorage } from './features/device/persistentStorage.ts';

export class PendingChangesError extends Error {
  override name = 'PendingChangesError';
}

async function clearLocalCopy(db: LocalDatabase) {
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
  const answer = loginResponseSchema.parse(
    await apiFetch('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }),
  );
  if (previous && previous.user.id !== answer.user.id) {
    await clearLocalCopy(db);
    await clearDrafts();
  }
  await writeMeta(db, 'session', { ...answer, lapsed: false } satisfies StoredSession);
  // Now that this device holds someone's work, ask the browser not to clear it when short of space.
  void requestPersistentStorage();
  return answer.user;
}

export async function signOut(db: LocalDatabase): Promise<void> {
  const pending = await db.outbox.count();
  if (pending > 0) throw new PendingChangesError(`${waiting(pending)}. Connect and sync before signing out.`);
  const session = await readMeta<StoredSession>(db, 'session');
  if (session) {
    // Best effort: offline, the server session simply expires later.
    await apiFetch('/api/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined);
  }
  await clearLocalCopy(db);
  // Half-filled forms may name residents: they leave with the person.
  await clearDrafts();
  await keepSpareSession(null);
  await db.meta.delete('session');
}
