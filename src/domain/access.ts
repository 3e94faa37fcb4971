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
