// Pull: fetch pages of changes after our cursor and store each page, with the new cursor, in one
// Dexie transaction, so a page is either wholly stored or not at all and a crash resumes cleanly.
// Changes still waiting in the outbox are laid back over what the server sent: the server has not
// seen them yet, and they must not vanish from the screen until it has.
import { pullResponseSchema, type Change, type Entity, type PullResponse } from '../../domain/sync.ts';
import {
  clocksKey,
  readMeta,
  writeMeta,
  type LocalDatabase,
  type SyncState,
} from '../store/localDatabase.ts';
import { observeStamp } from '../store/device.ts';
import { apiFetch } from '../api.ts';

const PAGE_SIZE = 1000;

export interface PullProgress {
  received: number;
  total: number;
}

type AnyRecord = Record<string, unknown>;

/** Lays the outbox's pending changes for each record over the record as the server sent it. */
async function withPendingChanges(
  db: LocalDatabase,
  entity: Entity,
  record: AnyRecord,
  id: string,
  clocks: Record<string, string>,
) {
  const pending = await db.outbox.where('[entity+recordId]').equals([entity, id]).sortBy('seq');
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
    let latestStamp = '';
    for (const change of page.changes as Change[]) {
      const { table } = db.tableOf(change.entity);
      if (change.deleted) {
        await table.delete(change.id);
        await db.clocks.delete(clocksKey(change.entity, change.id));
        continue;
      }
      const { record, clocks } = await withPendingChanges(
        db,
        change.entity,
        change.record as AnyRecord,
        change.id,
        change.clocks,
      );
      await table.put(record);
      await db.clocks.put({ key: clocksKey(change.entity, change.id), clocks });
      for (const stamp of Object.values(change.clocks)) if (stamp > latestStamp) latestStamp = stamp;
    }
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
    } satisfies SyncState);
  });
}

/** Pulls until the server has nothing more; returns how many changes arrived. */
export async function pullAll(
  db: LocalDatabase,
  token: string,
  onProgress: (progress: PullProgress) => void = () => undefined,
): Promise<number> {
  let received = 0;
  let total = 0;
  for (;;) {
    const state = await readMeta<SyncState>(db, 'syncState');
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (state?.cursor) params.set('since', state.cursor);
    const page = pullResponseSchema.parse(await apiFetch(`/api/sync/pull?${params}`, { token }));
    if (page.total > 0) total = page.total;
    received += page.changes.length;
    await applyPullPage(db, page, new Date().toISOString());
    onProgress({ received, total: Math.max(total, received) });
    if (!page.hasMore) return received;
  }
}
