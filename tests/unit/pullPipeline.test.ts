// The app's pull loop on a fake IndexedDB against a scripted server: it asks for the next page as soon
// as a page's headers name the cursor (before that page's body has arrived), still stores the pages in
// order, falls back to the body's cursor when the headers do not say, sets aside a record it cannot
// read without losing the rest, stops at a failed page with the cursor of the last page it stored, and
// on a link that drops big pages asks for smaller ones until everything has arrived.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { LocalDatabase, readMeta, writeMeta, type SyncState } from '../../src/app/store/localDatabase.ts';
import { pullAll } from '../../src/app/sync/pull.ts';
import type { PullResponse } from '../../src/domain/sync/sync.ts';
import { aRequest } from '../support/records.ts';

let db: LocalDatabase;
let serial = 0;
beforeEach(async () => {
  serial += 1;
  db = new LocalDatabase(`pull-pipeline-test-${serial}`);
  await db.open();
  // The sign-in the pulls below are made with: a page is stored only while it is the device's.
  await writeMeta(db, 'session', { token: 'token', user: { id: 'u1' }, expiresAt: '', lapsed: false });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

/** Three pages of two requests each, the cursor of page n being `1.<2n>`. */
const requests = Array.from({ length: 6 }, () => aRequest());
function pageAfter(since: string | null): PullResponse {
  const index = since === null ? 0 : Number(since.split('.')[1]) / 2;
  const changes = requests.slice(index * 2, index * 2 + 2).map((record) => ({
    entity: 'request' as const,
    id: record.id,
    deleted: false as const,
    record,
    clocks: {},
  }));
  return { changes, cursor: `1.${index * 2 + 2}`, hasMore: index < 2, total: 6, heldBack: false };
}

interface Served {
  since: string | null;
  /** Lets the body through (it is held until then). */
  release(): void;
}

/** A fetch answering pull pages: headers at once, each body only when the test releases it. */
function scriptedServer(options: { headers: boolean; failSince?: string; unreadableId?: string }) {
  const served: Served[] = [];
  const fetch = vi.fn((url: string) => {
    const since = new URL(url, 'http://device.test').searchParams.get('since');
    if (since === options.failSince) {
      const body = JSON.stringify({ error: { code: 'unavailable', message: 'Try again.' } });
      served.push({ since, release: () => undefined });
      return Promise.resolve(new Response(body, { status: 503 }));
    }
    const page = pageAfter(since);
    // A record this app cannot read (a need it does not know), as a newer or older server might send.
    for (const change of page.changes)
      if (change.id === options.unreadableId && !change.deleted)
        Object.assign(change, { record: { ...change.record, needs: ['not-a-need'] } });
    let release = () => undefined as void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        release = () => {
          controller.enqueue(new TextEncoder().encode(JSON.stringify(page)));
          controller.close();
        };
      },
    });
    served.push({ since, release: () => release() });
    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (options.headers) {
      headers.set('Pull-Cursor', page.cursor);
      headers.set('Pull-Has-More', String(page.hasMore));
    }
    return Promise.resolve(new Response(body, { status: 200, headers }));
  });
  vi.stubGlobal('fetch', fetch);
  return served;
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('the pull loop', () => {
  it('asks for the next page before the current one has arrived, and stores the pages in order', async () => {
    const served = scriptedServer({ headers: true });
    const pulling = pullAll(db, 'token');
    // Two more pages are asked for while the first one's body is still held back.
    await until(() => served.length === 3);
    expect(served.map((answer) => answer.since)).toEqual([null, '1.2', '1.4']);
    expect(await db.requests.count()).toBe(0);
    // Bodies arriving out of order are still stored in order.
    served[2]!.release();
    served[1]!.release();
    served[0]!.release();
    expect(await pulling).toBe(6);
    expect((await db.requests.toArray()).map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe('1.6');
  });

  it('reads the next cursor from the body when the headers do not give it', async () => {
    const served = scriptedServer({ headers: false });
    const pulling = pullAll(db, 'token');
    await until(() => served.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(served).toHaveLength(1); // nothing to go on until the body arrives
    served[0]!.release();
    await until(() => served.length === 2);
    served[1]!.release();
    await until(() => served.length === 3);
    served[2]!.release();
    expect(await pulling).toBe(6);
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe('1.6');
  });

  it('sets aside a record it cannot read and stores the rest of every page', async () => {
    const unreadable = requests[3]!.id;
    const served = scriptedServer({ headers: true, unreadableId: unreadable });
    const pulling = pullAll(db, 'token');
    await until(() => served.length === 3);
    for (const answer of served) answer.release();
    await pulling;
    const stored = (await db.requests.toArray()).map((r) => r.id).sort();
    expect(stored).toEqual(
      requests
        .map((r) => r.id)
        .filter((id) => id !== unreadable)
        .sort(),
    );
    const state = await readMeta<SyncState>(db, 'syncState');
    expect(state?.cursor).toBe('1.6');
    expect(state?.unreadable).toBe(1);
  });

  it('stops at a failed page, keeping the pages before it and their cursor', async () => {
    const served = scriptedServer({ headers: true, failSince: '1.4' });
    const pulling = pullAll(db, 'token');
    await until(() => served.length === 3);
    served[0]!.release();
    served[1]!.release();
    await expect(pulling).rejects.toMatchObject({ status: 503 });
    expect(await db.requests.count()).toBe(4);
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe('1.4');
  });
});

describe('the pull on a link that drops big pages', () => {
  /** 300 requests, paged by the `limit` asked for; any page of more than 100 is cut off part way. */
  const many = Array.from({ length: 300 }, () => aRequest());
  function droppingLink() {
    const limits: number[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const query = new URL(url, 'http://device.test').searchParams;
        const from = Number((query.get('since') ?? '1.0').split('.')[1]);
        const limit = Number(query.get('limit'));
        limits.push(limit);
        const records = many.slice(from, from + limit);
        const page: PullResponse = {
          changes: records.map((record) => ({
            entity: 'request' as const,
            id: record.id,
            deleted: false as const,
            record,
            clocks: {},
          })),
          cursor: `1.${from + records.length}`,
          hasMore: from + records.length < many.length,
          total: many.length,
          heldBack: false,
        };
        const text = JSON.stringify(page);
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            if (limit <= 100) {
              controller.enqueue(new TextEncoder().encode(text));
              controller.close();
            } else {
              controller.enqueue(new TextEncoder().encode(text.slice(0, 1000)));
              controller.error(new TypeError('the connection dropped'));
            }
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }),
    );
    return limits;
  }

  it('asks for smaller pages after one is cut off, and gets everything in a few tries', async () => {
    const limits = droppingLink();
    const link = { pageSize: 2000 };
    let tries = 0;
    for (; tries < 10; tries += 1) {
      const done = await pullAll(db, 'token', () => undefined, link).then(
        () => true,
        () => false,
      );
      if (done) break;
    }
    expect(tries).toBeLessThan(10);
    expect(await db.requests.count()).toBe(many.length);
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe(`1.${many.length}`);
    expect(limits.slice(0, 3)).toEqual([2000, 500, 125]);
  });
});
