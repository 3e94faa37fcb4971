// "A new version is ready — reload", when a new version has been deployed and is waiting; and "please
// reload" when the server says this copy of the app is too old for it (or that the server is older).
import { useSyncExternalStore } from 'react';
import { acceptUpdate, checkForUpdate, isUpdateReady, subscribeUpdate } from '../../serviceWorker.ts';
import { COMPATIBILITY_MESSAGES } from '../../../domain/api/apiVersion.ts';
import { readServerVersion, subscribeServerVersion } from './serverVersion.ts';

export function useUpdateReady(): boolean {
  return useSyncExternalStore(subscribeUpdate, isUpdateReady);
}

/** Too old: fetch the new version first, then take it (or simply reload when there is none to wait for). */
async function reloadForNewVersion(): Promise<void> {
  if (!isUpdateReady()) await checkForUpdate();
  acceptUpdate();
}

export function UpdateBanner() {
  const ready = useUpdateReady();
  const { compatibility } = useSyncExternalStore(subscribeServerVersion, readServerVersion);

  if (compatibility === 'client_too_old') {
    return (
      <section className="banner warning update-banner" aria-label="App version">
        <p role="alert">{COMPATIBILITY_MESSAGES.client_too_old}</p>
        <button type="button" onClick={() => void reloadForNewVersion()}>
          Reload
        </button>
      </section>
    );
  }
  return (
    <>
      {compatibility === 'server_too_old' && (
        <p className="banner warning" role="alert">
          {COMPATIBILITY_MESSAGES.server_too_old}
        </p>
      )}
      {ready && (
        <section className="banner update-banner" aria-label="New version">
          <p role="status">
            A new version is ready — reload to use it. Your changes and anything half typed are kept.
          </p>
          <button type="button" onClick={acceptUpdate}>
            Reload
          </button>
        </section>
      )}
    </>
  );
}
