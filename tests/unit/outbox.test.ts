// The device side of sync, on a fake IndexedDB: a change and its outbox entry are stored together;
// only changed fields travel, with the stamps the device had; pulled records keep changes still
// queued; an entry leaves the outbox only when the server has answered for it; on a link that drops
// big pushes, fewer are sent at a time. Each change records who made it, and a push sends only the
// signed-in person's own changes, under their sign-in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import {
  clocksOf,
  LocalDatabase,
  readMeta,
  writeMeta,
  type StoredSession,
  type SyncState,
} from '../../src/app/store/localDatabase.ts';
import { NotSignedInError, setWorkingAs } from '../../src/app/store/workingAs.ts';
import { saveRecord, saveRecords } from '../../src/app/store/mutate.ts';
import { applyPullPage } from '../../src/app/sync/pull.ts';
import { pushOutbox, restampFromAWrongClock } from '../../src/app/sync/push.ts';
import { parseHlc } from '../../src/domain/sync/hlc.ts';
import { aRequest } from '../support/records.ts';

const ROBIN = { id: 'b1f1c3a0-0000-4000-8000-000000000001', username: 'robin', displayName: 'Robin Example' };
const DEE = { id: 'b1f1c3a0-0000-4000-8000-000000000002', username: 'duty', displayName: 'Dee Duty' };
const sessionOf = (user: typeof ROBIN, token = `token-${user.username}`): StoredSession => ({
  token,
  user: { ...user, role: 'duty_officer', parishCode: null },
  expiresAt: '2099-01-01T00:00:00.000Z',
  lapsed: false,
});
/** The sign-in the tests push under: Robin's, the one stored on the device. */
const SIGNED_IN = sessionOf(ROBIN);

let db: LocalDatabase;
let serial = 0;
beforeEach(async () => {
  serial += 1;
  db = new LocalDatabase(`outbox-test-${serial}`);
  await db.open();
  await writeMeta(db, 'session', SIGNED_IN);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  setWorkingAs(null);
  db.close();
  await Dexie.delete(db.name);
});

