// The pull page cache (src/server/sync/pullPageCache.ts), on PGlite and PostgreSQL: a kept page is sent
// only while it is still exactly what reading it afresh gives, byte for byte once unzipped; a change to
// any record in it, a record deleted, or a reader with other scopes gets the page read afresh; the
// cache keeps to its size and to its hour.
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { databaseKinds, type TestDatabase } from '../support/testDatabase.ts';
import { demoReaders } from '../support/demoReaders.ts';
import { pullPage } from '../../src/server/sync/pull.ts';
import { push } from '../../src/server/sync/push.ts';
import { PullPageCache, type CachedPullPage } from '../../src/server/sync/pullPageCache.ts';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { createApp } from '../../src/server/app.ts';

const LIMIT = 80;

const textOf = (page: CachedPullPage) => ('body' in page ? page.body : gunzipSync(page.gzipped).toString());

describe.each(databaseKinds)('pull page cache on %s', (kind) => {
  let test: TestDatabase;
  let admin: User;
  let parish: User;
  const demo = demoReaders(kind);
  beforeAll(() => void ({ test, admin, parish } = demo));

  /** Every page from the start through the cache, each checked against the same page read afresh. */
  async function pullThrough(cache: PullPageCache, user: User): Promise<string[]> {
    const pages: string[] = [];
    let since: string | undefined;
    for (;;) {
      const page = await cache.page(user, since, LIMIT);
      const fresh = await pullPage(test.db, user, since, LIMIT);
      expect(textOf(page)).toBe(fresh.body);
      expect([page.cursor, page.hasMore]).toEqual([fresh.cursor, fresh.hasMore]);
      pullResponseSchema.parse(JSON.parse(textOf(page)));
      pages.push(textOf(page));
      if (!page.hasMore) return pages;
      since = page.cursor;
    }
  }

  it('sends a second device the pages the first was sent, from the cache, as gzip that unzips to them', async () => {
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
    const first = await pullThrough(cache, admin);
    expect(first.length).toBeGreaterThan(3);
    // Every page is kept: the full ones, and the last, since it ends a first pull.
    expect(cache.served).toEqual({ kept: 0, read: first.length });
    const second = await pullThrough(cache, admin);
    expect(second).toEqual(first);
    expect(cache.served).toEqual({ kept: first.length, read: first.length });
  });

  it('reads a page asked for by several devices at the same moment once, and sends it to the rest kept', async () => {
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
    const together = await Promise.all(Array.from({ length: 4 }, () => cache.page(admin, undefined, LIMIT)));
    expect(cache.served).toEqual({ kept: 3, read: 1 });
    const fresh = await pullPage(test.db, admin, undefined, LIMIT);
    for (const page of together) expect(textOf(page)).toBe(fresh.body);
  });

  it("counts a reader's whole copy for kept first pages at most every 30 s", async () => {
    let now = Date.now();
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024, null, () => now);
    const totalOfFirstPage = async () =>
      pullResponseSchema.parse(JSON.parse(textOf(await cache.page(admin, undefined, LIMIT)))).total;
    const before = await totalOfFirstPage(); // read
    expect(await totalOfFirstPage()).toBe(before); // kept, counted
    const logged = aRequest();
    expect((await push(test.db, admin, 'cache-test', [creating('request', logged)]))[0]?.status).toBe(
      'applied',
    );
    now += 20_000;
    expect(await totalOfFirstPage()).toBe(before); // kept, the count reused
    now += 11_000;
    expect(await totalOfFirstPage()).toBe(before + 1); // kept, counted again
    expect(cache.served).toEqual({ kept: 3, read: 1 });
  });

  it('reads a page afresh once one of its records has changed, and never sends the old one', async () => {
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
    const before = await pullThrough(cache, admin);
    // A partner renamed on each of two kept pages (the pages before the first stay as they were).
    const partnerOn = (page: string) =>
      pullResponseSchema
        .parse(JSON.parse(page))
        .changes.find((change) => change.entity === 'partner' && !change.deleted);
    const touched = before.flatMap((page, index) =>
      index < before.length - 1 && partnerOn(page) ? [index] : [],
    );
    const [first, second] = [touched[0]!, touched[1]!];
    const results = await push(test.db, admin, 'cache-test', [
      aMutation('partner', partnerOn(before[first]!)!.id, { name: 'Renamed while kept' }),
      aMutation('partner', partnerOn(before[second]!)!.id, { name: 'Renamed too' }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);

    const read = cache.served.read;
    const after = await pullThrough(cache, admin);
    // From the first page touched on, every page was read afresh (two rows moved to the end of the log,
    // so every later page starts elsewhere); the pages before it were sent from the cache.
    expect(cache.served.read - read).toBe(after.length - first);
    expect(after.slice(0, first)).toEqual(before.slice(0, first));
    expect(after[first]).not.toBe(before[first]);
    expect(after.at(-1)).toContain('Renamed while kept');
    expect(after.at(-1)).toContain('Renamed too');
  });

  it('keeps the pages of readers with other scopes apart', async () => {
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
    await pullThrough(cache, admin);
    const kept = cache.served.kept;
    const parishPages = await pullThrough(cache, parish);
    expect(cache.served.kept).toBe(kept);
    expect(parishPages.length).toBeGreaterThan(1);
  });

  it("keeps a coordinator's whole copy in one page, and says afresh each time whether there is more", async () => {
    const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
    const whole = async () => {
      const page = await cache.page(parish, undefined, 100_000);
      const fresh = await pullPage(test.db, parish, undefined, 100_000);
      return { page, text: textOf(page), fresh };
    };
    const first = await whole();
    expect(first.page.hasMore).toBe(false);
    expect(first.text).toBe(first.fresh.body);
    const second = await whole();
    expect(second.text).toBe(first.text);
    expect(cache.served).toEqual({ kept: 1, read: 1 });

    // A request logged in the parish after the page was kept: the kept page still holds, and now says
    // there is more after it, where the device finds the request.
    const parishCode = parish.parishCode!;
    const [{ ward }] = (await test.db.query<{ ward: string }>(
      `SELECT record->'wardCodes'->>0 AS ward FROM parishes WHERE id = $1`,
      [parishCode],
    )) as [{ ward: string }];
    const logged = aRequest({
      place: { wardCode: ward, parishCode, lat: null, lon: null, address: '' },
    });
    expect((await push(test.db, admin, 'cache-test', [creating('request', logged)]))[0]?.status).toBe(
      'applied',
    );
    const third = await cache.page(parish, undefined, 100_000);
    expect(textOf(third).slice(0, 200)).toBe(first.text.slice(0, 200));
    expect(third.hasMore).toBe(true);
    expect(pullResponseSchema.parse(JSON.parse(textOf(third))).hasMore).toBe(true);
    expect(cache.served).toEqual({ kept: 2, read: 1 });
    const rest = await cache.page(parish, third.cursor, 100_000);
    expect(rest.hasMore).toBe(false);
    expect(textOf(rest)).toContain(logged.id);
    // A device's pull on from its own cursor is not a first pull's: not kept.
    expect(cache.served).toEqual({ kept: 2, read: 1 });

    // A partner in the kept page renamed: read afresh, with the new name.
    const partner = pullResponseSchema
      .parse(JSON.parse(first.text))
      .changes.find((change) => change.entity === 'partner' && !change.deleted)!;
    await push(test.db, admin, 'cache-test', [
      aMutation('partner', partner.id, { name: 'Renamed for the parish' }),
    ]);
    const fourth = await whole();
    expect(fourth.text).toBe(fourth.fresh.body);
    expect(fourth.text).toContain('Renamed for the parish');
    expect(cache.served).toEqual({ kept: 2, read: 2 });
  });

  it('over HTTP: the same pages, with their cursors and lengths, with the cache as without it', async () => {
    const withCache = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    const without = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1, pullCacheMb: 0 });
    const login = await withCache.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'duty', password: 'demo-duty-2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' };
    const pagesOf = async (app: typeof withCache) => {
      const pages: { text: string; cursor: string | null }[] = [];
      for (let since = '', more = true; more;) {
        const answer = await app.request(`/api/sync/pull?limit=${LIMIT}${since}`, { headers });
        const body = Buffer.from(await answer.arrayBuffer());
        expect(answer.headers.get('Content-Length')).toBe(String(body.length));
        const gzipped = answer.headers.get('Content-Encoding') === 'gzip';
        pages.push({
          text: (gzipped ? gunzipSync(body) : body).toString(),
          cursor: answer.headers.get('Pull-Cursor'),
        });
        more = answer.headers.get('Pull-Has-More') === 'true';
        since = `&since=${answer.headers.get('Pull-Cursor')}`;
      }
      return pages;
    };
    const plain = await pagesOf(without);
    expect(await pagesOf(withCache)).toEqual(plain); // read, and kept
    expect(await pagesOf(withCache)).toEqual(plain); // sent from the cache
  });

  it.skipIf(kind !== 'postgres')(
    'devices joining while others rename partners end up holding exactly what the server holds',
    async () => {
      const cache = new PullPageCache(test.db, 64 * 1024 * 1024);
      interface Device {
        held: Map<string, string>;
        cursor: string | undefined;
      }
      /** Pulls from the device's cursor until the server has nothing more, as the app does. */
      const pullOn = async (device: Device, page: (since: string | undefined) => Promise<string>) => {
        for (;;) {
          const answer = pullResponseSchema.parse(JSON.parse(await page(device.cursor)));
          for (const change of answer.changes) {
            const key = `${change.entity}:${change.id}`;
            if (change.deleted) device.held.delete(key);
            else device.held.set(key, JSON.stringify(change));
          }
          device.cursor = answer.cursor;
          if (!answer.hasMore) return device;
        }
      };
      const throughCache = async (since: string | undefined) => textOf(await cache.page(admin, since, 100));
      const fresh = async (since: string | undefined) => (await pullPage(test.db, admin, since, 100)).body;
      const newDevice = (): Device => ({ held: new Map(), cursor: undefined });

      const partnerIds = [...(await pullOn(newDevice(), fresh)).held.keys()]
        .filter((key) => key.startsWith('partner:'))
        .map((key) => key.slice('partner:'.length));
      let writing = true;
      const renamer = async (name: string) => {
        for (let batch = 0; batch < 20; batch += 1) {
          const ids = Array.from(
            { length: 5 },
            () => partnerIds[Math.floor(Math.random() * partnerIds.length)]!,
          );
          await push(
            test.db,
            admin,
            name,
            ids.map((id) => aMutation('partner', id, { name: `${name} ${batch}` })),
          );
        }
      };
      // Devices join one after another through the cache while the renames go on.
      const devices: Device[] = [];
      const joiner = async () => {
        while (writing) devices.push(await pullOn(newDevice(), throughCache));
      };
      const joining = Promise.all([joiner(), joiner(), joiner()]);
      await Promise.all(['Renamer A', 'Renamer B', 'Renamer C'].map(renamer));
      writing = false;
      await joining;
      expect(devices.length).toBeGreaterThan(3);
      expect(cache.served.kept).toBeGreaterThan(0);

      // Each device, pulling on from its own cursor, ends with what a fresh pull of everything gives.
      const server = (await pullOn(newDevice(), fresh)).held;
      for (const device of devices) expect((await pullOn(device, throughCache)).held).toEqual(server);
    },
  );

  it('keeps to its size, and to an hour', async () => {
    let now = Date.now();
    const small = new PullPageCache(test.db, 1, null, () => now);
    await pullThrough(small, admin);
    await pullThrough(small, admin);
    expect(small.served.kept).toBe(0); // no page fits in one byte

    // Pages of one record each: every kept page counts its overhead too, so they cannot outgrow it.
    const tiny = new PullPageCache(test.db, 4096, null, () => now);
    // Thirty pages would count 30 KB at least: seven times the size.
    for (let since: string | undefined, more = true, read = 0; more && read < 30; read += 1) {
      const page = await tiny.page(admin, since, 1);
      [since, more] = [page.cursor, page.hasMore];
      expect(tiny.size.bytes).toBeLessThanOrEqual(4096);
    }
    expect(tiny.size.pages).toBeGreaterThan(0);
    expect(tiny.size.pages).toBeLessThanOrEqual(3);

    const cache = new PullPageCache(test.db, 64 * 1024 * 1024, null, () => now);
    const pages = (await pullThrough(cache, admin)).length;
    now += 61 * 60 * 1000;
    await pullThrough(cache, admin);
    expect(cache.served).toEqual({ kept: 0, read: 2 * pages });
  });
});
