// Sync state as a small indicator in the top bar, always visible ("Synced 2 min ago", "Offline · 1
// request waiting to send"); a tap opens the detail: when this device last synced, what went wrong in
// plain words, a progress bar during a big pull, and a button to sync now. Changes the server refused,
// conflicts to settle, a full device and a wrong clock need a person, so they stay in the bar until
// dealt with. The full sentence is a status line for screen readers, so a change is announced without
// opening anything. The detail floats over the screen, so Escape closes it (focus back on the
// indicator), as does a tap or focus elsewhere.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type SyncState } from '../store/localDatabase.ts';
import type { Syncer } from '../sync/syncer.ts';
import { timeAgo } from '../timeAgo.ts';
import { Link } from '../router.tsx';
import { useOnline } from '../useOnline.ts';
import { describeWaiting } from '../../domain/sync/outboxWords.ts';
import { SYNC_STORAGE_FULL } from '../store/storageFull.ts';
import { BusyButton } from './BusyButton.tsx';
import { Announced } from './Announced.tsx';
import { useWaiting } from '../sync/useWaiting.ts';
import { describeWaitingFrom } from '../../domain/sync/setAside.ts';

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
  // Only this person's own changes are sent under their sign-in; anyone else's wait for their maker.
  const { own: queue, others } = useWaiting() ?? { own: [], others: [] };
  const refused = useLiveQuery(() => localDatabase.rejected.count()) ?? 0;
  const conflicts = useLiveQuery(() => localDatabase.conflicts.where('status').equals('open').count()) ?? 0;
  const browserOnline = useOnline();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const section = useRef<HTMLElement>(null);
  const indicator = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const closeIfElsewhere = (event: Event) => {
      if (event.target instanceof Node && !section.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeIfElsewhere);
    document.addEventListener('focusin', closeIfElsewhere);
    return () => {
      document.removeEventListener('pointerdown', closeIfElsewhere);
      document.removeEventListener('focusin', closeIfElsewhere);
    };
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    indicator.current?.focus();
  };
  const online = browserOnline && activity.reachable;

  const waiting = describeWaiting(queue);
  const unreadable = state?.unreadable ?? 0;
  const lastSynced = state?.lastSyncedAt
    ? `Last synced ${timeAgo(state.lastSyncedAt, now)}`
    : 'Not synced yet';
  // Refused changes, conflicts and a full device need a person; any other failed sync retries by itself
  // (its detail a tap away).
  const problems = refused > 0 || conflicts > 0 || activity.storageFull || activity.clockAhead;
  // Read from the syncer too: with storage full, the failure may not have been written down.
  const lastError = activity.storageFull ? SYNC_STORAGE_FULL : state?.lastError;
  const short = activity.running
    ? 'Syncing…'
    : waiting
      ? `${online ? '' : 'Offline · '}${waiting.replace(' waiting to send', ' waiting')}`
      : online
        ? state?.lastSyncedAt
          ? 'Synced'
          : 'Not synced yet'
        : 'Offline';
  return (
    <section
      ref={section}
      className={`sync-status ${online ? 'online' : 'offline'}${problems ? ' problem' : ''}`}
      aria-label="Sync status"
      onKeyDown={onKeyDown}
    >
      {/* What needs a person is said aloud as it arrives, not only drawn. */}
      <Announced>
        {activity.storageFull && <p className="sync-attention">Storage full on this device</p>}
        {activity.clockAhead && <p className="sync-attention">Date and time wrong on this device</p>}
        {(refused > 0 || conflicts > 0) && (
          <Link to="/sync-issues" className="sync-attention">
            {[
              refused > 0 && `${refused} change${refused === 1 ? '' : 's'} refused by the server`,
              conflicts > 0 && `${conflicts} conflict${conflicts === 1 ? '' : 's'} to settle`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Link>
        )}
      </Announced>
      <button
        ref={indicator}
        type="button"
        className="sync-indicator"
        aria-expanded={open}
        aria-controls={detailId}
        onClick={() => setOpen(!open)}
      >
        <span className="sync-dot" aria-hidden="true" />
        {short}
      </button>
      <div id={detailId} className={open ? 'sync-panel' : 'visually-hidden'}>
        <p role="status">
          <strong>{online ? 'Online' : 'Offline'}</strong> · {activity.running ? 'Syncing…' : lastSynced} ·{' '}
          {waiting ?? 'All changes synced'}
        </p>
        <div className="sync-detail" hidden={!open}>
          {state?.heldBack && !activity.running && (
            <p className="sync-note">
              Server catching up: some recent changes are waiting on the server and will arrive shortly.
            </p>
          )}
          {unreadable > 0 && (
            <p className="sync-note">
              {unreadable === 1
                ? '1 record sent by the server could not be read by this version of the app, so this device leaves it out.'
                : `${unreadable} records sent by the server could not be read by this version of the app, so this device leaves them out.`}{' '}
              After the app updates, signing out and in again fetches everything afresh.
            </p>
          )}
          {others.length > 0 && (
            <p className="sync-note">
              Also on this device: {describeWaitingFrom(others)}, made before you signed in. They are not sent
              under your sign-in; they wait for {others.length === 1 ? 'that person' : 'those people'} to sign
              in here.
            </p>
          )}
          {lastError && !activity.running && <p className="sync-error">{lastError}</p>}
          <BusyButton
            type="button"
            className="secondary"
            onClick={() => void syncer.syncNow()}
            busy={activity.running}
          >
            Sync now
          </BusyButton>
        </div>
      </div>
      {activity.progress && activity.progress.total > 0 && (
        <progress
          max={activity.progress.total}
          value={activity.progress.received}
          aria-label="Downloading the directory"
        />
      )}
    </section>
  );
}
