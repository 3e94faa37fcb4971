// Staff pulls from shared segments of the log (src/server/sync/staffSegments.ts), on PGlite and
// PostgreSQL: while pulls are few, every pull is the afresh one; under load, segments joined into one
// gzip stream say exactly what reading the same stretch afresh says, a phone between boundaries is
// brought onto one, a pull past a boundary a second old reads on to the end and makes the next one, and
// phones pulling through segments while requests are logged and edited end up holding what the server
// holds, never once given a record older than the one they had.
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { databaseKinds, type TestDatabase } from '../support/testDatabase.ts';
import { demoReaders } from '../support/demoReaders.ts';
import { pullPage, readPullPage } from '../../src/server/sync/pull.ts';
import { push } from '../../src/server/sync/push.ts';
import type { CachedPullPage } from '../../src/server/sync/pullPageCache.ts';
import { StaffSegments, type SegmentSettings } from '../../src/server/sync/staffSegments.ts';
import { pullResponseSchema, type PullResponse } from '../../src/domain/sync/sync.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { createApp } from '../../src/server/app.ts';

const LIMIT = 2000;
const MB = 1024 * 1024;
/** Always busy; a boundary at most every second, on the test's own clock. */
const UNDER_LOAD: SegmentSettings = { busyPullsPerSecond: 1, boundaryEveryMs: 1000, keepMs: 600_000 };

/** Segments on a clock the test moves. */
function segmentsOn(db: TestDatabase['db'], settings = UNDER_LOAD) {
  const clock = { now: 0 };
  const segments = new StaffSegments(db, null, 64 * MB, settings, () => clock.now);
  return { segments, clock };
}

const textOf = (page: CachedPullPage) => ('body' in page ? page.body : gunzipSync(page.gzipped).toString());
const parsed = (page: CachedPullPage): PullResponse => pullResponseSchema.parse(JSON.parse(textOf(page)));

/** The latest of a change's clock stamps: what a record's version is, for "never older". */
const versionOf = (clocks: Record<string, string> | undefined) =>
  Object.values(clocks ?? {}).reduce((latest, stamp) => (stamp > latest ? stamp : latest), '');

/** A staff phone: what it holds, by entity and id, and its cursor. */
class Phone {
  readonly records = new Map<string, { json: string; version: string }>();
  cursor = '';
  olderGiven: string[] = [];

  apply(page: PullResponse): void {
    for (const change of page.changes) {
      const key = `${change.entity}:${change.id}`;
      if (change.deleted) {
        this.records.delete(key);
        continue;
      }
      const version = versionOf(change.clocks);
      const held = this.records.get(key);
      if (held && version < held.version) this.olderGiven.push(key);
      this.records.set(key, { json: JSON.stringify(change.record), version });
    }
    this.cursor = page.cursor;
  }
}