describe('saving a change', () => {
  it('stores the record and queues it, only the changed fields, based on the stamps the device had', async () => {
    const request = aRequest();
    await saveRecord(db, 'request', request);
    await saveRecord(db, 'request', { ...request, status: 'assigned' });
    await saveRecord(db, 'request', { ...request, status: 'assigned' }); // no change: nothing queued
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued).toHaveLength(2);
    expect(Object.keys(queued[0]!.changes).sort()).toEqual(Object.keys(request).sort());
    expect(queued[1]!.changes).toEqual({ status: 'assigned' });
    // the second edit builds on the first, so the server sees no conflict between them
    expect(queued[1]!.base).toEqual({ status: queued[0]!.hlc });
    expect(queued[1]!.hlc > queued[0]!.hlc).toBe(true);
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'assigned' });
  });

  it('bases an edit on stamps stored as a pull sent them, "*" for those the fields share', async () => {
    // As an app that did not read the shorter stamps back stored them, during an upgrade.
    const request = aRequest();
    const made = '000001700000000-00001-phone';
    const later = '000001700000009-00002-desk';
    await db.requests.put({ ...request, $clocks: { '*': made, urgency: later } } as never);
    await saveRecord(db, 'request', { ...request, status: 'assigned', urgency: 'now' });
    const [entry] = await db.outbox.toArray();
    expect(entry!.base).toEqual({ status: made, urgency: later });
    expect(clocksOf(await db.requests.get(request.id))).toEqual({
      ...Object.fromEntries(Object.keys(request).map((field) => [field, made])),
      status: entry!.hlc,
      urgency: entry!.hlc,
    });
  });

  it('stores nothing when the transaction fails', async () => {
    const request = aRequest();
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(saveRecord(db, 'request', request)).rejects.toThrow('disk full');
    expect(await db.requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('who made a change', () => {
  it('records the signed-in person as its maker', async () => {
    await saveRecord(db, 'request', aRequest());
    expect((await db.outbox.toArray()).map((entry) => entry.madeBy)).toEqual([ROBIN]);
  });

  it('records the person this tab shows, even after someone else signed in in another tab', async () => {
    // This tab still shows Robin; Dee has just signed in elsewhere on the phone.
    setWorkingAs(ROBIN);
    await writeMeta(db, 'session', sessionOf(DEE));
    await saveRecord(db, 'request', aRequest());
    expect((await db.outbox.toArray()).map((entry) => entry.madeBy)).toEqual([ROBIN]);
  });

  it('saves nothing when nobody is signed in, and says so', async () => {
    await db.meta.delete('session');
    await expect(saveRecord(db, 'request', aRequest())).rejects.toThrow(NotSignedInError);
    expect([await db.requests.count(), await db.outbox.count()]).toEqual([0, 0]);
  });
});

describe('pulling while changes are queued', () => {
  it('keeps the queued value over the server copy until the server has it', async () => {
    const request = aRequest();
    await saveRecord(db, 'request', request);
    await db.outbox.clear(); // as if pushed
    await saveRecord(db, 'request', { ...request, status: 'in_progress' });
    await applyPullPage(
      db,
      {
        changes: [
          {
            entity: 'request',
            id: request.id,
            deleted: false,
            record: { ...request, status: 'new', urgency: 'immediate' },
            clocks: {},
          },
        ],
        cursor: '5.5',
        hasMore: false,
        total: 1,
      },
      new Date().toISOString(),
    );
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'in_progress', urgency: 'immediate' });
  });
});

describe('pulling while someone else’s change is queued', () => {
  it('stores the server copy, not a change the signed-in person did not make', async () => {
    const request = aRequest();
    await db.requests.put(request);
    setWorkingAs(DEE); // a tab still showing Dee, after Robin signed in
    await saveRecord(db, 'request', { ...request, status: 'done' });
    await applyPullPage(
      db,
      {
        changes: [{ entity: 'request', id: request.id, deleted: false, record: request, clocks: {} }],
        cursor: '5.6',
        hasMore: false,
        total: 1,
      },
      new Date().toISOString(),
    );
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'new' });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('storing a pull page', () => {
  const stamp = (ms: number) => `${String(ms).padStart(15, '0')}-00003-otherdevice`;
  const pageWith = (
    request: ReturnType<typeof aRequest>,
    cursor: string,
    clocks: Record<string, string>,
  ) => ({
    changes: [{ entity: 'request' as const, id: request.id, deleted: false, record: request, clocks }],
    cursor,
    hasMore: false,
    total: 1,
  });

  it('moves the device clock past the stamps it brings, so the next edit here sorts after them', async () => {
    const request = aRequest();
    const ahead = Date.now() + 60_000; // another device's clock a minute ahead of this one
    await applyPullPage(db, pageWith(request, '7.1', { status: stamp(ahead) }), new Date().toISOString());
    expect(await db.requests.get(request.id)).toMatchObject({ id: request.id });
    expect(clocksOf(await db.requests.get(request.id))).toEqual({ status: stamp(ahead) });
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe('7.1');
    await saveRecord(db, 'request', { ...request, status: 'done' });
    const [entry] = await db.outbox.toArray();
    expect(entry!.hlc > stamp(ahead)).toBe(true);
    expect(entry!.base).toEqual({ status: stamp(ahead) });
  });

  it('keeps clocks with the record, and a record saved back as read sends only what changed, on the latest clocks', async () => {
    const request = aRequest();
    await applyPullPage(db, pageWith(request, '7.1', { status: stamp(1_000) }), new Date().toISOString());
    const asRead = await db.requests.get(request.id);
    expect(clocksOf(asRead)).toEqual({ status: stamp(1_000) });
    // Another device changed it meanwhile; the screen still holds the copy it read before.
    await applyPullPage(db, pageWith(request, '7.2', { status: stamp(2_000) }), new Date().toISOString());
    await saveRecord(db, 'request', { ...asRead!, status: 'done' });
    const [entry] = await db.outbox.toArray();
    expect(entry!.changes).toEqual({ status: 'done' });
    expect(entry!.base).toEqual({ status: stamp(2_000) });
    expect(clocksOf(await db.requests.get(request.id))).toEqual({ status: entry!.hlc });
  });

  it('stores nothing of a page, not even its cursor, when one of its writes fails', async () => {
    const first = aRequest();
    await applyPullPage(db, pageWith(first, '7.1', {}), new Date().toISOString());
    const second = aRequest();
    vi.spyOn(db.meta, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      applyPullPage(db, pageWith(second, '7.2', { status: stamp(Date.now()) }), new Date().toISOString()),
    ).rejects.toThrow('disk full');
    expect(await db.requests.get(second.id)).toBeUndefined();
    expect((await readMeta<SyncState>(db, 'syncState'))?.cursor).toBe('7.1');
  });
});

describe('pushing the outbox', () => {
  const answer = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200 }));

  it('empties the outbox once the server applied the changes', async () => {
    await saveRecord(db, 'request', aRequest());
    const [entry] = await db.outbox.toArray();
    vi.stubGlobal('fetch', answer({ results: [{ id: entry!.id, status: 'applied' }] }));
    expect(await pushOutbox(db, SIGNED_IN)).toEqual({ sent: 1, rejected: 0, held: null });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends only the signed-in person’s changes; someone else’s, in between, stay queued', async () => {
    await saveRecord(db, 'request', aRequest());
    setWorkingAs(DEE);
    const dees = aRequest();
    await saveRecord(db, 'request', dees);
    setWorkingAs(null);
    await saveRecord(db, 'request', aRequest());
    const sent: { token: string | null; ids: string[] }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
        sent.push({
          token: new Headers(init.headers).get('Authorization'),
          ids: mutations.map((mutation) => mutation.id),
        });
        const results = mutations.map((mutation) => ({ id: mutation.id, status: 'applied' }));
        return new Response(JSON.stringify({ results }), { status: 200 });
      }),
    );
    expect(await pushOutbox(db, SIGNED_IN)).toEqual({ sent: 2, rejected: 0, held: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.token).toBe('Bearer token-robin');
    const left = await db.outbox.toArray();
    expect(left.map((entry) => [entry.recordId, entry.madeBy.id])).toEqual([[dees.id, DEE.id]]);
    expect(sent[0]!.ids).not.toContain(left[0]!.id);
  });

  it('sends a long outbox in batches until it is empty', async () => {
    await saveRecords(
      db,
      'request',
      Array.from({ length: 201 }, () => aRequest()),
    );
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
      const results = mutations.map((mutation) => ({ id: mutation.id, status: 'applied' }));
      return new Response(JSON.stringify({ results }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    expect(await pushOutbox(db, SIGNED_IN, { batchSize: 200 })).toEqual({
      sent: 201,
      rejected: 0,
      held: null,
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps an edit made while the push was on its way, and sends it next', async () => {
    await saveRecords(db, 'request', [aRequest(), aRequest(), aRequest()]);
    const madeMeanwhile = aRequest();
    const sent: string[][] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
        sent.push(mutations.map((mutation) => mutation.id));
        // Queued after the batch was read and before its answer is settled: it is not in this batch.
        if (sent.length === 1) await saveRecord(db, 'request', madeMeanwhile);
        const results = mutations.map((mutation) => ({ id: mutation.id, status: 'applied' }));
        return new Response(JSON.stringify({ results }), { status: 200 });
      }),
    );
    expect(await pushOutbox(db, SIGNED_IN)).toEqual({ sent: 4, rejected: 0, held: null });
    expect(sent.map((batch) => batch.length)).toEqual([3, 1]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.requests.get(madeMeanwhile.id)).toMatchObject({ id: madeMeanwhile.id });
  });

  it('keeps everything queued when the server cannot be reached', async () => {
    await saveRecord(db, 'request', aRequest());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(pushOutbox(db, SIGNED_IN)).rejects.toThrow(/Cannot reach the server/);
    expect(await db.outbox.count()).toBe(1);
  });

  it('on a link that drops big pushes, sends fewer at a time until everything is through', async () => {
    await saveRecords(
      db,
      'request',
      Array.from({ length: 100 }, () => aRequest()),
    );
    const sizes: number[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
        sizes.push(mutations.length);
        if (mutations.length > 20) throw new TypeError('the connection dropped');
        const results = mutations.map((mutation) => ({ id: mutation.id, status: 'applied' }));
        return new Response(JSON.stringify({ results }), { status: 200 });
      }),
    );
    const link = { batchSize: 200 };
    let tries = 0;
    for (; tries < 10 && (await db.outbox.count()) > 0; tries += 1)
      await pushOutbox(db, SIGNED_IN, link).catch(() => undefined);
    expect(await db.outbox.count()).toBe(0);
    expect(tries).toBeLessThan(10);
    expect(sizes.slice(0, 3)).toEqual([100, 50, 12]);
  });

  it('moves a refused change to the refused list with its reason, and puts the server copy back', async () => {
    const request = aRequest();
    await saveRecord(db, 'request', { ...request, status: 'done' });
    const [entry] = await db.outbox.toArray();
    vi.stubGlobal(
      'fetch',
      answer({
        results: [
          {
            id: entry!.id,
            status: 'rejected',
            reason: 'Own parish only.',
            current: { ...request, status: 'new' },
            currentClocks: { status: 'server-stamp' },
          },
        ],
      }),
    );
    expect(await pushOutbox(db, SIGNED_IN)).toEqual({ sent: 1, rejected: 1, held: null });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejected.toArray()).toEqual([
      expect.objectContaining({ id: entry!.id, reason: 'Own parish only.' }),
    ]);
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'new' });
    // the next edit builds on the server's stamp, not the refused one's
    expect(clocksOf(await db.requests.get(request.id)).status).toBe('server-stamp');
  });

  it('leaves an entry the server did not answer for in the outbox', async () => {
    await saveRecord(db, 'request', aRequest());
    await saveRecord(db, 'request', aRequest());
    const [first] = await db.outbox.orderBy('seq').toArray();
    // the loop would ask again for the unanswered one; stop after the first request
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(
          new Response(JSON.stringify({ results: [{ id: first!.id, status: 'duplicate' }] })),
        )
        .mockRejectedValue(new TypeError('offline')),
    );
    await expect(pushOutbox(db, SIGNED_IN)).rejects.toThrow();
    expect((await db.outbox.toArray()).map((entry) => entry.id)).not.toContain(first!.id);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('changes stamped while the clock was days ahead', () => {
  /** This device's clock set three days ahead, until the returned spy is restored. */
  function clockAhead() {
    const now = Date.now;
    return vi.spyOn(Date, 'now').mockImplementation(() => now() + 3 * 86_400_000);
  }

  /** A request logged, then its status changed, on a phone whose clock is three days ahead. */
  async function loggedAhead() {
    const clock = clockAhead();
    const request = aRequest();
    await saveRecord(db, 'request', request);
    await saveRecord(db, 'request', { ...request, status: 'assigned' });
    clock.mockRestore();
    return request;
  }

  it('stay queued while the server holds them back for the clock, and the push stops there', async () => {
    await loggedAhead();
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
      const results = mutations.map((mutation) => ({
        id: mutation.id,
        status: 'rejected',
        reason: "This device's clock is more than a day ahead.",
        code: 'clock_ahead',
        current: null,
      }));
      return new Response(JSON.stringify({ results }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const clock = clockAhead();
    expect(await pushOutbox(db, SIGNED_IN)).toEqual({ sent: 2, rejected: 0, held: 'clock_ahead' });
    clock.mockRestore();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.rejected.count()).toBe(0);
    expect(await db.requests.count()).toBe(1);
  });

  it('are stamped anew once the clock is right, the later edit and the record following', async () => {
    const request = await loggedAhead();
    await restampFromAWrongClock(db);
    const [made, edited] = await db.outbox.orderBy('seq').toArray();
    for (const entry of [made!, edited!]) expect(parseHlc(entry.hlc).ms).toBeLessThanOrEqual(Date.now());
    expect(edited!.hlc > made!.hlc).toBe(true);
    // The edit still builds on the request as logged, so the server sees no conflict between them.
    expect(edited!.base).toEqual({ status: made!.hlc });
    expect(clocksOf(await db.requests.get(request.id))).toMatchObject({
      status: edited!.hlc,
      urgency: made!.hlc,
    });
    // And a new change made now comes after them.
    await saveRecord(db, 'request', { ...request, status: 'done' });
    const [, , done] = await db.outbox.orderBy('seq').toArray();
    expect(done!.hlc > edited!.hlc).toBe(true);
    expect(done!.base).toEqual({ status: edited!.hlc });
  });

  it('are left as they are while the clock is still ahead', async () => {
    await loggedAhead();
    const before = await db.outbox.orderBy('seq').toArray();
    const clock = clockAhead();
    await restampFromAWrongClock(db);
    clock.mockRestore();
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(before);
  });
});
