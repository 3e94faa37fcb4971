// Who may see and change what: the one place the scoping rule is written, used by the server to
// filter pulls and refuse writes, and by the app to decide what to offer. Grows into the roles model.
import type { User } from './user.ts';
import type { Contact } from './contact.ts';

/** Restricted contacts are for council staff, and for a parish coordinator only within their parish. */
export function canSeeContact(user: User, contact: Contact): boolean {
  if (contact.visibility === 'public') return true;
  if (user.role === 'admin' || user.role === 'duty_officer') return true;
  return contact.parishCode !== null && contact.parishCode === user.parishCode;
}

/** The directory (partners, contacts, parishes) is edited by admins only. */
export function canEditDirectory(user: User): boolean {
  return user.role === 'admin';
}

const isStaff = (user: User) => user.role === 'admin' || user.role === 'duty_officer';

/** Requests (and their timelines and conflicts) are seen by staff, and by the coordinator of their parish. */
export function canSeeParishScoped(user: User, parishCode: string | null): boolean {
  return isStaff(user) || (parishCode !== null && parishCode === user.parishCode);
}

export type WriteTarget =
  | { entity: 'partner' | 'contact' | 'parish' }
  | { entity: 'incident' }
  | { entity: 'request' | 'timeline' | 'conflict'; parishBefore: string | null; parishAfter: string | null };

/** Why this user may not make this change, or null when they may. Written once; the server enforces it. */
export function writeRefusal(user: User, target: WriteTarget): string | null {
  if (user.role === 'viewer') return 'A viewer can look things up but not change them.';
  switch (target.entity) {
    case 'partner':
    case 'contact':
    case 'parish':
      return canEditDirectory(user)
        ? null
        : 'Only the policy and information team (admins) can change the directory.';
    case 'incident':
      return isStaff(user) ? null : 'Only duty officers and admins can open or change incidents.';
    default:
      if (isStaff(user)) return null;
      if (
        target.parishAfter !== user.parishCode ||
        (target.parishBefore !== null && target.parishBefore !== user.parishCode)
      ) {
        return 'A parish coordinator can log and change requests for their own parish only.';
      }
      return null;
  }
}

/** Requests, incidents and their timelines hold requesters' details: not for viewers. */
export function canSeeRequests(user: User): boolean {
  return user.role !== 'viewer';
}

/** People, sessions, the audit trail and retention are run by admins. */
export function canManagePeople(user: User): boolean {
  return user.role === 'admin';
}

/**
 * The change-log scopes (migration 0003) a user who is not staff reads besides everyone's: their own
 * parish's requests and restricted contacts, or none at all without a parish (a viewer).
 */
export function parishScopes(user: User): string[] {
  return user.parishCode === null ? [] : [`p:${user.parishCode}`, `c:${user.parishCode}`];
}

/** The role and parish a device's copy was pulled under: when it changes, the copy is narrowed. */
export function scopeKey(user: Pick<User, 'role' | 'parishCode'>): string {
  return `${user.role}|${user.parishCode ?? ''}`;
}
