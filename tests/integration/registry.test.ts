// The entity registry, walked: for every entity it describes, a record goes from a device's push (or the
// server's own load, for what devices do not create) into server storage, out through every role's pull
// into that role's device store — held exactly when the policy lets the role see it — and through its
// CSV codec where it has one. A second part checks every place derived from the registry names every
// entity, so an entity added to the registry but missed somewhere (a migration, say) is named here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, aPartner } from '../support/directoryFixtures.ts';
import { aRequest, stamp } from '../support/records.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import {
  openSyncWorld,
  PARISH_A,
  WORLD_USERS,
  type Device,
  type SyncWorld,
  type Username,
} from '../support/syncWorld.ts';
import {
  ENTITIES,
  entityRegistry,
  describeEntity,
  keyOf,
  type Entity,
  type RecordOf,
} from '../../src/domain/entities/registry.ts';
import { canSeeScope, type Scope } from '../../src/domain/entities/scope.ts';
import { clocksOf, withClocks } from '../../src/app/store/localDatabase.ts';
import { changeSchema, entitySchema } from '../../src/domain/sync/sync.ts';
import { mutableEntitySchema } from '../../src/domain/sync/mutation.ts';
import { entityWords } from '../../src/app/features/requests/describe.ts';
import { LocalDatabase } from '../../src/app/store/localDatabase.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';

const NOW = new Date().toISOString();
const ROUND_ID = randomUUID();
// What the review check and the issued report name: pushed before them, as the registry is in that order.
const PARTNER_ID = randomUUID();
const INCIDENT_ID = randomUUID();
// A review section is assigned to someone with an account: the world's admin, once it exists.
let assigneeId = (): string => {
  throw new Error('the world is not open yet');
};
const request = aRequest({
  place: { wardCode: 'DEMO-W01', parishCode: PARISH_A, lat: null, lon: null, address: '' },
});

/** One valid record of each entity; a missing entity does not compile. Scoped ones are in parish A. */
const samples: { [E in Entity]: () => RecordOf<E> } = {
  ward: () => ({
    code: 'TEST-W99',
    name: 'Test Ward',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [0.5, 51.2],
          [0.51, 51.2],
          [0.51, 51.21],
          [0.5, 51.2],
        ],
      ],
    },
    centre: [0.505, 51.205],
    parished: false,
    neighbours: [],
  }),
  lsoa: () => ({
    code: 'TEST-L99',
    name: 'Test 001A',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [0.5, 51.2],
          [0.505, 51.2],
          [0.505, 51.205],
          [0.5, 51.2],
        ],
      ],
    },
    wardCode: 'TEST-W99',
    imd: { rank: 2915, decile: 1, score: 52.1 },
  }),
  parish: () => ({
    code: 'TEST-P99',
    name: 'Test Parish',
    wardCodes: ['DEMO-W01'],
    boundary: null,
    communityEmergencyPlan: { has: true, link: 'https://example.org/plan' },
    charterRole: { agreed: true, date: '2026-01-05' },
    retired: false,
  }),
  partner: () =>
    aPartner({ id: PARTNER_ID, coverage: { boroughWide: false, wards: ['DEMO-W01'], parishes: [] } }),
  contact: () => aContact({ parishCode: PARISH_A, visibility: 'restricted' }),
  incident: () => ({
    id: INCIDENT_ID,
    name: 'Test flood',
    type: 'flood',
    startedAt: NOW,
    endedAt: null,
    status: 'open',
    wardCodes: ['DEMO-W01'],
    updatedAt: NOW,
  }),
  request: () => request,
  timeline: () => ({
    id: randomUUID(),
    requestId: request.id,
    at: NOW,
    by: randomUUID(),
    byName: 'x',
    kind: 'note',
    text: 'Rang back, all fine',
    status: null,
  }),
  conflict: () => ({
    id: `${randomUUID()}:status`,
    entity: 'request',
    recordId: request.id,
    recordLabel: 'Request for J: food',
    field: 'status',
    keptValue: 'done',
    keptBy: 'A',
    keptAt: stamp(),
    otherValue: 'assigned',
    otherBy: 'B',
    otherAt: stamp(),
    status: 'open',
    settledBy: null,
    settledAt: null,
  }),
  reviewRound: () => ({
    id: ROUND_ID,
    name: 'Spring review',
    dueDate: '2026-06-30',
    startedAt: NOW,
    startedBy: randomUUID(),
    startedByName: 'x',
    closed: false,
    updatedAt: NOW,
  }),
  reviewAssignment: () => ({
    id: `${ROUND_ID}/ward:DEMO-W01`,
    roundId: ROUND_ID,
    section: 'ward:DEMO-W01',
    assigneeId: assigneeId(),
    assigneeName: 'Test Reviewer',
    updatedAt: NOW,
  }),
  reviewCheck: () => ({
    id: randomUUID(),
    roundId: ROUND_ID,
    entity: 'partner',
    recordId: PARTNER_ID,
    outcome: 'still_correct',
    checkedAt: NOW,
    by: randomUUID(),
    byName: 'x',
  }),
  issuedReport: () => ({
    id: randomUUID(),
    incidentId: INCIDENT_ID,
    issuedAt: NOW,
    open: 3,
    gaps: ['DEMO-W01:food'],
    by: randomUUID(),
    byName: 'x',
  }),
  councilSetting: () => ({ code: 'reportMarking', value: 'OFFICIAL', updatedAt: NOW }),
};

