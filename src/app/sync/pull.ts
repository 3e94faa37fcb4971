// Pull: fetch pages of changes after our cursor and store each page, with the new cursor, in one
// Dexie transaction, so a page is either wholly stored or not at all and a crash resumes cleanly.
// Changes still waiting in the outbox are laid back over what the server sent: the server has not
// seen them yet, and they must not vanish from the screen until it has.
import { pullResponseSchema, type Change, type Entity, type PullResponse } from '../../domain/sync/sync.ts';
import {
  clocksKey,
  readMeta,
  writeMeta,
  type LocalDatabase,
  type OutboxEntry,
  type RecordClocks,
  type SyncState,
} from '../store/localDatabase.ts';
import { observeStamp } from '../store/device.ts';
import { apiFetch } from '../api.ts';

// Big pages mean fewer round trips on a slow link and fewer IndexedDB transactions.
const PAGE_SIZE = 2000;

export interface PullProgress {
  received: number;
  total: number;
}

type AnyRecord = Record<string, unknown>;

/** Lays changes still in the outbox over a record as the server sent it, with their stamps. */
export function withPendingChanges(
  record: AnyRecord,
  clocks: Record<string, string>,
  pending: readonly OutboxEntry[],
) {
  const merged = { ...record };
  const mergedClocks = { ...clocks };
  for (const entry of pending) {
    Object.assign(merged, entry.changes);
    for (const field of Object.keys(entry.changes)) mergedClocks[field] = entry.hlc;
  }
  return { record: merged, clocks: mergedClocks };
}

export async function applyPullPage(db: LocalDatabase, page: PullResponse, syncedAt: string): Promise<void> {
  await db.transaction('rw', [...db.recordTables(), db.outbox, db.meta], async () => {
    // The outbox is small next to a page; read it once rather than once per record.
    const pending = new Map<string, OutboxEntry[]>();
    for (const entry of await db.outbox.orderBy('seq').toArray()) {
      const key = clocksKey(entry.entity, entry.recordId);
      pending.set(key, [...(pending.get(key) ?? []), entry]);
    }
    const puts = new Map<Entity, unknown[]>();
    const deletes = new Map<Entity, string[]>();
    const clockPuts: RecordClocks[] = [];
    const clockDeletes: string[] = [];
    let latestStamp = '';
    for (const change of page.changes as Change[]) {
      const key = clocksKey(change.entity, change.id);
      if (change.deleted) {
        deletes.set(change.entity, [...(deletes.get(change.entity) ?? []), change.id]);
        clockDeletes.push(key);
        continue;
      }
      const { record, clocks } = withPendingChanges(
        change.record as AnyRecord,
        change.clocks,
        pending.get(key) ?? [],
      );
      const list = puts.get(change.entity);
      if (list) list.push(record);
      else puts.set(change.entity, [record]);
      // Records nobody has edited through sync (imported, seeded) have no clocks: store none.
      // (Clocks only ever grow on the server, so there is never an old entry to remove.)
      if (Object.keys(clocks).length > 0) clockPuts.push({ key, clocks });
      for (const stamp of Object.values(change.clocks)) if (stamp > latestStamp) latestStamp = stamp;
    }
    for (const [entity, ids] of deletes) await db.tableOf(entity).table.bulkDelete(ids);
    for (const [entity, records] of puts) await db.tableOf(entity).table.bulkPut(records);
    await db.clocks.bulkDelete(clockDeletes);
    await db.clocks.bulkPut(clockPuts);
    if (latestStamp) await observeStamp(db, latestStamp);
    const state = (await readMeta<SyncState>(db, 'syncState')) ?? {
      cursor: null,
      lastSyncedAt: null,
      lastError: null,
    };
    await writeMeta(db, 'syncState', {
      ...state,
      cursor: page.cursor,
      lastSyncedAt: page.hasMore ? state.lastSyncedAt : syncedAt,
      lastError: null,
      heldBack: page.heldBack === true,
    } satisfies SyncState);
  });
}

/** Pulls until the server has nothing more; returns how many changes arrived. */
export async function pullAll(
  db: LocalDatabase,
  token: string,
  onProgress: (progress: PullProgress) => void = () => undefined,
): Promise<number> {
  const fetchPage = async (cursor: string | null) => {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) params.set('since', cursor);
    return pullResponseSchema.parse(await apiFetch(`/api/sync/pull?${params}`, { token }));
  };
  let received = 0;
  let total = 0;
  const state = await readMeta<SyncState>(db, 'syncState');
  let next = fetchPage(state?.cursor ?? null);
  for (;;) {
    const page = await next;
    // Ask for the next page while this one is being stored: the network and IndexedDB overlap.
    if (page.hasMore) {
      next = fetchPage(page.cursor);
      next.catch(() => undefined); // a failure is reported when it is awaited
    }
    if (page.total > 0) total = page.total;
    received += page.changes.length;
    await applyPullPage(db, page, new Date().toISOString());
    onProgress({ received, total: Math.max(total, received) });
    if (!page.hasMore) return received;
  }
}
