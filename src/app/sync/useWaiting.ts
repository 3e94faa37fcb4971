// What waits to be sent, split by who made it: the signed-in person's own changes (sent at the next
// sync) and anyone else's (made here before the phone was handed on, or saved in a tab that still
// showed them), which are never sent under this sign-in and wait for their maker. Read live, so the
// sync bar and the This device page say so as it changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type OutboxEntry, type StoredSession } from '../store/localDatabase.ts';
import { waitingFromOthers, type WaitingFrom } from '../../domain/sync/setAside.ts';

export interface Waiting {
  own: OutboxEntry[];
  others: WaitingFrom[];
}

/** undefined while being read. */
export function useWaiting(): Waiting | undefined {
  return useLiveQuery(async () => {
    const [session, queue] = await Promise.all([
      readMeta<StoredSession>(localDatabase, 'session'),
      localDatabase.outbox.orderBy('seq').toArray(),
    ]);
    const me = session?.user.id ?? null;
    return { own: queue.filter((entry) => entry.madeBy.id === me), others: waitingFromOthers(queue, me) };
  });
}
