/* global self */
// Imported by the generated service worker: when Background Sync fires (the network is back), tell
// every open page to push its outbox. The outbox itself stays in the pages' IndexedDB.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'resilience-hub-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'resilience-hub-sync' });
    }),
  );
});
