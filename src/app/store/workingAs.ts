// Who this tab is working as: the person whose screens it shows. A change is recorded as made by them,
// not by whoever the device's stored sign-in names at the moment it is saved: in the instant after
// someone signs out, or someone else signs in, in another tab, this tab still shows the person it did
// (its live query has not caught up), and what they save is theirs, never sent under the newcomer's
// sign-in (push.ts sends only the signed-in person's own changes).
import type { Author, StoredSession } from './localDatabase.ts';

let workingAs: Author | null = null;

/** Called by the app shell each time the sign-in it shows changes (null: the sign-in screen). */
export function setWorkingAs(user: Author | null): void {
  workingAs = user ? { id: user.id, username: user.username, displayName: user.displayName } : null;
}

/** The maker of a change saved now: this tab's person, else the device's sign-in, else nobody. */
export function makerOfChange(stored: StoredSession | undefined): Author | null {
  if (workingAs) return workingAs;
  if (!stored) return null;
  const { id, username, displayName } = stored.user;
  return { id, username, displayName };
}

/** Nobody is signed in here: a change would belong to nobody, so it is not saved. */
export class NotSignedInError extends Error {
  override name = 'NotSignedInError';
  constructor() {
    super('Nobody is signed in on this device, so this change was not saved. Sign in and try again.');
  }
}
