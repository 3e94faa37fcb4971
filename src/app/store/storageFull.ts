// What a person is told when something could not be kept on this device. The one such failure they can
// do something about is a full phone: a cheap phone with its storage taken by photos refuses every
// IndexedDB write (QuotaExceededError), and "try again" alone would never help. Dexie passes the
// browser's error on as it is, or as the cause of an aborted transaction or a failed bulk write, so
// the error is looked through for it.

const STORAGE_FULL = 'QuotaExceededError';
const FREE_SPACE =
  "this device's storage is full. Free some space on it (photos, apps or other websites' data)";

/** Whether `error`, or an error it wraps, is the browser refusing a write because storage is full. */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const { name, inner, cause, failures } = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === STORAGE_FULL) return true;
  const wrapped = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return wrapped.some((inside) => isStorageFull(inside, depth + 1));
}

/**
 * Why `what` ("The request", "The note") could not be saved on this device, in words a person can
 * act on; `consequence` ("nothing was imported") says what did not happen because of it.
 */
export function notSavedMessage(error: unknown, what: string, consequence?: string): string {
  const so = consequence ? `, so ${consequence}` : '';
  return isStorageFull(error)
    ? `${what} could not be saved${so}: ${FREE_SPACE}, then try again.`
    : `${what} could not be saved on this device${so}. Try again; if it keeps failing, reload the page.`;
}

/** A sync that could not store what the server sent: nothing of the person's own work is lost. */
export const SYNC_STORAGE_FULL =
  `The latest changes could not be stored: ${FREE_SPACE}. Sync tries again by itself; ` +
  'nothing saved on this device is lost.';

/** Signing in keeps the session on this device: with storage full it cannot. */
export const SIGN_IN_STORAGE_FULL = `You could not be signed in: ${FREE_SPACE}, then try again.`;
