// Visibility over time, checked where it matters: in each device's own store. A contact and a request
// (with its note and a conflict) go through every kind of scope change — public↔restricted, parish A→B,
// staff-only, retired, and a parish deleted by a boundary import — and after each step every role's
// device, synced through the app's own pull code, holds exactly what the policy lets that role see.
// Every refusal is checked too: a record a user may not see answers exactly as one that does not exist.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact } from '../support/directoryFixtures.ts';
import { aMutation, aRequest, creating, stamp } from '../support/records.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import {
  openSyncWorld,
  PARISH_A,
  PARISH_B,
  WORLD_USERS,
  type Device,
  type SyncWorld,
  type Username,
} from '../support/syncWorld.ts';
import {
  describeEntity,
  isEntity,
  type Entity,
  type MutableEntity,
} from '../../src/domain/entities/registry.ts';
import { canSeeScope, type Scope } from '../../src/domain/entities/scope.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';
import type { HelpRequest } from '../../src/domain/entities/request.ts';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { replaceArea } from '../../src/server/area/replaceArea.ts';

const NOT_FOUND = 'There is no such record on the server to change.';

describe.each(databaseKinds)('scope changes reach every device (%s)', (kind) => {
  let world: SyncWorld;
  const devices = new Map<Username, Device>();
  const tracked = new Map<Entity, Set<string>>();
  const track = (entity: Entity, id: string) =>
    tracked.set(entity, (tracked.get(entity) ?? new Set()).add(id));
  const contact: Contact = aContact({ parishCode: PARISH_A, organisation: null, visibility: 'public' });
  let request: HelpRequest;

  beforeAll(async () => {
    world = await openSyncWorld(kind);
    for (const person of WORLD_USERS) devices.set(person.username, await world.device(person.username));
  });
  afterAll(() => world.close());

  /** The record as the server holds it and the scope the policy gives it (with its parent's). */
  async function policyScope(entity: Entity, id: string): Promise<{ exists: boolean; scope: Scope }> {
    const description = describeEntity(entity);
    const [row] = await world.test.db.query<{ record: unknown }>(
      `SELECT record FROM ${description.storage.table} WHERE id::text = $1`,
      [id],
    );
    if (!row) return { exists: false, scope: null };
    const parent = description.parentOf?.(row.record);
    const parentScope =
      parent && isEntity(parent.entity) ? (await policyScope(parent.entity, parent.id)).scope : undefined;
    return { exists: true, scope: description.scope(row.record, parentScope) };
  }

  async function expectDevicesMatchPolicy(): Promise<void> {
    for (const device of devices.values()) await device.sync();
    for (const [username, device] of devices) {
      for (const [entity, ids] of tracked) {
        const held = await device.ids(entity);
        for (const id of ids) {
          const { exists, scope } = await policyScope(entity, id);
          const shouldHold = exists && canSeeScope(device.user, scope);
          expect(held.has(id), `${username} holding ${entity} ${id} (scope ${scope})`).toBe(shouldHold);
        }
      }
    }
  }

  /** A change to a record the user cannot see is refused exactly as one to a record that does not exist. */
  async function expectRefusalsLeakNothing(): Promise<void> {
    for (const person of WORLD_USERS) {
      for (const [entity, id] of [
        ['contact', contact.id],
        ['request', request.id],
      ] as const) {
        const { exists, scope } = await policyScope(entity, id);
        const visible = exists && canSeeScope(world.user(person.username), scope);
        if (visible) continue;
        const edit = { name: 'probe', status: 'done' };
        const [onHidden] = (
          await world.push(person.username, [
            aMutation(entity, id, entity === 'contact' ? { name: edit.name } : { status: edit.status }),
          ])
        ).results;
        const [onMissing] = (
          await world.push(person.username, [
            aMutation(
              entity,
              randomUUID(),
              entity === 'contact' ? { name: edit.name } : { status: edit.status },
            ),
          ])
        ).results;
        expect(onHidden, `${person.username} editing a hidden ${entity}`).toMatchObject({
          status: 'rejected',
          reason: NOT_FOUND,
          current: null,
          currentClocks: {},
        });
        expect(onHidden?.reason).toBe(onMissing?.reason);
      }
    }
  }

  async function step(username: Username, mutations: unknown[]): Promise<void> {
    const { status, results } = await world.push(username, mutations);
    expect(status).toBe(200);
    expect(results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
    await expectDevicesMatchPolicy();
    await expectRefusalsLeakNothing();
  }

  const device = (username: Username) => devices.get(username)!;

  /** An edit made having seen the record as the server holds it now: no conflict. */
  async function edit(entity: MutableEntity, id: string, changes: Record<string, unknown>) {
    const [row] = await world.test.db.query<{ field_clocks: Record<string, { hlc: string }> }>(
      `SELECT field_clocks FROM ${describeEntity(entity).storage.table} WHERE id::text = $1`,
      [id],
    );
    const base = Object.fromEntries(
      Object.keys(changes).flatMap((field) => {
        const clock = row?.field_clocks[field];
        return clock ? [[field, clock.hlc]] : [];
      }),
    );
    return aMutation(entity, id, changes, { base });
  }

  it('starts with a public contact and a parish request with a note and a conflict', async () => {
    request = aRequest({
      place: { wardCode: null, parishCode: PARISH_A, lat: null, lon: null, address: '' },
    });
    const note = {
      id: randomUUID(),
      requestId: request.id,
      at: new Date().toISOString(),
      by: randomUUID(),
      byName: 'x',
      kind: 'note' as const,
      text: 'Needs a welfare check',
      status: null,
    };
    track('contact', contact.id);
    track('request', request.id);
    track('timeline', note.id);
    await step('admin', [creating('contact', contact)]);
    const created = stamp('duty-phone', Date.now() - 120_000);
    await step('duty', [creating('request', request, created), creating('timeline', note)]);
    // Two offline edits of the same status: a conflict about this request.
    const base = { status: created };
    const late = aMutation(
      'request',
      request.id,
      { status: 'in_progress' },
      { hlc: stamp('admin', Date.now()), base },
    );
    const early = aMutation(
      'request',
      request.id,
      { status: 'assigned' },
      { hlc: stamp('duty', Date.now() - 60_000), base },
    );
    await step('admin', [late]);
    await step('duty', [early]);
    const conflicts = await world.test.db.query<{ id: string }>(
      'SELECT id FROM conflicts WHERE parent_id = $1',
      [`request:${request.id}`],
    );
    expect(conflicts).toHaveLength(1);
    track('conflict', conflicts[0]!.id);
    await expectDevicesMatchPolicy();
    expect((await device('parish').ids('conflict')).has(conflicts[0]!.id)).toBe(true);
    expect((await device('parish-b').ids('request')).has(request.id)).toBe(false);
  });

  it('takes a contact made restricted off the other parishes’ devices, and back when public', async () => {
    await step('admin', [await edit('contact', contact.id, { visibility: 'restricted' })]);
    expect((await device('parish-b').ids('contact')).has(contact.id)).toBe(false);
    expect((await device('parish').ids('contact')).has(contact.id)).toBe(true);
    await step('admin', [await edit('contact', contact.id, { parishCode: PARISH_B })]);
    expect((await device('parish').ids('contact')).has(contact.id)).toBe(false);
    expect((await device('parish-b').ids('contact')).has(contact.id)).toBe(true);
    await step('admin', [await edit('contact', contact.id, { visibility: 'public' })]);
    expect((await device('parish').ids('contact')).has(contact.id)).toBe(true);
    await step('admin', [await edit('contact', contact.id, { retired: true })]);
    expect((await device('parish').db.contacts.get(contact.id))?.retired).toBe(true);
  });

  it('moves a request with its note and conflict from parish A to parish B, then to staff only', async () => {
    const place = { ...request.place, parishCode: PARISH_B };
    await step('duty', [await edit('request', request.id, { place })]);
    for (const entity of ['request', 'timeline', 'conflict'] as const) {
      expect((await device('parish').ids(entity)).size, `parish A still holds ${entity}`).toBe(0);
      expect((await device('parish-b').ids(entity)).size, `parish B lacks ${entity}`).toBe(1);
    }
    await step('duty', [
      await edit('request', request.id, { place: { ...place, parishCode: null, wardCode: 'DEMO-W01' } }),
    ]);
    for (const entity of ['request', 'timeline', 'conflict'] as const) {
      expect((await device('parish-b').ids(entity)).size).toBe(0);
      expect((await device('duty').ids(entity)).has([...tracked.get(entity)!][0]!)).toBe(true);
    }
    await step('admin', [
      await edit('request', request.id, { place: { ...place, parishCode: PARISH_A }, status: 'cancelled' }),
    ]);
    expect((await device('parish').ids('timeline')).size).toBe(1);
  });

  it('tells every device to forget a parish a boundary import removed', async () => {
    const wards = (await world.test.db.query<{ record: Ward }>('SELECT record FROM wards')).map(
      (row) => row.record,
    );
    const parishes = (
      await world.test.db.query<{ record: Parish }>('SELECT record FROM parishes ORDER BY id')
    ).map((row) => row.record);
    const gone = parishes.find((parish) => parish.code !== PARISH_A && parish.code !== PARISH_B)!;
    track('parish', gone.code);
    await expectDevicesMatchPolicy();
    expect((await device('parish').ids('parish')).has(gone.code)).toBe(true);
    await replaceArea(world.test.db, { wards, parishes: parishes.filter((parish) => parish !== gone) });
    await expectDevicesMatchPolicy();
    for (const person of WORLD_USERS)
      expect((await device(person.username).ids('parish')).has(gone.code)).toBe(false);
  });
});
