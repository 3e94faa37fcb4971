// Pull: fetch pages of changes after our cursor and store each page, with the new cursor, in one
// Dexie transaction, so a page is either wholly stored or not at all and a crash resumes cleanly.
// Changes still waiting in the outbox are laid back over what the server sent: the server has not
// seen them yet, and they must not vanish from the screen until it has (the signed-in person's own).
import {
  PULL_CURSOR_HEADER,
  PULL_HAS_MORE_HEADER,
  type Change,
  type Entity,
  type PullResponse,
} from '../../domain/sync/sync.ts';
import {
  CLOCKS,
  readMeta,
  SignInChangedError,
  type LocalDatabase,
  type MetaEntry,
  type OutboxEntry,
  type StoredSession,
  type SyncState,
} from '../store/localDatabase.ts';
import { clockPast, deviceId } from '../store/device.ts';
import type { Hlc } from '../../domain/sync/hlc.ts';
import { apiFetch, NetworkError } from '../api.ts';
import { PULL_PAGE_SIZES, sizeAfter } from '../../domain/sync/batchSize.ts';
import { readPullPage, type ReadPullPage, type UnreadableChange } from '../../domain/sync/readPullPage.ts';

/** Pages asked for ahead of the one being stored. */
const AHEAD = 2;

/** How a pull's link has fared: the page size it last earned (batchSize.ts). */
export interface PullLink {
  pageSize: number;
}

/** This tab's link, as its last pulls found it. */
const thisTabsLink: PullLink = { pageSize: PULL_PAGE_SIZES.largest };

export interface PullProgress {
  received: number;
  total: number;
}

type AnyRecord = Record<string, unknown>;

const recordKey = (entity: Entity, id: string) => `${entity}:${id}`;

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

/**
 * Stores a page and its cursor in one transaction. It holds only the tables the page writes, and asks
 * IndexedDB for everything at once (its reads together, then its writes together, which IndexedDB
 * still runs in the order asked): each wait is a trip to the browser's database process, and a page
 * of a hundred changes was spending more time waiting than writing.
 *
 * `token`: the sign-in the page was fetched with. The page is stored only while that is still this
 * device's sign-in, checked in the same transaction: a page arriving after its reader signed out
 * (here or in another tab) would otherwise be left on a signed-out phone, for the next person to see
 * and to pull on from its cursor.
 */
export async function applyPullPage(
  db: LocalDatabase,
  page: PullResponse & { unreadable?: readonly UnreadableChange[] },
  syncedAt: string,
  token?: string,
): Promise<void> {
  const changes = page.changes as Change[];
  const written = new Set(changes.map((change) => db.tableOf(change.entity).table));
  await db.transaction('rw', [...written, db.outbox, db.meta], async () => {
    const [queued, [stateEntry, clockEntry, deviceEntry, sessionEntry]] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      db.meta.bulkGet(['syncState', 'clock', 'device', 'session']),
    ]);
    if (token !== undefined && (sessionEntry?.value as StoredSession | undefined)?.token !== token)
      throw new SignInChangedError();
    // The outbox is small next to a page; read it once rather than once per record. Only the signed-in
    // person's own changes are laid over: someone else's (made here before the phone was handed on) are
    // not theirs to see as done, and are never sent under their sign-in (push.ts).
    const me = (sessionEntry?.value as StoredSession | undefined)?.user.id;
    const pending = new Map<string, OutboxEntry[]>();
    for (const entry of queued) {
      if (entry.madeBy.id !== me) continue;
      const key = recordKey(entry.entity, entry.recordId);
      const forRecord = pending.get(key);
      if (forRecord) forRecord.push(entry);
      else pending.set(key, [entry]);
    }
    const puts = new Map<Entity, unknown[]>();
    const deletes = new Map<Entity, string[]>();
    let latestStamp = '';
    for (const change of changes) {
      if (change.deleted) {
        const ids = deletes.get(change.entity);
        if (ids) ids.push(change.id);
        else deletes.set(change.entity, [change.id]);
        continue;
      }
      const { record, clocks } = withPendingChanges(
        change.record as AnyRecord,
        change.clocks,
        pending.get(recordKey(change.entity, change.id)) ?? [],
      );
      // Each record with its clocks, in one row (records nobody has edited through sync have none), as
      // the server sent them ("*" for those its fields share: clocksOf reads them back to edit).
      // The record is withPendingChanges' own copy, so the clocks go on it without another copy.
      if (Object.keys(clocks).length > 0) record[CLOCKS] = clocks;
      const list = puts.get(change.entity);
      if (list) list.push(record);
      else puts.set(change.entity, [record]);
      for (const stamp of Object.values(change.clocks)) if (stamp > latestStamp) latestStamp = stamp;
    }
    const state = (stateEntry?.value as SyncState | undefined) ?? {
      cursor: null,
      lastSyncedAt: null,
      lastError: null,
    };
    const metaPuts: MetaEntry[] = [
      {
        key: 'syncState',
        value: {
          ...state,
          cursor: page.cursor,
          lastSyncedAt: page.hasMore ? state.lastSyncedAt : syncedAt,
          lastError: null,
          heldBack: page.heldBack === true,
          unreadable: (state.unreadable ?? 0) + (page.unreadable?.length ?? 0),
        } satisfies SyncState,
      },
    ];
    if (latestStamp) {
      const node = (deviceEntry?.value as string | undefined) ?? (await deviceId(db));
      const clock = clockPast(clockEntry?.value as Hlc | undefined, latestStamp, node);
      if (clock) metaPuts.push({ key: 'clock', value: clock });
    }
    const writes: Promise<unknown>[] = [];
    for (const [entity, ids] of deletes) writes.push(db.tableOf(entity).table.bulkDelete(ids));
    for (const [entity, records] of puts) writes.push(db.tableOf(entity).table.bulkPut(records));
    writes.push(db.meta.bulkPut(metaPuts));
    await Promise.all(writes);
  });
}

