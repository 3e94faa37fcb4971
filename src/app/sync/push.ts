// Push: send the outbox to the server in order, in batches. An entry leaves the outbox only when the
// server has answered for it (applied or duplicate: it is stored; rejected: it is moved to the list of
// refused changes, shown to the person, and the record is put back as the server holds it). If the
// request fails, nothing leaves the outbox and it is sent again later.
import { pushResponseSchema, type PushResult } from '../../domain/sync/mutation.ts';
import { withClocks, type LocalDatabase, type OutboxEntry } from '../store/localDatabase.ts';
import { deviceId } from '../store/device.ts';
import { apiFetch, NetworkError } from '../api.ts';
import { PUSH_BATCH_SIZES, sizeAfter } from '../../domain/sync/batchSize.ts';
import { withPendingChanges } from './pull.ts';

/** How a push's link has fared: the batch size it last earned (batchSize.ts). */
export interface PushLink {
  batchSize: number;
}

/** This tab's link, as its last pushes found it. */
const thisTabsLink: PushLink = { batchSize: PUSH_BATCH_SIZES.largest };

const nextBatch = (db: LocalDatabase, size: number) => db.outbox.orderBy('seq').limit(size).toArray();

/** Takes the answered entries out of the outbox; returns how many were refused, and the next batch. */
async function settle(
  db: LocalDatabase,
  entries: OutboxEntry[],
  results: PushResult[],
  nextSize: number,
): Promise<{ rejected: number; next: OutboxEntry[] }> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const answered = entries.filter((entry) => entry.seq !== undefined && byId.has(entry.id));
  if (answered.every((entry) => byId.get(entry.id)?.status !== 'rejected')) {
    // The usual answer: all stored. Only the outbox changes, with the next batch read in the same
    // transaction without waiting for the delete to finish first.
    const [, next] = await db.transaction('rw', db.outbox, () =>
      Promise.all([removeAnswered(db, entries, answered), nextBatch(db, nextSize)]),
    );
    return { rejected: 0, next };
  }
  const rejected = await settleWithRefusals(db, entries, byId);
  return { rejected, next: await nextBatch(db, nextSize) };
}

/**
 * Takes the answered entries out of the outbox. When the whole batch was answered, that is every entry
 * from its first seq to its last (entries are only ever added, at the end, and only a push removes
 * them): one range delete, where deleting by key costs IndexedDB a request per entry.
 */
function removeAnswered(db: LocalDatabase, batch: OutboxEntry[], answered: OutboxEntry[]) {
  const first = batch[0]?.seq;
  const last = batch.at(-1)?.seq;
  if (answered.length === batch.length && first !== undefined && last !== undefined)
    return db.outbox.where(':id').between(first, last, true, true).delete();
  return db.outbox.bulkDelete(answered.map((entry) => entry.seq!));
}

/** Some were refused: each is kept to be shown, and its record put back as the server holds it. */
async function settleWithRefusals(
  db: LocalDatabase,
  entries: OutboxEntry[],
  byId: Map<string, PushResult>,
): Promise<number> {
  let rejected = 0;
  await db.transaction('rw', [...db.recordTables(), db.outbox, db.rejected], async () => {
    for (const entry of entries) {
      const result = byId.get(entry.id);
      if (!result || entry.seq === undefined) continue; // not answered: stays queued
      await db.outbox.delete(entry.seq);
      if (result.status !== 'rejected') continue;
      rejected += 1;
      await db.rejected.put({
        ...entry,
        reason: result.reason ?? 'The server refused this change.',
        fields: result.fields ?? {},
        rejectedAt: new Date().toISOString(),
      });
      const { table } = db.tableOf(entry.entity);
      if (result.current && typeof result.current === 'object') {
        // The server's copy, with any later changes still queued for this record laid over it.
        const later = await db.outbox
          .where('[entity+recordId]')
          .equals([entry.entity, entry.recordId])
          .sortBy('seq');
        const restored = withPendingChanges(
          result.current as Record<string, unknown>,
          result.currentClocks ?? {},
          later,
        );
        await table.put(withClocks(restored.record, restored.clocks));
      } else if (result.current === null) {
        await table.delete(entry.recordId);
      }
    }
  });
  return rejected;
}

/** Pushes everything queued; returns how many changes were sent and how many the server refused. */
export async function pushOutbox(
  db: LocalDatabase,
  token: string,
  link: PushLink = thisTabsLink,
): Promise<{ sent: number; rejected: number }> {
  const [clientId, first] = await Promise.all([deviceId(db), nextBatch(db, link.batchSize)]);
  let entries = first;
  let sent = 0;
  let rejected = 0;
  for (;;) {
    if (entries.length === 0) return { sent, rejected };
    const mutations = entries.map((entry) => ({
      id: entry.id,
      entity: entry.entity,
      recordId: entry.recordId,
      hlc: entry.hlc,
      changes: entry.changes,
      base: entry.base,
    }));
    const answered = await apiFetch('/api/sync/push', {
      method: 'POST',
      token,
      body: JSON.stringify({ clientId, mutations }),
    }).catch((error: unknown) => {
      // Cut off: the same changes go again, fewer at a time (any the server did store answer "duplicate").
      if (error instanceof NetworkError)
        link.batchSize = sizeAfter(link.batchSize, 'cutOff', PUSH_BATCH_SIZES);
      throw error;
    });
    const answer = pushResponseSchema.parse(answered);
    link.batchSize = sizeAfter(link.batchSize, 'through', PUSH_BATCH_SIZES);
    const settled = await settle(db, entries, answer.results, link.batchSize);
    rejected += settled.rejected;
    sent += entries.length;
    entries = settled.next;
  }
}
