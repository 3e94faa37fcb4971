// The person signed in on this device, read live from IndexedDB like everything else the screens show,
// so it is known offline and after a lapsed sign-in. Screens use it to offer what the person's role
// allows (the server refuses the rest anyway).
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from './store/localDatabase.ts';
import type { User } from '../domain/accounts/user.ts';
import { canEditDirectory } from '../domain/entities/access.ts';

/** undefined while loading; null when nobody is signed in. */
export function useSessionUser(): User | null | undefined {
  return useLiveQuery(
    async () => (await readMeta<StoredSession>(localDatabase, 'session'))?.user ?? null,
    [],
  );
}

export function useCanEditDirectory(): boolean {
  const user = useSessionUser();
  return user ? canEditDirectory(user) : false;
}
