// Change texts held in memory (src/server/sync/changeTexts.ts), on PGlite and PostgreSQL: every page
// read with them is byte for byte the page read without them, for staff and a parish coordinator, after
// edits and a record moving out of the parish; a text held for a record's old version, or for a record
// since deleted, is never sent; and texts written out for one reader serve another.
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../support/testDatabase.ts';
import { demoReaders } from '../support/demoReaders.ts';
import { pullPage } from '../../src/server/sync/pull.ts';
import { push } from '../../src/server/sync/push.ts';
import { ChangeTexts } from '../../src/server/sync/changeTexts.ts';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';

const LIMIT = 60;

describe.each(databaseKinds)('change texts held on %s', (kind) => {
  let test: TestDatabase;
  let admin: User;
  let parish: User;
  const demo = demoReaders(kind);
  beforeAll(() => void ({ test, admin, parish } = demo));

  /** Every page from `since`, read with the texts, each checked against the same page read without. */
  async function pullWith(texts: ChangeTexts, user: User, since?: string) {
    const pages: string[] = [];
    let cursor = since;
    for (;;) {
      const page = await pullPage(test.db, user, cursor, LIMIT, texts);
      const without = await pullPage(test.db, user, cursor, LIMIT);
      expect(page.body).toBe(without.body);
      expect([page.cursor, page.hasMore]).toEqual([without.cursor, without.hasMore]);
      pullResponseSchema.parse(JSON.parse(page.body));
      pages.push(page.body);
      cursor = page.cursor;
      if (!page.hasMore) return { pages, cursor };
    }
  }

  const changesIn = (pages: string[]) =>
    pages.flatMap((page) => pullResponseSchema.parse(JSON.parse(page)).changes);

  it('sends the same pages with texts held as without, and writes each record out once', async () => {
    const texts = new ChangeTexts(64 * 1024 * 1024);
    const first = await pullWith(texts, admin);
    const records = changesIn(first.pages).filter((change) => !change.deleted).length;
    expect(texts.counts).toEqual({ written: records, held: 0 });
    const again = await pullWith(texts, admin);
    expect(again.pages).toEqual(first.pages);
    expect(texts.counts).toEqual({ written: records, held: records });
  });

  it('serves a parish coordinator the texts written out for staff, and after edits and a move sends only what is now', async () => {
    const request = aRequest();
    const logged = { ...request, place: { ...request.place, parishCode: parish.parishCode } };
    const made = await push(test.db, parish, 'texts-test', [creating('request', logged)]);
    expect(made[0]).toMatchObject({ status: 'applied' });
    const texts = new ChangeTexts(64 * 1024 * 1024);
    const staff = await pullWith(texts, admin);
    const coordinator = await pullWith(texts, parish);
    expect(texts.counts.held).toBeGreaterThan(0);
    expect(texts.counts.written).toBe(changesIn(staff.pages).filter((change) => !change.deleted).length);

    const partner = changesIn(staff.pages).find((change) => change.entity === 'partner' && !change.deleted)!;
    type Place = { parishCode: string | null } & Record<string, unknown>;
    const placeOf = (change: (typeof changes)[number]) =>
      change.deleted || change.entity !== 'request' ? undefined : (change.record as { place: Place }).place;
    const changes = changesIn(coordinator.pages);
    const inParish = changes.find((change) => placeOf(change)?.parishCode);
    expect(inParish).toBeDefined();
    const place = placeOf(inParish!)!;
    const results = await push(test.db, admin, 'texts-test', [
      aMutation('partner', partner.id, { name: 'Renamed after it was held' }),
      aMutation('request', inParish!.id, { place: { ...place, parishCode: null } }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);

    // What changed since each reader's cursor: the rename, and the move (a tombstone for the parish).
    const staffNews = await pullWith(texts, admin, staff.cursor);
    expect(staffNews.pages.join()).toContain('Renamed after it was held');
    const coordinatorNews = changesIn((await pullWith(texts, parish, coordinator.cursor)).pages);
    expect(coordinatorNews).toContainEqual({ entity: 'request', id: inParish!.id, deleted: true });

    // From the start, the old version's text (held) is never sent: the record's row has moved on.
    const fromStart = await pullWith(texts, admin);
    const renamed = changesIn(fromStart.pages).filter((change) => change.id === partner.id);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.deleted ? null : (renamed[0]!.record as { name: string }).name).toBe(
      'Renamed after it was held',
    );
  });

  it('sends a record deleted after its text was held as deleted, never as the text', async () => {
    const texts = new ChangeTexts(64 * 1024 * 1024);
    const before = await pullWith(texts, admin);
    const wards = (await test.db.query<{ record: Ward }>('SELECT record FROM wards')).map(
      (row) => row.record,
    );
    const parishes = (await test.db.query<{ record: Parish }>('SELECT record FROM parishes ORDER BY id')).map(
      (row) => row.record,
    );
    const gone = parishes.find((one) => one.code !== parish.parishCode)!;
    expect(changesIn(before.pages)).toContainEqual(
      expect.objectContaining({ entity: 'parish', id: gone.code }),
    );
    await replaceArea(test.db, { wards, parishes: parishes.filter((one) => one !== gone) });

    const news = changesIn((await pullWith(texts, admin, before.cursor)).pages);
    expect(news).toContainEqual({ entity: 'parish', id: gone.code, deleted: true });
    const fromStart = changesIn((await pullWith(texts, admin)).pages);
    expect(fromStart.filter((change) => change.entity === 'parish' && change.id === gone.code)).toEqual([
      { entity: 'parish', id: gone.code, deleted: true },
    ]);
    expect(texts.counts.held).toBeGreaterThan(0);
  });

  it('keeps to its size, and a page still comes whole when what it held has gone', async () => {
    const texts = new ChangeTexts(4096);
    await pullWith(texts, admin);
    expect(texts.size.bytes).toBeLessThanOrEqual(4096);
    await pullWith(texts, admin);
  });
});
