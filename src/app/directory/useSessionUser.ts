// The person signed in on this device, read from IndexedDB so it is known offline. Screens use it to
// offer editing to admins only (the server refuses the rest anyway).
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from '../store/localDatabase.ts';
import type { User } from '../../domain/user.ts';
import { canEditDirectory } from '../../domain/access.ts';

/** undefined while loading; null when nobody is signed in. */
export function useSessionUser(): User | null | undefined {
  return useLiveQuery(async () => (await readMeta<StoredSession>(localDatabase, 'session'))?.user ?? null);
}

export function useCanEditDirectory(): boolean {
  const user = useSessionUser();
  return user ? canEditDirectory(user) : false;
}
