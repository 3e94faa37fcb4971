// Who may see and change what: the scoping rule (entities/scope.ts) and each entity's write policy
// (entities/registry.ts) applied to a user. The server enforces these; the app uses them to decide what
// to offer. Nothing else decides visibility or write rights.
import type { User } from '../accounts/user.ts';
import type { Contact } from './contact.ts';
import { entityRegistry, type Entity } from './registry.ts';
import { canSeeScope, isStaff, parishScope, type Scope } from './scope.ts';

export { canSeeScope, isStaff } from './scope.ts';

/** Restricted contacts are for council staff, and for a parish coordinator only within their parish. */
export const canSeeContact = (user: User, contact: Contact): boolean =>
  canSeeScope(user, entityRegistry.contact.scope(contact, undefined));

/** Requests (and their timelines and conflicts) are seen by staff, and by the coordinator of their parish. */
export const canSeeParishScoped = (user: User, parishCode: string | null): boolean =>
  canSeeScope(user, parishScope(parishCode));

/** The directory (partners, contacts, parishes) is edited by admins only. */
export const canEditDirectory = (user: User): boolean => user.role === 'admin';

const REFUSALS = {
  import: 'This changes only through the boundary import.',
  admin: 'Only the policy and information team (admins) can change the directory.',
  staff: 'Only duty officers and admins can open or change incidents.',
  ownParish: 'A parish coordinator can log and change requests for their own parish only.',
} as const;

/**
 * Why this user may not write this record, or null when they may: `before` is the scope of the record
 * as stored (undefined for a new one), `after` its scope once changed.
 */
export function writeRefusal(
  user: User,
  entity: Entity,
  before: Scope | undefined,
  after: Scope,
): string | null {
  if (user.role === 'viewer') return 'A viewer can look things up but not change them.';
  const policy = entityRegistry[entity].write;
  switch (policy) {
    case 'import':
      return REFUSALS.import;
    case 'admin':
      return canEditDirectory(user) ? null : REFUSALS.admin;
    case 'staff':
      return isStaff(user) ? null : REFUSALS.staff;
    case 'ownParish': {
      if (isStaff(user)) return null;
      const own =
        user.role === 'parish_coordinator' && user.parishCode ? parishScope(user.parishCode) : undefined;
      const mine = (scope: Scope | undefined) => own !== undefined && scope === own;
      return mine(after) && (before === undefined || mine(before)) ? null : REFUSALS.ownParish;
    }
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

/** The role and parish a device's copy was pulled under: when it changes, the copy is narrowed. */
export function scopeKey(user: Pick<User, 'role' | 'parishCode'>): string {
  return `${user.role}|${user.parishCode ?? ''}`;
}
