// Calls to the server made straight from a screen, for what only exists there: the people list, the
// audit trail, signed-in devices. (The directory and requests are read from IndexedDB instead.)
import { apiFetch } from '../../api.ts';
import { localDatabase, readMeta, type StoredSession } from '../../store/localDatabase.ts';

export async function serverCall(path: string, init: RequestInit = {}): Promise<unknown> {
  const session = await readMeta<StoredSession>(localDatabase, 'session');
  return apiFetch(path, { ...init, ...(session ? { token: session.token } : {}) });
}

/** The token, for downloads that are not JSON. */
export async function sessionToken(): Promise<string | undefined> {
  return (await readMeta<StoredSession>(localDatabase, 'session'))?.token;
}

export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong. Please try again.';
