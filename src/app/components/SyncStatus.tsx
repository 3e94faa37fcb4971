// Sync status a person reads at a glance: online or offline, when this device last synced, what
// went wrong in plain words, a progress bar during a big pull, and a button to sync now.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type SyncState } from '../store/localDatabase.ts';
import type { Syncer } from '../sync/syncer.ts';
import { timeAgo } from '../timeAgo.ts';
import { Link } from '../router.tsx';
import { useOnline } from '../useOnline.ts';

/** Re-renders every 30 s so "2 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SyncStatus({ syncer }: { syncer: Syncer }) {
  const activity = useSyncExternalStore(syncer.subscribe, syncer.getActivity);
  const state = useLiveQuery(() => readMeta<SyncState>(localDatabase, 'syncState'));
  const waiting = useLiveQuery(() => localDatabase.outbox.count()) ?? 0;
  const refused = useLiveQuery(() => localDatabase.rejected.count()) ?? 0;
  const conflicts = useLiveQuery(() => localDatabase.conflicts.where('status').equals('open').count()) ?? 0;
  const browserOnline = useOnline();
  const now = useNow();
  const online = browserOnline && activity.reachable;

  const lastSynced = state?.lastSyncedAt
    ? `Last synced ${timeAgo(state.lastSyncedAt, now)}`
    : 'Not synced yet';
  return (
    <section className={`sync-status ${online ? 'online' : 'offline'}`} aria-label="Sync status">
      <p role="status">
        <strong>{online ? 'Online' : 'Offline'}</strong> · {activity.running ? 'Syncing…' : lastSynced} ·{' '}
        {waiting === 0
          ? 'All changes synced'
          : `${waiting} change${waiting === 1 ? '' : 's'} waiting to sync`}
      </p>
      {(refused > 0 || conflicts > 0) && (
        <p className="sync-error">
          <Link to="/sync-issues">
            {[
              refused > 0 && `${refused} change${refused === 1 ? '' : 's'} refused by the server`,
              conflicts > 0 && `${conflicts} conflict${conflicts === 1 ? '' : 's'} to settle`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Link>
        </p>
      )}
      {activity.progress && activity.progress.total > 0 && (
        <progress
          max={activity.progress.total}
          value={activity.progress.received}
          aria-label="Downloading the directory"
        />
      )}
      {state?.heldBack && !activity.running && (
        <p className="sync-note">
          Server catching up: some recent changes are waiting on the server and will arrive shortly.
        </p>
      )}
      {state?.lastError && !activity.running && <p className="sync-error">{state.lastError}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => void syncer.syncNow()}
        disabled={activity.running}
      >
        Sync now
      </button>
    </section>
  );
}
