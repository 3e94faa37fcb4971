// Push on PGlite and PostgreSQL: each mutation applied at most once, field-level merge with conflicts
// kept, append-only timelines, scoping of parish coordinators, and refusal of bad input without a 500.
import { describe, expect, it } from 'vitest';
import { DEMO_PARISH_CODE } from '../../src/server/demo/seed.ts';
import { pullResponseSchema, type Change } from '../../src/domain/sync/sync.ts';
import { pushResponseSchema, PUSH_BATCH_MAX } from '../../src/domain/sync/mutation.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aMutation, aRequest, creating, stamp } from '../support/records.ts';

describe.each(databaseKinds)('push on %s', (kind) => {
  const demo = signedInDemo(kind);
  const { auth } = demo;
  async function pushAs(username: string, mutations: unknown[], clientId = `device-${username}`) {
    const response = await demo.app.request('/api/sync/push', {
      method: 'POST',
      headers: auth(username),
      body: JSON.stringify({ clientId, mutations }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  async function results(username: string, mutations: unknown[]) {
    const answer = await pushAs(username, mutations);
    expect(answer.status).toBe(200);
    return pushResponseSchema.parse(answer.body).results;
  }
  async function pullAll(username: string): Promise<Change[]> {
    const response = await demo.app.request('/api/sync/pull?limit=2000', { headers: auth(username) });
    return pullResponseSchema.parse(await response.json()).changes;
  }
  const count = async (table: string) =>
    (await demo.test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

  it('stores each change once when the same push is sent three times', async () => {
    const request = aRequest();
    const batch = [creating('request', request), aMutation('request', request.id, { status: 'assigned' })];
    const before = await count('applied_mutations');
    const first = await results('duty', batch);
    const second = await results('duty', batch);
    const third = await results('duty', batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(third.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await count('applied_mutations')) - before).toBe(2);
    const stored = await demo.test.db.query<{ record: { status: string } }>(
      'SELECT record FROM requests WHERE id = $1',
      [request.id],
    );
    expect(stored.map((row) => row.record.status)).toEqual(['assigned']);
  });

  it('keeps the losing value of two offline edits as a conflict both users pull', async () => {
    const request = aRequest();
    await results('duty', [creating('request', request, stamp('duty-phone', Date.now() - 120_000))]);
    const [created] = (await pullAll('duty')).filter((c) => c.id === request.id && !c.deleted);
    const base: Record<string, string> =
      created && !created.deleted ? { status: created.clocks.status ?? '' } : {};
    // both saw the same status, then changed it while offline; the admin's change is the later one
    const early = stamp('duty-phone', Date.now() - 60_000);
    const late = stamp('admin-laptop', Date.now());
    expect(
      (await results('admin', [aMutation('request', request.id, { status: 'done' }, { hlc: late, base })]))[0]
        ?.status,
    ).toBe('applied');
    expect(
      (
        await results('duty', [
          aMutation('request', request.id, { status: 'in_progress' }, { hlc: early, base }),
        ])
      )[0]?.status,
    ).toBe('applied');

    for (const username of ['duty', 'admin']) {
      const changes = await pullAll(username);
      const current = changes.find((c) => c.entity === 'request' && c.id === request.id);
      expect(current && !current.deleted && current.entity === 'request' && current.record.status).toBe(
        'done',
      );
      const conflicts = changes.flatMap((c) =>
        c.entity === 'conflict' && !c.deleted && c.record.recordId === request.id ? [c.record] : [],
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        field: 'status',
        keptValue: 'done',
        otherValue: 'in_progress',
        status: 'open',
      });
      expect(conflicts[0]?.otherBy).toMatch(/Sam Patel/);
    }
  });

  it('keeps the overwritten value as a conflict when the later edit arrives last', async () => {
    const request = aRequest();
    await results('duty', [creating('request', request, stamp('duty-phone', Date.now() - 120_000))]);
    const created = (await pullAll('duty')).find((c) => c.id === request.id);
    const base: Record<string, string> =
      created && !created.deleted ? { status: created.clocks.status ?? '' } : {};
    const early = stamp('duty-phone', Date.now() - 60_000);
    const late = stamp('admin-laptop', Date.now());
    await results('duty', [
      aMutation('request', request.id, { status: 'in_progress' }, { hlc: early, base }),
    ]);
    await results('admin', [aMutation('request', request.id, { status: 'cancelled' }, { hlc: late, base })]);
    const changes = await pullAll('duty');
    const current = changes.find((c) => c.entity === 'request' && c.id === request.id);
    expect(current && !current.deleted && current.entity === 'request' && current.record.status).toBe(
      'cancelled',
    );
    const conflicts = changes.flatMap((c) =>
      c.entity === 'conflict' && !c.deleted && c.record.recordId === request.id ? [c.record] : [],
    );
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'status', keptValue: 'cancelled', otherValue: 'in_progress' }),
    ]);
  });

  it('replaces without conflict a value the editor had seen', async () => {
    const request = aRequest();
    await results('duty', [creating('request', request)]);
    const created = (await pullAll('duty')).find((c) => c.id === request.id);
    const base: Record<string, string> =
      created && !created.deleted ? { status: created.clocks.status ?? '' } : {};
    await results('admin', [aMutation('request', request.id, { status: 'assigned' }, { base })]);
    const afterAdmin = (await pullAll('duty')).find((c) => c.id === request.id);
    const seen: Record<string, string> =
      afterAdmin && !afterAdmin.deleted ? { status: afterAdmin.clocks.status ?? '' } : {};
    await results('duty', [aMutation('request', request.id, { status: 'in_progress' }, { base: seen })]);
    const conflicts = (await pullAll('duty')).filter(
      (c) => c.entity === 'conflict' && !c.deleted && c.record.recordId === request.id,
    );
    expect(conflicts).toEqual([]);
  });

  it('appends timeline entries and never changes one', async () => {
    const request = aRequest();
    const note = {
      id: crypto.randomUUID(),
      requestId: request.id,
      at: new Date().toISOString(),
      by: request.createdBy,
      byName: 'x',
      kind: 'note',
      text: 'Called, no answer',
      status: null,
    };
    const answer = await results('duty', [creating('request', request), creating('timeline', note)]);
    expect(answer.map((r) => r.status)).toEqual(['applied', 'applied']);
    const edit = await results('duty', [aMutation('timeline', note.id, { text: 'rewritten' })]);
    expect(edit[0]).toMatchObject({ status: 'rejected' });
    expect(edit[0]?.reason).toMatch(/cannot be changed/);
    const [stored] = await demo.test.db.query<{ record: { text: string; byName: string } }>(
      'SELECT record FROM timeline WHERE id = $1',
      [note.id],
    );
    expect(stored?.record.text).toBe('Called, no answer');
    expect(stored?.record.byName).toMatch(/Sam Patel/); // stamped by the server, not the device
  });

  describe('refuses bad mutations, stores nothing, never a 500', () => {
    const storedRows = async () =>
      (await count('requests')) + (await count('timeline')) + (await count('applied_mutations'));

    it('an unknown table, wrong types and missing fields, each with its reason', async () => {
      const before = await storedRows();
      const request = aRequest();
      const answer = await results('duty', [
        { ...aMutation('request', request.id, { status: 'new' }), entity: 'payments' },
        creating('request', { ...request, urgency: 'yesterday', needs: 'food' } as unknown as { id: string }),
        creating('request', { id: request.id, needs: ['food'] } as { id: string }),
        { id: 'not-a-uuid', entity: 'request' },
        aMutation('request', crypto.randomUUID(), { status: 'done' }),
      ]);
      expect(answer.map((r) => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
      ]);
      expect(answer[0]?.fields).toHaveProperty('entity');
      expect(Object.keys(answer[1]?.fields ?? {})).toEqual(expect.arrayContaining(['urgency', 'needs']));
      expect(Object.keys(answer[2]?.fields ?? {})).toEqual(
        expect.arrayContaining(['place', 'forWhom', 'status']),
      );
      expect(answer[3]?.fields).toHaveProperty('hlc');
      expect(answer[4]?.reason).toMatch(/no such record/);
      expect(await storedRows()).toBe(before);
    });

    it('a parish coordinator writing to another parish, or to the directory', async () => {
      const before = await storedRows();
      const elsewhere = aRequest({
        place: { wardCode: 'DEMO-W02', parishCode: 'DEMO-P02', lat: null, lon: null, address: '' },
      });
      const mine = aRequest({
        place: { wardCode: 'DEMO-W01', parishCode: DEMO_PARISH_CODE, lat: null, lon: null, address: '' },
      });
      const answer = await results('parish', [creating('request', elsewhere)]);
      expect(answer[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/own parish/) });
      expect(await storedRows()).toBe(before);
      // their own parish is fine; moving it to another parish is not
      expect((await results('parish', [creating('request', mine)]))[0]?.status).toBe('applied');
      const move = await results('parish', [aMutation('request', mine.id, { place: elsewhere.place })]);
      expect(move[0]).toMatchObject({
        status: 'rejected',
        current: expect.objectContaining({ id: mine.id }),
      });
      const partnerEdit = await results('parish', [aMutation('partner', crypto.randomUUID(), { name: 'x' })]);
      expect(partnerEdit[0]?.status).toBe('rejected');
    });

    it('a change stamped more than a day ahead, as one the device can send again once its clock is right', async () => {
      const before = await storedRows();
      const fast = creating('request', aRequest(), stamp('fast-phone', Date.now() + 3 * 86_400_000));
      const answer = await results('duty', [
        fast,
        aMutation('request', crypto.randomUUID(), { status: 'done' }),
      ]);
      expect(answer[0]).toMatchObject({ status: 'rejected', code: 'clock_ahead' });
      expect(answer[0]?.reason).toMatch(/clock is more than a day ahead/);
      // Any other refusal is final: nothing the device can put right by itself.
      expect(answer[1]).toMatchObject({ status: 'rejected' });
      expect(answer[1]).not.toHaveProperty('code');
      expect(await storedRows()).toBe(before);
      // The same change, stamped again once the clock is right, is taken.
      const [again] = await results('duty', [{ ...fast, hlc: stamp('fast-phone') }]);
      expect(again?.status).toBe('applied');
    });

    it('an oversized batch, malformed JSON and a missing client id, with 4xx answers', async () => {
      const before = await storedRows();
      const many = Array.from({ length: PUSH_BATCH_MAX + 1 }, () => creating('request', aRequest()));
      const tooMany = await pushAs('duty', many);
      expect(tooMany.status).toBe(400);
      expect(JSON.stringify(tooMany.body)).toMatch(/at most 500/);
      const malformed = await demo.app.request('/api/sync/push', {
        method: 'POST',
        headers: auth('duty'),
        body: '{"clientId":',
      });
      expect(malformed.status).toBe(400);
      const noClient = await demo.app.request('/api/sync/push', {
        method: 'POST',
        headers: auth('duty'),
        body: JSON.stringify({ mutations: [] }),
      });
      expect(noClient.status).toBe(400);
      const huge = await demo.app.request('/api/sync/push', {
        method: 'POST',
        headers: auth('duty'),
        body: JSON.stringify({ clientId: 'x', mutations: [{ padding: 'x'.repeat(5 * 1024 * 1024) }] }),
      });
      expect(huge.status).toBe(413);
      expect(await storedRows()).toBe(before);
    });
  });

  it('gives a parish coordinator only their own parish requests, and tells them to forget one that moves away', async () => {
    const theirs = aRequest({
      place: { wardCode: 'DEMO-W01', parishCode: DEMO_PARISH_CODE, lat: null, lon: null, address: '' },
    });
    const others = aRequest({
      place: { wardCode: 'DEMO-W03', parishCode: null, lat: null, lon: null, address: '' },
    });
    await results('duty', [creating('request', theirs), creating('request', others)]);
    const pulled = async (since?: string) => {
      const query = since ? `&since=${since}` : '';
      const response = await demo.app.request(`/api/sync/pull?limit=2000${query}`, {
        headers: auth('parish'),
      });
      return pullResponseSchema.parse(await response.json());
    };
    const first = await pulled();
    const seen = new Map(first.changes.filter((c) => c.entity === 'request').map((c) => [c.id, c.deleted]));
    expect(seen.get(theirs.id)).toBe(false);
    // other parishes' requests do not reach the coordinator at all, not even as ids
    expect(seen.has(others.id)).toBe(false);

    // The duty officer moves the request to another parish: the coordinator is told to forget it.
    const moved = { ...theirs.place, wardCode: 'DEMO-W02', parishCode: 'DEMO-P02' };
    expect((await results('duty', [aMutation('request', theirs.id, { place: moved })]))[0]?.status).toBe(
      'applied',
    );
    const next = await pulled(first.cursor);
    expect(next.changes.filter((c) => c.id === theirs.id)).toEqual([
      { entity: 'request', id: theirs.id, deleted: true },
    ]);
    // …and it reaches the other parish's coordinator's scope, not theirs, from now on
    const after = await pulled(next.cursor);
    expect(after.changes.some((c) => c.id === theirs.id)).toBe(false);
  });
});
