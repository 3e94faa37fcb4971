// Signing in and out on this device. The session is kept in IndexedDB so the app opens signed in
// when offline. Signing in as the same person keeps everything on the device; a different person
// starts from an empty copy, since what they may see differs.
import { loginResponseSchema, type User } from '../domain/user.ts';
import { apiFetch } from './api.ts';
import type { LocalDatabase, StoredSession } from './store/localDatabase.ts';
import { readMeta, writeMeta } from './store/localDatabase.ts';

async function clearLocalCopy(db: LocalDatabase) {
  await db.transaction('rw', [db.wards, db.parishes, db.partners, db.contacts, db.meta], async () => {
    await Promise.all([db.wards.clear(), db.parishes.clear(), db.partners.clear(), db.contacts.clear()]);
    await db.meta.delete('syncState');
  });
}

export async function signIn(db: LocalDatabase, username: string, password: string): Promise<User> {
  const answer = loginResponseSchema.parse(
    await apiFetch('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }),
  );
  const previous = await readMeta<StoredSession>(db, 'session');
  if (previous && previous.user.id !== answer.user.id) await clearLocalCopy(db);
  await writeMeta(db, 'session', { ...answer, lapsed: false } satisfies StoredSession);
  return answer.user;
}

export async function signOut(db: LocalDatabase): Promise<void> {
  const session = await readMeta<StoredSession>(db, 'session');
  if (session) {
    // Best effort: offline, the server session simply expires later.
    await apiFetch('/api/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined);
  }
  await clearLocalCopy(db);
  await db.meta.delete('session');
}