/** Where the next page starts, as the server said in a page's headers (or, failing that, its body). */
interface NextPage {
  cursor: string;
  hasMore: boolean;
}

function nextFromHeaders(headers: Headers): NextPage | null {
  const cursor = headers.get(PULL_CURSOR_HEADER);
  const hasMore = headers.get(PULL_HAS_MORE_HEADER);
  return cursor && hasMore ? { cursor, hasMore: hasMore === 'true' } : null;
}

/**
 * Asks for pages one after another, each as soon as the previous page's headers name its cursor, and
 * keeps at most AHEAD of them (in flight or arrived) before the one being stored: the server builds the
 * next page while this one downloads, is read and is stored.
 */
function pageRequests(token: string, start: string | null, link: PullLink) {
  const waiting: Promise<ReadPullPage>[] = [];
  let pageAsked = () => undefined as void;
  let roomMade = () => undefined as void;
  let stopped = false;

  const request = (cursor: string | null) => {
    const params = new URLSearchParams({ limit: String(link.pageSize) });
    if (cursor) params.set('since', cursor);
    let headersRead: (next: NextPage | null) => void = () => undefined;
    const fromHeaders = new Promise<NextPage | null>((resolve) => (headersRead = resolve));
    const page = apiFetch(`/api/sync/pull?${params}`, {
      token,
      onHeaders: (headers) => headersRead(nextFromHeaders(headers)),
    }).then(readPullPage);
    page.catch(() => undefined); // reported in order, when the page is taken
    // Without the headers (an error, an older server), the body says where the next page starts.
    const fromBody = page.then(
      (body): NextPage => ({ cursor: body.cursor, hasMore: body.hasMore }),
      () => null,
    );
    const next = Promise.race([fromHeaders.then((found) => found ?? fromBody), fromBody]);
    return { page, next };
  };

  void (async () => {
    let cursor = start;
    while (!stopped) {
      if (waiting.length >= AHEAD) {
        await new Promise<void>((resolve) => (roomMade = resolve));
        continue;
      }
      const { page, next } = request(cursor);
      waiting.push(page);
      pageAsked();
      const after = await next;
      if (!after?.hasMore) return;
      cursor = after.cursor;
    }
  })();

  return {
    /** The next page, in order. */
    async take(): Promise<ReadPullPage> {
      while (waiting.length === 0) await new Promise<void>((resolve) => (pageAsked = resolve));
      const page = waiting.shift()!;
      roomMade();
      return page;
    },
    stop() {
      stopped = true;
      roomMade();
    },
  };
}

/** Pulls until the server has nothing more; returns how many changes arrived. */
export async function pullAll(
  db: LocalDatabase,
  token: string,
  onProgress: (progress: PullProgress) => void = () => undefined,
  link: PullLink = thisTabsLink,
): Promise<number> {
  let received = 0;
  let total = 0;
  const state = await readMeta<SyncState>(db, 'syncState');
  const pages = pageRequests(token, state?.cursor ?? null, link);
  try {
    for (;;) {
      const page = await pages.take().catch((error: unknown) => {
        if (error instanceof NetworkError)
          link.pageSize = sizeAfter(link.pageSize, 'cutOff', PULL_PAGE_SIZES);
        throw error;
      });
      if (page.total > 0) total = page.total;
      received += page.changes.length;
      await applyPullPage(db, page, new Date().toISOString(), token);
      link.pageSize = sizeAfter(link.pageSize, 'through', PULL_PAGE_SIZES);
      onProgress({ received, total: Math.max(total, received) });
      if (!page.hasMore) return received;
    }
  } finally {
    pages.stop();
  }
}
