// Upgrades keep the queue (sync invariant 8): for every schema version the app has shipped, data saved
// by that version — the outbox above all — opens intact in the current version. Each shipped schema is
// copied here as it was, so a change to an old version's definition cannot pass unnoticed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { clocksOf, LocalDatabase, UNKNOWN_AUTHOR } from '../../src/app/store/localDatabase.ts';

const SHIPPED: Record<number, Record<string, string | null>> = {
  1: {
    wards: 'code, name',
    parishes: 'code, name',
    partners: 'id, name, status',
    contacts: 'id, name, parishCode',
    meta: 'key',
  },
  2: {
    incidents: 'id, status',
    requests: 'id, status, incidentId',
    timeline: 'id, requestId',
    conflicts: 'id, status, recordId',
    clocks: 'key',
    outbox: '++seq, id, [entity+recordId]',
    rejected: 'id',
  },
  3: {},
  // v4: the synced tables as the entity registry describes them (the same stores as v1–v3 today).
  4: {
    wards: 'code, name',
    parishes: 'code, name',
    partners: 'id, name, status',
    contacts: 'id, name, parishCode',
    incidents: 'id, status',
    requests: 'id, status, incidentId',
    timeline: 'id, requestId',
    conflicts: 'id, status, recordId',
  },
  // v5: the indexes no screen used dropped (a first pull writes every index of every record).
  5: {
    wards: 'code, name',
    lsoas: 'code, wardCode',
    parishes: 'code, name',
    partners: 'id, name',
    contacts: 'id, name, parishCode',
    incidents: 'id, status',
    requests: 'id',
    timeline: 'id, requestId',
    conflicts: 'id, status, recordId',
  },
  // v6: each record's clocks moved into its own row (no change of stores).
  6: {},
  // v7: the clocks table dropped. By then the registry had also declared these tables, which Dexie 4
  // added without a version number; a device's database at v7 holds them.
  7: {
    clocks: null,
    reviewRounds: 'id',
    reviewAssignments: 'id, roundId',
    reviewChecks: 'id, roundId',
    issuedReports: 'id, incidentId',
    councilSettings: 'code',
  },
  // v8: the synced tables from the registry, without the name indexes of partners and contacts.
  8: {
    wards: 'code, name',
    lsoas: 'code, wardCode',
    parishes: 'code, name',
    partners: 'id',
    contacts: 'id, parishCode',
    incidents: 'id, status',
    requests: 'id',
    timeline: 'id, requestId',
    conflicts: 'id, status, recordId',
    reviewRounds: 'id',
    reviewAssignments: 'id, roundId',
    reviewChecks: 'id, roundId',
    issuedReports: 'id, incidentId',
    councilSettings: 'code',
  },
  // v9: each queued change records who made it, indexed for a push to read the signed-in person's.
  9: { outbox: '++seq, id, [entity+recordId], madeBy.id' },
};

