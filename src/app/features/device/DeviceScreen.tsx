// This device (/device): what this phone or laptop holds and whether it is safe — space used and
// available, whether the browser may clear it, what is waiting to send, the last sync, the app's
// version (and the server's), with the install offer and a check for a new version.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type SyncState } from '../../store/localDatabase.ts';
import { timeAgo } from '../../timeAgo.ts';
import { Link } from '../../router.tsx';
import { checkForUpdate } from '../../serviceWorker.ts';
import { APP_BUILD_VERSION } from './appVersion.ts';
import { countDrafts } from './drafts.ts';
import { InstallOffer } from './InstallOffer.tsx';
import {
  mayEvictAfterAWeek,
  readStorageFacts,
  requestPersistentStorage,
  type StorageFacts,
} from './persistentStorage.ts';
import { readRecoveryNote, type RecoveryNote } from './deviceRecovery.ts';
import { recoveryWords } from './RecoveryBanner.tsx';
import { readServerVersion, subscribeServerVersion } from './serverVersion.ts';
import { useUpdateReady } from './UpdateBanner.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useWaiting } from '../../sync/useWaiting.ts';
import { describeWaitingFrom } from '../../../domain/sync/setAside.ts';

const megabytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

function StorageSection() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const refresh = () => void readStorageFacts().then(setFacts);
  useEffect(refresh, []);
  const askAgain = async () => {
    await requestPersistentStorage();
    refresh();
  };

  if (!facts) return <p role="status">Reading this device's storage…</p>;
  const { usedBytes, quotaBytes, persisted } = facts;
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <dl className="device-facts">
        <dt>Space used</dt>
        <dd>{usedBytes === undefined ? 'This browser does not say' : megabytes(usedBytes)}</dd>
        <dt>Space available</dt>
        <dd>
          {usedBytes === undefined || quotaBytes === undefined
            ? 'This browser does not say'
            : megabytes(Math.max(0, quotaBytes - usedBytes))}
        </dd>
        <dt>Kept until you sign out</dt>
        <dd>
          {persisted === true
            ? 'Yes: the browser will not clear this app’s data on its own'
            : persisted === false
              ? 'No: the browser may clear this app’s data when the device is short of space'
              : 'This browser does not say'}
        </dd>
      </dl>
      {persisted === false && (
        <p className="banner warning">
          Until the browser keeps this app’s data, changes waiting to send could be lost if the device runs
          short of space. Installing the app usually makes the browser keep it.{' '}
          <button type="button" className="secondary" onClick={() => void askAgain()}>
            Ask the browser to keep it
          </button>
        </p>
      )}
      {mayEvictAfterAWeek() && (
        <p className="banner warning">
          Safari deletes a website’s data after 7 days without a visit. Open Resilience Hub at least once a
          week, or add it to your Home Screen, which keeps it.
        </p>
      )}
    </section>
  );
}

function SyncSection() {
  const state = useLiveQuery(() => readMeta<SyncState>(localDatabase, 'syncState'), [], null);
  // The signed-in person's own changes; anyone else's are listed apart (they are not sent by this sign-in).
  const queued = useWaiting();
  const waiting = queued ? queued.own.length : null;
  const oldest = queued?.own[0];
  const refused = useLiveQuery(() => localDatabase.rejected.count(), [], null);
  const [drafts, setDrafts] = useState<number | null>(null);
  useEffect(() => {
    countDrafts()
      .then(setDrafts)
      .catch(() => setDrafts(null));
  }, []);
  if (waiting === null) return <p role="status">Reading what is waiting to send…</p>;
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <dl className="device-facts">
        <dt>Waiting to send</dt>
        <dd>
          {waiting === 0
            ? 'Nothing: every change has reached the server'
            : `${waiting} change${waiting === 1 ? '' : 's'}${oldest ? `, the oldest made ${timeAgo(oldest.queuedAt)}` : ''}`}
        </dd>
        {queued && queued.others.length > 0 && (
          <>
            <dt>Waiting for someone else</dt>
            <dd>
              {describeWaitingFrom(queued.others)}, made on this device before you signed in. They are sent
              when that person signs in here, never under your sign-in.
            </dd>
          </>
        )}
        {refused !== null && refused > 0 && (
          <>
            <dt>Refused by the server</dt>
            <dd>
              <Link to="/sync-issues">
                {refused} change{refused === 1 ? '' : 's'} to look at
              </Link>
            </dd>
          </>
        )}
        <dt>Last synced</dt>
        <dd>{state?.lastSyncedAt ? timeAgo(state.lastSyncedAt) : 'Not yet'}</dd>
        <dt>Half-filled forms kept</dt>
        <dd>{drafts === null ? '—' : drafts === 0 ? 'None' : drafts}</dd>
      </dl>
    </section>
  );
}

function VersionSection() {
  const { appVersion: serverVersion } = useSyncExternalStore(subscribeServerVersion, readServerVersion);
  const ready = useUpdateReady();
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState(false);
  const check = async () => {
    setChecking(true);
    await checkForUpdate();
    setChecking(false);
    setChecked(true);
  };
  return (
    <section aria-labelledby="version-heading">
      <h2 id="version-heading">Version</h2>
      <dl className="device-facts">
        <dt>App on this device</dt>
        <dd>{APP_BUILD_VERSION}</dd>
        <dt>Server</dt>
        <dd>{serverVersion ?? 'Not heard from yet'}</dd>
      </dl>
      {ready ? (
        <p>A new version is ready: use Reload at the top of the page.</p>
      ) : (
        <p>
          <BusyButton type="button" className="secondary" onClick={() => void check()} busy={checking}>
            Check for a new version
          </BusyButton>{' '}
          <span role="status">{checking ? 'Checking…' : checked ? 'This is the latest version.' : ''}</span>
        </p>
      )}
    </section>
  );
}

export function DeviceScreen() {
  const [recovery, setRecovery] = useState<RecoveryNote | null>(null);
  useEffect(() => {
    readRecoveryNote()
      .then((note) => setRecovery(note ?? null))
      .catch(() => undefined);
  }, []);
  return (
    <div className="device-screen">
      <h1 tabIndex={-1}>This device</h1>
      <p>What this device keeps so Resilience Hub works without a network, and whether it is safe.</p>
      <InstallOffer always />
      <SyncSection />
      <StorageSection />
      <VersionSection />
      {recovery && (
        <section aria-labelledby="recovery-heading">
          <h2 id="recovery-heading">Last recovery</h2>
          <p>
            {timeAgo(recovery.at)}: {recoveryWords(recovery)}
          </p>
        </section>
      )}
    </div>
  );
}
