// A pull page with a record this version of the app cannot read: the rest of the page is kept and
// stored, the one set aside is named, and the device counts it (the sync panel says so) instead of
// failing every pull from then on. A page that is not a pull page at all still fails.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { readPullPage } from '../../src/domain/sync/readPullPage.ts';
import { LocalDatabase, readMeta, type SyncState } from '../../src/app/store/localDatabase.ts';
import { applyPullPage } from '../../src/app/sync/pull.ts';
import { aRequest } from '../support/records.ts';

const live = (record: Record<string, unknown>) => ({
  entity: 'request',
  id: String(record.id),
  deleted: false,
  record,
  clocks: {},
});

function pageOf(changes: unknown[]) {
  return { changes, cursor: '1.3', hasMore: false, total: changes.length, heldBack: false };
}

describe('reading a pull page', () => {
  it('keeps a page it can read whole, setting nothing aside', () => {
    const page = readPullPage(pageOf([live(aRequest()), live(aRequest())]));
    expect(page.changes).toHaveLength(2);
    expect(page.unreadable).toEqual([]);
  });

  it('sets aside only the change it cannot read, and names it', () => {
    const good = [aRequest(), aRequest()];
    const bad = { ...aRequest(), needs: ['not-a-need'] };
    const page = readPullPage(
      pageOf([live(good[0]!), live(bad), { entity: 'drill', id: 'x' }, live(good[1]!)]),
    );
    expect(page.changes.map((change) => change.id)).toEqual(good.map((request) => request.id));
    expect(page.unreadable).toEqual([
      { entity: 'request', id: bad.id },
      { entity: 'drill', id: 'x' },
    ]);
    expect(page.cursor).toBe('1.3');
  });

  it('still refuses a body that is not a pull page', () => {
    expect(() => readPullPage({ changes: 'nope', cursor: 1 })).toThrow();
    expect(() => readPullPage(null)).toThrow();
  });
});

describe('a device given a page with an unreadable record', () => {
  let db: LocalDatabase;
  beforeEach(async () => {
    db = new LocalDatabase(`read-pull-page-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('stores the rest, moves its cursor on and counts what it left out', async () => {
    const good = aRequest();
    const bad = { ...aRequest(), needs: ['not-a-need'] };
    await applyPullPage(db, readPullPage(pageOf([live(bad), live(good)])), new Date().toISOString());
    expect((await db.requests.toArray()).map((request) => request.id)).toEqual([good.id]);
    const state = await readMeta<SyncState>(db, 'syncState');
    expect(state?.cursor).toBe('1.3');
    expect(state?.unreadable).toBe(1);
  });
});