describe.each(databaseKinds)('every registered entity, end to end (%s)', (kind) => {
  let world: SyncWorld;
  const devices = new Map<Username, Device>();
  beforeAll(async () => {
    world = await openSyncWorld(kind);
    assigneeId = () => world.user('admin').id;
    for (const person of WORLD_USERS) devices.set(person.username, await world.device(person.username));
  });
  afterAll(() => world.close());

  // In registry order, so a parent (the request) is stored before what hangs from it.
  for (const entity of ENTITIES) {
    it(`${entity}: push → storage → every role's pull and device → CSV`, async () => {
      const description = describeEntity(entity);
      const record = samples[entity]() as Record<string, unknown>;
      const id = keyOf(entity, record);
      if (description.createdOnDevices) {
        const mutation = { id: randomUUID(), entity, recordId: id, hlc: stamp(), changes: record, base: {} };
        const { results } = await world.push('admin', [mutation]);
        expect(results[0], `${entity} pushed by an admin`).toMatchObject({ status: 'applied' });
      } else {
        await world.test.db.transaction((tx) => saveLoadedRecords(tx, entity, [record]));
      }

      const [row] = await world.test.db.query<{
        record: unknown;
        scope: Scope;
        field_clocks: Record<string, { hlc: string }>;
      }>(`SELECT record, scope, field_clocks FROM ${description.storage.table} WHERE id::text = $1`, [id]);
      expect(row, `${entity} stored`).toBeDefined();
      const stored = description.schema.parse(row!.record) as Record<string, unknown>;
      for (const field of Object.keys(record).filter((name) => !description.serverOwned.includes(name)))
        expect(stored[field], `${entity}.${field} as stored`).toEqual(record[field]);

      for (const [username, device] of devices) {
        await device.sync();
        const held = (await device.db.table(description.local.table).get(id)) as
          Record<string, unknown> | undefined;
        const visible = canSeeScope(device.user, row!.scope);
        expect(held !== undefined, `${username} holds the ${entity} (scope ${row!.scope})`).toBe(visible);
        // held as stored, with the server's clocks in its row (the base of the next edit there),
        // kept as the pull sent them and read back one per field
        const stamps = Object.fromEntries(
          Object.entries(row!.field_clocks).map(([field, clock]) => [field, clock.hlc]),
        );
        if (held) {
          expect(withClocks(held, {})).toEqual(stored);
          const readBack = clocksOf(held);
          for (const [field, stamp] of Object.entries(stamps))
            expect(readBack[field], `${entity}.${field}'s stamp on ${username}'s device`).toBe(stamp);
          // a field the server holds no stamp for is read back with the shared one, or none
          for (const field of Object.keys(readBack).filter((name) => !(name in stamps)))
            expect(readBack[field], `${entity}.${field}`).toBe(stamps.id);
        }
      }
      // The scoped samples are seen by staff and parish A only.
      const seenBy = WORLD_USERS.filter((person) => canSeeScope(world.user(person.username), row!.scope)).map(
        (person) => person.username,
      );
      if (['contact', 'request', 'timeline', 'conflict'].includes(entity))
        expect(seenBy.sort(), `who sees the ${entity}`).toEqual(['admin', 'duty', 'parish']);

      if (description.csv) {
        const wards = (await world.test.db.query<{ record: Ward }>('SELECT record FROM wards')).map(
          (r) => r.record,
        );
        const parishes = (await world.test.db.query<{ record: Parish }>('SELECT record FROM parishes')).map(
          (r) => r.record,
        );
        const context = {
          area: { wards, parishes },
          today: NOW.slice(0, 10),
          now: stored.updatedAt as string,
          newId: randomUUID,
        };
        const back = description.csv.fromRow(description.csv.toRow(stored), stored, context);
        expect(back, `${entity} through its CSV columns`).toEqual({ ok: true, record: stored });
      }
    });
  }

  it('has every entity’s table in the one shape the write path uses (a migration per entity)', async () => {
    for (const entity of ENTITIES) {
      const { table } = entityRegistry[entity].storage;
      const columns = await world.test.db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`,
        [table],
      );
      expect(
        columns.map((column) => column.column_name).sort(),
        `the server table "${table}" of ${entity} (add a migration)`,
      ).toEqual(
        expect.arrayContaining([
          'clock_stamps',
          'field_clocks',
          'id',
          'parent_id',
          'record',
          'scope',
          'updated_at',
        ]),
      );
    }
  });
});

describe('every place derived from the registry names every entity', () => {
  const db = new LocalDatabase('registry-places');
  for (const entity of ENTITIES) {
    it(entity, () => {
      const description = entityRegistry[entity];
      const sample = samples[entity]();
      expect(entitySchema.options, 'the pull entity list').toContain(entity);
      expect(
        changeSchema.safeParse({
          entity,
          id: keyOf(entity, sample),
          deleted: false,
          record: sample,
          clocks: {},
        }).success,
        'the pull change schema',
      ).toBe(true);
      expect(mutableEntitySchema.safeParse(entity).success, 'the push entity list').toBe(
        description.write !== 'import',
      );
      expect(
        db.tables.map((table) => table.name),
        'the device tables',
      ).toContain(description.local.table);
      expect(db.table(description.local.table).schema.primKey.keyPath, 'the device key').toBe(
        description.key,
      );
      expect(db.tableOf(entity).table.name, 'tableOf').toBe(description.local.table);
      expect(
        db.recordTables().map((table) => table.name),
        'what sign-out clears',
      ).toContain(description.local.table);
      expect(entityWords(entity), 'the sync-issue words').toBe(description.words.one);
    });
  }
});