function openAsShipped(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v += 1) db.version(v).stores(SHIPPED[v]!);
  return db;
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('local database upgrades', () => {
  it('the current version is the last shipped one (add it to SHIPPED when you bump it)', () => {
    const current = new LocalDatabase('version-check');
    names.push('version-check');
    expect(current.verno).toBe(Math.max(...Object.keys(SHIPPED).map(Number)));
  });

  it('gives changes queued on a device nobody is signed in to a maker nobody can send as', async () => {
    const name = 'upgrade-signed-out';
    names.push(name);
    const old = openAsShipped(name, 8);
    await old.table('outbox').add({
      id: 'm1',
      entity: 'request',
      recordId: 'r1',
      hlc: 'h',
      changes: { status: 'new' },
      base: {},
      queuedAt: 'now',
    });
    old.close();
    const current = new LocalDatabase(name);
    expect((await current.outbox.toArray()).map((entry) => entry.madeBy)).toEqual([UNKNOWN_AUTHOR]);
    current.close();
  });

  for (const version of Object.keys(SHIPPED).map(Number)) {
    it(`opens data saved by version ${version} with everything intact`, async () => {
      const name = `upgrade-from-${version}`;
      names.push(name);
      const old = openAsShipped(name, version);
      await old.table('partners').put({ id: 'p1', name: 'Riverside Pantry', status: 'active' });
      await old.table('contacts').put({ id: 'c1', name: 'Alex Example', parishCode: 'P1' });
      await old.table('parishes').put({ code: 'P1', name: 'Upton' });
      await old.table('meta').put({
        key: 'session',
        value: { token: 't', user: { id: 'u1', username: 'robin', displayName: 'Robin' }, lapsed: false },
      });
      const robin = { id: 'u1', username: 'robin', displayName: 'Robin' };
      if (version >= 2) {
        await old.table('outbox').add({
          id: 'm1',
          entity: 'request',
          recordId: 'r1',
          hlc: 'h',
          changes: { status: 'new' },
          base: {},
          queuedAt: 'now',
          // From v9 on, a change records who made it.
          ...(version >= 9 ? { madeBy: robin } : {}),
        });
        await old.table('requests').put({ id: 'r1', status: 'new' });
      }
      if (version >= 2 && version < 6) {
        await old.table('clocks').put({ key: 'request:r1', clocks: { status: 'h' } });
        // a conflict's id holds a colon of its own
        await old.table('conflicts').put({ id: 'm1:status', status: 'open', recordId: 'r1' });
        await old.table('clocks').put({ key: 'conflict:m1:status', clocks: { status: 'h0' } });
        // clocks of a record no longer on the device are let go
        await old.table('clocks').put({ key: 'request:gone', clocks: { status: 'h' } });
      }
      // a record in every synced table the old version has (the step above gave some tables theirs)
      const synced = old.tables.filter(
        (table) => !['meta', 'outbox', 'rejected', 'clocks'].includes(table.name),
      );
      const saved = new Map<string, string>();
      for (const table of synced) {
        const key = table.schema.primKey.keyPath as string;
        if ((await table.count()) > 0) continue;
        await table.put({ [key]: `kept-${table.name}` });
        saved.set(table.name, `kept-${table.name}`);
      }
      old.close();

      const current = new LocalDatabase(name);
      await current.open();
      // no table of the old version, nor anything in it, is lost on the way (Dexie deletes a store that
      // a version step does not declare)
      for (const [table, key] of saved) {
        expect(await current.table(table).get(key), `${table} after the upgrade`).toBeDefined();
      }
      expect(await current.partners.get('p1')).toMatchObject({ name: 'Riverside Pantry' });
      expect(await current.meta.get('session')).toBeDefined();
      if (version < 3) {
        // saved before contacts and parishes could be retired: they read as not retired
        expect(await current.contacts.get('c1')).toMatchObject({ name: 'Alex Example', retired: false });
        expect(await current.parishes.get('P1')).toMatchObject({ name: 'Upton', retired: false });
      }
      if (version >= 2) {
        // a change queued before changes recorded their maker is the signed-in person's (v9)
        expect(await current.outbox.toArray()).toEqual([
          expect.objectContaining({ id: 'm1', changes: { status: 'new' }, madeBy: robin }),
        ]);
        expect(await current.outbox.where('madeBy.id').equals('u1').count()).toBe(1);
        expect(await current.requests.get('r1')).toMatchObject({ status: 'new' });
      }
      if (version >= 2 && version < 6) {
        // the clocks now travel with their records, and the next edit still builds on them
        expect(clocksOf(await current.requests.get('r1'))).toEqual({ status: 'h' });
        expect(clocksOf(await current.conflicts.get('m1:status'))).toEqual({ status: 'h0' });
        expect(await current.requests.get('gone')).toBeUndefined();
      }
      expect(current.tables.map((table) => table.name)).not.toContain('clocks');
      // the name indexes of partners and contacts are gone (v8), whatever version the data came from
      const stores = current.backendDB().transaction(['partners', 'contacts'], 'readonly');
      expect([...stores.objectStore('partners').indexNames]).toEqual([]);
      expect([...stores.objectStore('contacts').indexNames]).toEqual(['parishCode']);
      // and the current version can queue more
      await current.outbox.add({
        id: 'm2',
        entity: 'request',
        recordId: 'r2',
        hlc: 'h2',
        changes: { status: 'new' },
        base: {},
        queuedAt: 'now',
        madeBy: robin,
      });
      expect(await current.outbox.count()).toBe(version >= 2 ? 2 : 1);
      current.close();
    });
  }
});
