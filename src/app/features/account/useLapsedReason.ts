// Why this device stopped syncing, in the server's words (signed out from another device, signed out by
// an administrator, account disabled, or simply expired), for the banner shown while the sign-in is lapsed.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type SyncState } from '../../store/localDatabase.ts';

export function useLapsedReason(lapsed: boolean): string | null {
  return (
    useLiveQuery(
      async () =>
        lapsed ? ((await readMeta<SyncState>(localDatabase, 'syncState'))?.lastError ?? null) : null,
      [lapsed],
    ) ?? null
  );
}