describe.each(databaseKinds)('staff segments on %s', (kind) => {
  let test: TestDatabase;
  let admin: User;
  const demo = demoReaders(kind);
  beforeAll(() => void ({ test, admin } = demo));

  /** A phone with everything, pulled afresh. */
  async function caughtUpPhone(): Promise<Phone> {
    const phone = new Phone();
    let since: string | undefined;
    for (;;) {
      const page = await pullPage(test.db, admin, since, LIMIT);
      phone.apply(pullResponseSchema.parse(JSON.parse(page.body)));
      if (!page.hasMore) return phone;
      since = page.cursor;
    }
  }

  async function pullOnce(segments: StaffSegments, phone: Phone, limit = LIMIT): Promise<CachedPullPage> {
    const page = await segments.page(admin, phone.cursor, limit);
    phone.apply(parsed(page));
    return page;
  }

  async function logRequests(count: number): Promise<string[]> {
    const requests = Array.from({ length: count }, () => aRequest());
    const results = await push(
      test.db,
      admin,
      'segments-test',
      requests.map((request) => creating('request', request)),
    );
    expect(results.every((result) => result.status === 'applied')).toBe(true);
    return requests.map((request) => request.id);
  }

  it('reads every pull afresh while pulls are few', async () => {
    const phone = await caughtUpPhone();
    const { segments } = segmentsOn(test.db, { ...UNDER_LOAD, busyPullsPerSecond: 1_000_000 });
    await logRequests(3);
    const since = phone.cursor;
    const page = await pullOnce(segments, phone);
    expect(textOf(page)).toBe((await pullPage(test.db, admin, since, LIMIT)).body);
    expect(segments.served).toEqual({ segments: 0, toBoundary: 0, afresh: 1 });
    expect(segments.size.boundaries).toBe(0);
  });

  /** A leader reading afresh to the end every 2 s, each read ending a segment: the boundaries. */
  async function boundariesOf(segments: StaffSegments, clock: { now: number }, sizes: number[]) {
    const leader = await caughtUpPhone();
    const boundaries = [leader.cursor];
    for (const size of sizes) {
      clock.now += 2000;
      await logRequests(size);
      await pullOnce(segments, leader);
      boundaries.push(leader.cursor);
    }
    expect(segments.served.afresh).toBe(sizes.length);
    return { leader, boundaries };
  }

  it('sends segments that say exactly what reading the same stretch afresh says', async () => {
    const { segments, clock } = segmentsOn(test.db);
    const { leader, boundaries } = await boundariesOf(segments, clock, [2, 3, 4]);
    // A phone behind the first boundary and not on one is read afresh up to the latest, and is on it.
    const behind = new Phone();
    behind.cursor = boundaries[0]!;
    expect((await pullOnce(segments, behind)).cursor).toBe(boundaries[3]);
    expect(segments.served.toBoundary).toBe(1);
    // A phone on the first boundary gets the two segments after it, joined, as one gzip stream.
    const follower = new Phone();
    follower.cursor = boundaries[1]!;
    const joined = await pullOnce(segments, follower);
    expect('gzipped' in joined).toBe(true);
    expect(segments.served.segments).toBe(1);
    expect(joined.cursor).toBe(boundaries[3]);
    const afresh = await readPullPage(test.db, admin, boundaries[1], LIMIT, null, boundaries[3]);
    expect(textOf(joined)).toBe(afresh.head + afresh.tail);
    expect(parsed(joined).changes).toHaveLength(3 + 4);
    expect(follower.cursor).toBe(leader.cursor);
  });

  it('reads on past a boundary a second old, and makes the end the next boundary', async () => {
    const { segments, clock } = segmentsOn(test.db);
    const { boundaries } = await boundariesOf(segments, clock, [2, 3]);
    await logRequests(5);
    clock.now += 1000;
    const phone = new Phone();
    phone.cursor = boundaries[1]!;
    const page = await pullOnce(segments, phone);
    // The segment after the phone's boundary, then the five requests after the latest, read afresh.
    expect(parsed(page).changes).toHaveLength(3 + 5);
    expect(textOf(page)).toBe((await pullPage(test.db, admin, boundaries[1], LIMIT)).body);
    expect(segments.size.boundaries).toBe(boundaries.length);
    // A second phone on the same boundary now gets both as segments.
    const second = new Phone();
    second.cursor = boundaries[1]!;
    const kept = await pullOnce(segments, second);
    expect(textOf(kept)).toBe(textOf(page));
    expect(segments.served).toMatchObject({ segments: 2, afresh: 2 });
  });

  it('joins no more segments than a page holds, and says there is more', async () => {
    const { segments, clock } = segmentsOn(test.db);
    const { boundaries } = await boundariesOf(segments, clock, [4, 4, 4]);
    // A phone on the first boundary, asking for pages of 5: one segment of 4, then the next.
    const phone = new Phone();
    phone.cursor = boundaries[1]!;
    const first = await pullOnce(segments, phone, 5);
    expect([parsed(first).changes.length, first.hasMore, first.cursor]).toEqual([4, true, boundaries[2]]);
    const second = await pullOnce(segments, phone, 5);
    expect([parsed(second).changes.length, second.hasMore, second.cursor]).toEqual([4, false, boundaries[3]]);
    expect(segments.served.segments).toBe(2);
    // A page smaller than a segment is read afresh up to the latest boundary, page by page.
    const small = new Phone();
    small.cursor = boundaries[1]!;
    const page = await pullOnce(segments, small, 3);
    expect([parsed(page).changes.length, page.hasMore]).toEqual([3, true]);
    expect(segments.served.toBoundary).toBe(1);
  });

  it('brings phones pulling through segments to what the server holds, never sending a record older than one held', async () => {
    const { segments, clock } = segmentsOn(test.db);
    const first = await caughtUpPhone();
    const phones = [first, ...Array.from({ length: 3 }, () => new Phone())];
    for (const phone of phones.slice(1)) {
      for (const [key, held] of first.records) phone.records.set(key, held);
      phone.cursor = first.cursor;
    }
    // A fixed sequence of a small generator's choices, so a failure can be replayed.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n); // the high bits: the low ones of this generator repeat
    };
    const logged: string[] = [];
    let edits = 0;
    for (let step = 0; step < 100; step += 1) {
      clock.now += next(800);
      const choice = next(10);
      if (choice < 3 || logged.length === 0) logged.push(...(await logRequests(1 + next(3))));
      else if (choice < 6) {
        const id = logged[next(logged.length)]!;
        edits += 1;
        const [result] = await push(test.db, admin, 'segments-test', [
          aMutation('request', id, { urgency: ['immediate', 'today', 'this_week'][next(3)], status: 'new' }),
        ]);
        expect(result?.status).toBe('applied');
      } else await pullOnce(segments, phones[next(phones.length)]!);
    }
    expect(edits).toBeGreaterThan(3);
    // Each phone pulls until a pull leaves its cursor where it was: at the end of the log.
    for (const phone of phones) {
      for (let before = ''; before !== phone.cursor;) {
        before = phone.cursor;
        await pullOnce(segments, phone);
      }
    }
    const server = await caughtUpPhone();
    for (const phone of phones) {
      expect(phone.olderGiven).toEqual([]);
      expect(phone.records).toEqual(server.records);
    }
    expect(segments.served.segments).toBeGreaterThan(4);
    expect(segments.served.toBoundary + segments.served.afresh).toBeGreaterThan(0);
  });

  it('answers a duty officer through the API from kept segments when on, and a coordinator always afresh', async () => {
    const on = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1, pullSegmentsFrom: 1 });
    const off = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1, pullSegmentsFrom: 0 });
    const tokenOf = async (username: string) => {
      const login = await on.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: `demo-${username}-2026` }),
      });
      return ((await login.json()) as { token: string }).token;
    };
    const pullVia = async (app: typeof on, token: string, since: string) => {
      const answer = await app.request(`/api/sync/pull?limit=${LIMIT}&since=${since}`, {
        headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' },
      });
      expect(answer.status).toBe(200);
      const body = Buffer.from(await answer.arrayBuffer());
      const text = (answer.headers.get('Content-Encoding') === 'gzip' ? gunzipSync(body) : body).toString();
      const page = pullResponseSchema.parse(JSON.parse(text));
      expect(answer.headers.get('Pull-Cursor')).toBe(page.cursor);
      return { text, page };
    };
    const duty = await tokenOf('duty');
    const parish = await tokenOf('parish');
    const start = (await caughtUpPhone()).cursor;
    await logRequests(3);
    // The first pull after the start reads afresh, and its end is the first boundary.
    const first = await pullVia(on, duty, start);
    expect(first.text).toBe((await pullVia(off, duty, start)).text);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [edited] = await logRequests(2);
    // A second later, a pull from the first boundary reads on past it and ends the next.
    const second = await pullVia(on, duty, first.page.cursor);
    expect(second.page.changes).toHaveLength(2);
    // A phone still on the first boundary gets that stretch as a kept segment: the same answer…
    const again = await pullVia(on, duty, first.page.cursor);
    expect(again.text).toBe(second.text);
    // …even once a request in it has changed (read afresh, it would be the new version), and the
    // phone's next pull brings the change.
    const [result] = await push(test.db, admin, 'segments-test', [
      aMutation('request', edited!, { urgency: 'immediate' }),
    ]);
    expect(result?.status).toBe('applied');
    const kept = await pullVia(on, duty, first.page.cursor);
    expect(kept.text).toBe(second.text);
    expect((await pullVia(off, duty, first.page.cursor)).text).not.toBe(second.text);
    const next = await pullVia(on, duty, kept.page.cursor);
    const brought = next.page.changes.find((change) => change.entity === 'request' && change.id === edited);
    expect(brought && !brought.deleted && brought.record).toMatchObject({ urgency: 'immediate' });
    // A coordinator's pull is never from segments: the same as with them off.
    expect((await pullVia(on, parish, start)).text).toBe((await pullVia(off, parish, start)).text);
  });
});
