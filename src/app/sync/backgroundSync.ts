// Background Sync, where the browser has it: asks the service worker to wake when the network is back;
// the worker then tells open pages to sync (public/sync-worker.js). Elsewhere the online event and the
// periodic sync do the same job.
export const SYNC_TAG = 'resilience-hub-outbox';
export const SYNC_MESSAGE = 'resilience-hub-sync';

interface SyncManager {
  register(tag: string): Promise<void>;
}

export function requestBackgroundSync(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync?.register(SYNC_TAG),
    )
    .catch(() => undefined);
}

export function onBackgroundSync(handler: () => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === SYNC_MESSAGE) handler();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
