// Who may see a record, as one value stored with it: its scope. The server stores each record's scope in
// a column (computed by the entity's `scope` function in the registry) and the pull filter, refusals and
// the app all read it through `canSeeScope`, so the visibility rule is written once.
//
//   null            everyone signed in (the directory's public part, wards, incidents)
//   'staff'         admins and duty officers only
//   'parish:<code>' staff, and the parish coordinators of that parish
import type { User } from '../accounts/user.ts';

export type Scope = string | null;

export const STAFF_SCOPE = 'staff';

/** A parish's scope; without a parish, a record is for staff only. */
export const parishScope = (parishCode: string | null): string =>
  parishCode ? `parish:${parishCode}` : STAFF_SCOPE;

export const isStaff = (user: Pick<User, 'role'>): boolean =>
  user.role === 'admin' || user.role === 'duty_officer';

/** The scopes a user reads besides everyone's: 'all' for staff. */
export function readableScopes(user: Pick<User, 'role' | 'parishCode'>): 'all' | string[] {
  if (isStaff(user)) return 'all';
  if (user.role === 'parish_coordinator' && user.parishCode) return [parishScope(user.parishCode)];
  return [];
}

export function canSeeScope(user: Pick<User, 'role' | 'parishCode'>, scope: Scope): boolean {
  if (scope === null) return true;
  const readable = readableScopes(user);
  return readable === 'all' || readable.includes(scope);
}
