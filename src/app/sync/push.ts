// Push: send the outbox to the server in order, in batches. An entry leaves the outbox only when the
// server has answered for it (applied or duplicate: it is stored; rejected: it is moved to the list of
// refused changes, shown to the person, and the record is put back as the server holds it). If the
// request fails, nothing leaves the outbox and it is sent again later. A refusal the device can put
// right itself (its clock far ahead) is not an answer: the change stays queued, and once the clock is
// right it goes again with a stamp of the right time. Only the signed-in person's own changes are
// sent, under their sign-in: a change someone else made on this device waits for that person (or to be
// saved to a file and set aside when the phone is handed on, session.ts).
import { pushResponseSchema, type PushHoldCode, type PushResult } from '../../domain/sync/mutation.ts';
import { MAX_CLOCK_AHEAD_MS, parseHlc } from '../../domain/sync/hlc.ts';
import { clocksOf, withClocks, type LocalDatabase, type OutboxEntry } from '../store/localDatabase.ts';
import { deviceId, nextStamp } from '../store/device.ts';
import { apiFetch, NetworkError } from '../api.ts';
import { PUSH_BATCH_SIZES, sizeAfter } from '../../domain/sync/batchSize.ts';
import { withPendingChanges } from './pull.ts';

/** How a push's link has fared: the batch size it last earned (batchSize.ts). */
export interface PushLink {
  batchSize: number;
}

/** This tab's link, as its last pushes found it. */
const thisTabsLink: PushLink = { batchSize: PUSH_BATCH_SIZES.largest };

/** The sign-in a push sends under: its token, and whose changes those are. */
export interface PushSignIn {
  token: string;
  user: { id: string };
}

/** The signed-in person's next changes, oldest first (an index keeps equal keys in primary-key order). */
const nextBatch = (db: LocalDatabase, size: number, madeBy: string) =>
  db.outbox.where('madeBy.id').equals(madeBy).limit(size).toArray();

/** Takes the answered entries out of the outbox; returns how many were refused, and the next batch. */
async function settle(
  db: LocalDatabase,
  entries: OutboxEntry[],
  results: PushResult[],
  nextSize: number,
  madeBy: string,
): Promise<{ rejected: number; next: OutboxEntry[] }> {
  // A change held for the device to put right is not answered: it stays queued, as if not sent.
  const byId = new Map(results.filter((result) => !result.code).map((result) => [result.id, result]));
  const answered = entries.filter((entry) => entry.seq !== undefined && byId.has(entry.id));
  if (answered.every((entry) => byId.get(entry.id)?.status !== 'rejected')) {
    // The usual answer: all stored. Only the outbox changes, with the next batch read in the same
    // transaction once the answered ones are gone (the range delete waits for its count first).
    const next = await db.transaction('rw', db.outbox, async () => {
      await removeAnswered(db, entries, answered);
      return nextBatch(db, nextSize, madeBy);
    });
    return { rejected: 0, next };
  }
  const rejected = await settleWithRefusals(db, entries, byId);
  return { rejected, next: await nextBatch(db, nextSize, madeBy) };
}

/**
 * Takes the answered entries out of the outbox. When the whole batch was answered and nobody else's
 * change lies between its first seq and its last (entries are only ever added, at the end), that is the
 * whole range: one range delete, where deleting by key costs IndexedDB a request per entry. Counted
 * first, in the same transaction: someone else's change in the range must stay.
 */
async function removeAnswered(db: LocalDatabase, batch: OutboxEntry[], answered: OutboxEntry[]) {
  const first = batch[0]?.seq;
  const last = batch.at(-1)?.seq;
  if (answered.length === batch.length && first !== undefined && last !== undefined) {
    const range = db.outbox.where(':id').between(first, last, true, true);
    if ((await range.count()) === answered.length) return range.delete();
  }
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

/** Stamped later than the server would take now (more than a day ahead of this device's clock). */
const stampedAhead = (entry: OutboxEntry, now: number) => parseHlc(entry.hlc).ms > now + MAX_CLOCK_AHEAD_MS;

/**
 * Changes stamped while this device's clock was far ahead, still queued now that it is right, take
 * stamps of now, in the order they were made; the later changes built on them, and their records'
 * clocks, follow. Left as they were, the server would refuse them until its own time caught up.
 */
export async function restampFromAWrongClock(db: LocalDatabase): Promise<void> {
  const now = Date.now();
  await db.transaction('rw', [db.outbox, db.meta, ...db.recordTables()], async () => {
    const renamed = new Map<string, string>();
    for (const entry of await db.outbox.orderBy('seq').toArray()) {
      const old = entry.hlc;
      if (stampedAhead(entry, now)) renamed.set(old, await nextStamp(db));
      const base = Object.fromEntries(
        Object.entries(entry.base).map(([field, stamp]) => [field, renamed.get(stamp) ?? stamp]),
      );
      const hlc = renamed.get(old) ?? old;
      if (hlc === old && Object.entries(base).every(([field, stamp]) => entry.base[field] === stamp))
        continue;
      await db.outbox.put({ ...entry, hlc, base });
      if (hlc === old) continue;
      const { table } = db.tableOf(entry.entity);
      const record = await table.get(entry.recordId);
      if (!record) continue;
      const clocks = clocksOf(record);
      for (const field of Object.keys(entry.changes)) if (clocks[field] === old) clocks[field] = hlc;
      await table.put(withClocks(record, clocks));
    }
  });
}

export interface PushOutcome {
  sent: number;
  rejected: number;
  /** Changes are kept queued until the device puts this right (the server's refusal code). */
  held: PushHoldCode | null;
}

/**
 * Pushes everything the signed-in person has queued, under their sign-in; says how many changes were
 * sent and refused, and why any were held.
 */
export async function pushOutbox(
  db: LocalDatabase,
  signIn: PushSignIn,
  link: PushLink = thisTabsLink,
): Promise<PushOutcome> {
  const { token } = signIn;
  const madeBy = signIn.user.id;
  const [clientId, first] = await Promise.all([deviceId(db), nextBatch(db, link.batchSize, madeBy)]);
  let entries = first;
  let sent = 0;
  let rejected = 0;
  for (;;) {
    if (entries.length === 0) return { sent, rejected, held: null };
    const now = Date.now();
    if (entries.some((entry) => stampedAhead(entry, now))) {
      await restampFromAWrongClock(db);
      entries = await nextBatch(db, link.batchSize, madeBy);
    }
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
    const settled = await settle(db, entries, answer.results, link.batchSize, madeBy);
    rejected += settled.rejected;
    sent += entries.length;
    // Sending on would only be refused the same way: the queue waits for the device to be put right.
    const held = answer.results.find((result) => result.code)?.code;
    if (held) return { sent, rejected, held };
    entries = settled.next;
  }
}
