// Who may see and change what: the scoping rule (entities/scope.ts) and each entity's write policy
// (entities/registry.ts) applied to a user. The server enforces these; the app uses them to decide what
// to offer. Nothing else decides visibility or write rights.
import type { User } from './user.ts';
import type { Contact } from './contact.ts';
import { entityRegistry, type Entity } from './entities/registry.ts';
import { canSeeScope, isStaff, parishScope, type Scope } from './entities/scope.ts';

export { canSeeScope, isStaff } from './entities/scope.ts';

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
