// When to sync: at start, when the network comes back, every minute while online, and when asked.
// Never two at once, in this tab (one promise) or across tabs and the installed app's window (a Web
// Lock: a tab that finds another syncing waits for it, then syncs too). After a failure the next
// automatic try waits longer each time, with jitter so many phones do not retry in step.
import type { LocalDatabase, StoredSession, SyncState } from '../store/localDatabase.ts';
import { readMeta, writeMeta } from '../store/localDatabase.ts';
import { ApiRequestError, NetworkError } from '../api.ts';
import { pullAll, type PullProgress } from './pull.ts';
import { pushOutbox } from './push.ts';
import { onBackgroundSync } from './backgroundSync.ts';
import { narrowToCurrentScope } from '../features/account/narrowScope.ts';
import { clearLocalCopy } from '../session.ts';
import { isStorageFull, SYNC_STORAGE_FULL } from '../store/storageFull.ts';

const PERIOD_MS = 60_000;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;
const SYNC_LOCK = 'resilience-hub-sync';
/** How long a tab waits for another tab's sync to end before it sets its own next try instead. */
const LOCK_WAIT_MS = PERIOD_MS;

export interface SyncActivity {
  running: boolean;
  progress: PullProgress | null;
  /** False after a try that could not reach the server; true after one that did. */
  reachable: boolean;
  /**
   * The last try could not store what it received because this device's storage is full. Kept here,
   * not only in the sync state: with storage full, writing the state may fail too.
   */
  storageFull: boolean;
  /** The server holds back this device's changes until its clock is set right (they stay queued). */
  clockAhead: boolean;
}

/** Said while the server holds this device's changes back for its clock: they wait, they are not lost. */
export const CLOCK_AHEAD =
  "This device's clock is more than a day ahead, so its changes cannot be sent yet. Set the date and " +
  'time; they are kept on this device and sent then.';

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export class Syncer {
  private activity: SyncActivity = {
    running: false,
    progress: null,
    reachable: true,
    storageFull: false,
    clockAhead: false,
  };
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private stopBackgroundSync: () => void = () => undefined;

  constructor(private db: LocalDatabase) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getActivity = () => this.activity;

  private setActivity(next: Partial<SyncActivity>) {
    this.activity = { ...this.activity, ...next };
    for (const listener of this.listeners) listener();
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    this.stopBackgroundSync = onBackgroundSync(this.onOnline);
    void this.syncNow();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    this.stopBackgroundSync();
    clearTimeout(this.timer);
  }

  private onOnline = () => {
    this.failures = 0;
    void this.syncNow();
  };

  private schedule(delay: number) {
    clearTimeout(this.timer);
    if (!this.stopped) this.timer = setTimeout(() => void this.syncNow(), delay);
  }

  /** Syncs now unless a sync is already running here or in another tab. */
  syncNow(): Promise<void> {
    this.running ??= this.runExclusive().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runExclusive() {
    if (typeof navigator === 'undefined' || !navigator.locks) return this.runOnce();
    // Waits its turn rather than skipping: only the end of a sync sets the next one, so a tab that
    // skipped (opened while another tab was syncing, or its minute falling during that tab's sync)
    // never synced by itself again, and changes made in it waited for the other tab's next minute, or
    // for ever once that tab was closed. Bounded, in case the other tab is stopped holding the lock.
    try {
      // AbortSignal.timeout came after Web Locks in Safari (16, 15.4): without it, wait unbounded.
      const signal =
        typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(LOCK_WAIT_MS) : undefined;
      await navigator.locks.request(SYNC_LOCK, signal ? { signal } : {}, () => this.runOnce());
    } catch (error) {
      if (!(error instanceof DOMException)) throw error;
      this.schedule(PERIOD_MS);
    }
  }

  private async runOnce() {
    const session = await readMeta<StoredSession>(this.db, 'session');
    if (!session || session.lapsed) return;
    this.setActivity({ running: true, progress: null });
    try {
      // Push first: the outbox is what could be lost; then pull, which also brings back our own changes.
      const { held } = await pushOutbox(this.db, session);
      await pullAll(this.db, session.token, (progress) => this.setActivity({ progress }));
      this.failures = 0;
      this.setActivity({ reachable: true, storageFull: false, clockAhead: held === 'clock_ahead' });
      // The pull cleared the last error; a queue held back needs saying until it goes.
      if (held) await this.writeState(session, { lastError: CLOCK_AHEAD });
      this.schedule(PERIOD_MS);
    } catch (error) {
      this.failures += 1;
      this.setActivity({ storageFull: isStorageFull(error) });
      // Writing the failure down may fail as well (storage full); the next try is set all the same, or
      // the outbox would wait for the network to drop and come back, or for someone to press Sync now.
      await this.recordFailure(session, error).catch((failure: unknown) =>
        console.warn('Could not note the failed sync on this device:', failure),
      );
      this.schedule(backoffDelay(this.failures));
    } finally {
      this.setActivity({ running: false, progress: null });
    }
  }

  private async recordFailure(session: StoredSession, error: unknown) {
    let message = 'Sync failed. It will be tried again shortly.';
    let lapsed = false;
    if (isStorageFull(error)) {
      message = SYNC_STORAGE_FULL;
    } else if (error instanceof NetworkError) {
      this.setActivity({ reachable: false });
      message = error.message;
    } else if (error instanceof ApiRequestError) {
      this.setActivity({ reachable: true });
      message = error.message;
      if (error.status === 401) {
        // Keep everything on the device; ask the person to sign in again when they can.
        lapsed = true;
        message =
          error.code === 'unauthorized'
            ? 'Your sign-in has expired. Sign in again to sync; your work is kept on this device.'
            : error.message; // signed out elsewhere or disabled: the server says which
      }
    }
    const written = await this.writeState(session, { lastError: message }, lapsed);
    if (!written || !(error instanceof ApiRequestError)) return;
    // After the state above is written: both reset the cursor for a fresh full pull, keeping the queue.
    if (error.code === 'scope_changed') await narrowToCurrentScope(this.db, session).catch(() => undefined);
    // The server's database went back (restored from a backup, or reset): this copy may hold what it
    // lost, and its cursor is past the server's log, so nothing made there since would ever come.
    if (error.code === 'sync_restart') await clearLocalCopy(this.db).catch(() => undefined);
  }

  /**
   * Notes how a sync went (and that the sign-in lapsed), unless the sign-in it ran for is no longer the
   * device's: signed out meanwhile, or someone else signed in, here or in another tab. Writing it then
   * would bring that sign-in back as "expired" on a signed-out phone. Returns whether it was written.
   */
  private writeState(session: StoredSession, change: Partial<SyncState>, lapsed = false): Promise<boolean> {
    return this.db.transaction('rw', this.db.meta, async () => {
      if ((await readMeta<StoredSession>(this.db, 'session'))?.token !== session.token) return false;
      const state = (await readMeta<SyncState>(this.db, 'syncState')) ?? {
        cursor: null,
        lastSyncedAt: null,
        lastError: null,
      };
      if (lapsed) await writeMeta(this.db, 'session', { ...session, lapsed: true } satisfies StoredSession);
      await writeMeta(this.db, 'syncState', { ...state, ...change } satisfies SyncState);
      return true;
    });
  }
}
