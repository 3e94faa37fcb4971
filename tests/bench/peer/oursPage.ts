// The "ours" side of the peer bench, in the browser: the app's own sync code (src/app/sync) and its own
// IndexedDB database (Dexie), with nothing of the UI around it. Built by vite into the page ours.html.
import type { PeerPage } from './peerPage.ts';
import { localDatabase, writeMeta, type StoredSession } from '../../../src/app/store/localDatabase.ts';
import { saveRecords } from '../../../src/app/store/mutate.ts';
import { pullAll } from '../../../src/app/sync/pull.ts';
import { pushOutbox } from '../../../src/app/sync/push.ts';
import { apiFetch } from '../../../src/app/api.ts';

let token = '';
let userId = '';

/**
 * The push requests' share of a push, from the browser's resource timing: `requestMs` from sending to
 * the last byte of the answer, `serverMs` what the server says it worked (its Server-Timing header).
 */
function pushRequestTimes(): { requestMs: number; serverMs: number } {
  const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
    entry.name.includes('/api/sync/push'),
  );
  return {
    requestMs: requests.reduce((sum, entry) => sum + entry.responseEnd - entry.startTime, 0),
    serverMs: requests.reduce(
      (sum, entry) => sum + (entry.serverTiming.find((timing) => timing.name === 'app')?.duration ?? 0),
      0,
    ),
  };
}

async function storedRecords(): Promise<number> {
  const tables = [
    localDatabase.wards,
    localDatabase.parishes,
    localDatabase.partners,
    localDatabase.contacts,
    localDatabase.incidents,
    localDatabase.requests,
    localDatabase.timeline,
    localDatabase.conflicts,
  ];
  const counts = await Promise.all(tables.map((table) => table.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

const peer: PeerPage = {
  async signIn(username, password) {
    const answer = (await apiFetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    })) as Omit<StoredSession, 'lapsed'>;
    token = answer.token;
    userId = answer.user.id;
    // Kept as the app keeps it: a pull stores a page only while its sign-in is still the device's.
    await writeMeta(localDatabase, 'session', { ...answer, lapsed: false } satisfies StoredSession);
  },
  async firstPull() {
    const start = performance.now();
    await pullAll(localDatabase, token);
    const ms = performance.now() - start;
    return { ms, records: await storedRecords() };
  },
  async pullChanges() {
    const start = performance.now();
    const received = await pullAll(localDatabase, token);
    return { ms: performance.now() - start, received };
  },
  async pushEdits(partnerIds, name) {
    const partners = await localDatabase.partners.bulkGet(partnerIds);
    await saveRecords(
      localDatabase,
      'partner',
      partners.flatMap((partner) => (partner ? [{ ...partner, name }] : [])),
    );
    performance.clearResourceTimings();
    const start = performance.now();
    const { sent } = await pushOutbox(localDatabase, { token, user: { id: userId } });
    return { ms: performance.now() - start, sent, ...pushRequestTimes() };
  },
};
window.peer = peer;
