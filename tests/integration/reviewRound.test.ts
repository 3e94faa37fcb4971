// The quarterly review and the shared report baseline through real sync: an admin's device starts a
// round and checks a partner (the check and the new "last verified" date travel together from its
// outbox), another staff device receives both with the server's word for who checked; a duty officer
// may not check (the directory is the admins'), a check is never changed once written, issued reports
// reach staff only, and the report marking is the admins' to set and everyone's to read.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/testDatabase.ts';
import { stamp } from '../support/records.ts';
import { openSyncWorld, type Device, type SyncWorld } from '../support/syncWorld.ts';
import { recordCheck, startRound } from '../../src/app/features/review/reviewActions.ts';
import { ukToday } from '../../src/domain/directory/stale.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import type { ReviewCheck } from '../../src/domain/review/reviewRound.ts';
import { withClocks } from '../../src/app/store/localDatabase.ts';

async function pushOutboxOf(world: SyncWorld, device: Device, username: 'admin' | 'duty') {
  const entries = await device.db.outbox.orderBy('seq').toArray();
  const { results } = await world.push(
    username,
    entries.map(({ id, entity, recordId, hlc, changes, base }) => ({
      id,
      entity,
      recordId,
      hlc,
      changes,
      base,
    })),
  );
  await device.db.outbox.clear();
  return results;
}

describe.each(databaseKinds)('the quarterly review through sync (%s)', (kind) => {
  let world: SyncWorld;
  let admin: Device;
  let duty: Device;
  let parish: Device;
  beforeAll(async () => {
    world = await openSyncWorld(kind);
    admin = await world.device('admin');
    duty = await world.device('duty');
    parish = await world.device('parish');
    for (const device of [admin, duty, parish]) await device.sync();
  });
  afterAll(() => world.close());

  it('a round and a check from an admin’s device reach a duty officer’s, with the record verified today', async () => {
    const partner = (await admin.db.partners.toArray()).find((p) => p.lastVerified !== ukToday(new Date()))!;
    expect(partner, 'a demo partner not verified today').toBeDefined();
    const round = await startRound(
      world.user('admin'),
      { name: 'Spring review', dueDate: '2026-12-31' },
      admin.db,
    );
    await recordCheck(
      world.user('admin'),
      round.id,
      { entity: 'partner', id: partner.id },
      'still_correct',
      admin.db,
    );
    const results = await pushOutboxOf(world, admin, 'admin');
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);

    await duty.sync();
    const checks = await duty.db.table<ReviewCheck, string>('reviewChecks').toArray();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      roundId: round.id,
      recordId: partner.id,
      outcome: 'still_correct',
      byName: world.user('admin').displayName,
      by: world.user('admin').id,
    });
    expect(((await duty.db.partners.get(partner.id)) as Partner).lastVerified).toBe(ukToday(new Date()));
    // Pushes are audited, so the audit trail names who checked it too.
    const audited = await world.test.db.query<{ username: string }>(
      `SELECT DISTINCT username FROM audit_log WHERE entity = 'reviewCheck' AND record_id = $1`,
      [checks[0]!.id],
    );
    expect(audited).toEqual([{ username: 'admin' }]);
    expect(await duty.db.table('reviewRounds').get(round.id)).toMatchObject({ name: 'Spring review' });
    // Rounds and checks are for staff.
    await parish.sync();
    expect(await parish.db.table('reviewChecks').count()).toBe(0);
    expect(await parish.db.table('reviewRounds').count()).toBe(0);
  });

  it('refuses a check from a duty officer, and any change to a check once written', async () => {
    const [check] = await duty.db.table<ReviewCheck, string>('reviewChecks').toArray();
    const newId = randomUUID();
    const fromDuty = await world.push('duty', [
      {
        id: randomUUID(),
        entity: 'reviewCheck',
        recordId: newId,
        hlc: stamp(),
        changes: { ...withClocks(check!, {}), id: newId, outcome: 'edited' },
        base: {},
      },
    ]);
    expect(fromDuty.results[0]).toMatchObject({ status: 'rejected' });
    expect(fromDuty.results[0]!.reason).toMatch(/admin/i);
    const changed = await world.push('admin', [
      {
        id: randomUUID(),
        entity: 'reviewCheck',
        recordId: check!.id,
        hlc: stamp(),
        changes: { outcome: 'edited' },
        base: {},
      },
    ]);
    expect(changed.results[0]).toMatchObject({ status: 'rejected' });
    expect(changed.results[0]!.reason).toMatch(/cannot be changed/);
  });

  it('shares issued reports among staff and lets only admins set the report marking', async () => {
    const now = new Date().toISOString();
    const incident = {
      id: randomUUID(),
      name: 'Snow on the Downs',
      type: 'snow_ice',
      startedAt: now,
      endedAt: null,
      status: 'open',
      wardCodes: ['DEMO-W01'],
      updatedAt: now,
    };
    const issued = {
      id: randomUUID(),
      incidentId: incident.id,
      issuedAt: new Date().toISOString(),
      open: 4,
      gaps: ['DEMO-W01:food'],
      by: 'anyone',
      byName: 'anyone',
    };
    const push = (username: 'duty' | 'admin', entity: string, recordId: string, changes: object) =>
      world.push(username, [{ id: randomUUID(), entity, recordId, hlc: stamp(), changes, base: {} }]);
    // the report names its incident, which must be on the server
    expect((await push('duty', 'incident', incident.id, incident)).results[0]).toMatchObject({
      status: 'applied',
    });
    expect((await push('duty', 'issuedReport', issued.id, issued)).results[0]).toMatchObject({
      status: 'applied',
    });
    const marking = { code: 'reportMarking', value: 'OFFICIAL', updatedAt: new Date().toISOString() };
    expect((await push('duty', 'councilSetting', 'reportMarking', marking)).results[0]).toMatchObject({
      status: 'rejected',
    });
    expect((await push('admin', 'councilSetting', 'reportMarking', marking)).results[0]).toMatchObject({
      status: 'applied',
    });

    await admin.sync();
    await parish.sync();
    expect(await admin.db.table('issuedReports').get(issued.id)).toMatchObject({
      open: 4,
      byName: world.user('duty').displayName,
    });
    expect(await parish.db.table('issuedReports').count()).toBe(0);
    expect(await parish.db.table('councilSettings').get('reportMarking')).toMatchObject({
      value: 'OFFICIAL',
    });
  });
});
