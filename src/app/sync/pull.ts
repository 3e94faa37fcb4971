// Pull: fetch pages of changes after our cursor and store each page, with the new cursor, in one
// Dexie transaction, so a page is either wholly stored or not at all and a crash resumes cleanly.
import { pullResponseSchema, type Change, type PullResponse } from '../../domain/sync.ts';
import type { LocalDatabase, SyncState } from '../store/localDatabase.ts';
import { readMeta, writeMeta } from '../store/localDatabase.ts';
import { apiFetch } from '../api.ts';

const PAGE_SIZE = 1000;

export interface PullProgress {
  received: number;
  total: number;
}

export async function applyPullPage(db: LocalDatabase, page: PullResponse, syncedAt: string): Promise<void> {
  const puts = {
    ward: [] as unknown[],
    parish: [] as unknown[],
    partner: [] as unknown[],
    contact: [] as unknown[],
  };
  const deletes = {
    ward: [] as string[],
    parish: [] as string[],
    partner: [] as string[],
    contact: [] as string[],
  };
  for (const change of page.changes as Change[]) {
    if (change.deleted) deletes[change.entity].push(change.id);
    else puts[change.entity].push(change.record);
  }
  await db.transaction('rw', [db.wards, db.parishes, db.partners, db.contacts, db.meta], async () => {
    await db.wards.bulkDelete(deletes.ward);
    await db.parishes.bulkDelete(deletes.parish);
    await db.partners.bulkDelete(deletes.partner);
    await db.contacts.bulkDelete(deletes.contact);
    await db.wards.bulkPut(puts.ward as never[]);
    await db.parishes.bulkPut(puts.parish as never[]);
    await db.partners.bulkPut(puts.partner as never[]);
    await db.contacts.bulkPut(puts.contact as never[]);
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
