// The person signed in on this device, read live from IndexedDB like everything else the screens show,
// so it is there offline and after a lapsed sign-in.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from '../store/localDatabase.ts';
import type { User } from '../../domain/user.ts';

/** undefined while loading; null when nobody is signed in. */
export function useSessionUser(): User | null | undefined {
  return useLiveQuery(
    async () => (await readMeta<StoredSession>(localDatabase, 'session'))?.user ?? null,
    [],
  );
}

export const isStaffUser = (user: User) => user.role === 'admin' || user.role === 'duty_officer';
