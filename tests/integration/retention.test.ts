// Retention on PGlite and PostgreSQL: a request done 91 days ago loses its requester's details on the
// server and, through the next pull, on a device that syncs — keeping its statistics — while one done
// 10 days ago keeps them; the purge is in the audit trail and the trail keeps no copy of the details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { purgeRequests } from '../../src/server/retention/purge.ts';
import { runPurge } from '../../src/server/cli/purge.ts';
import { pullResponseSchema, type Change } from '../../src/domain/sync/sync.ts';
import { pushResponseSchema } from '../../src/domain/sync/mutation.ts';
import { auditPageSchema } from '../../src/domain/accounts/audit.ts';
import { requestSchema, type HelpRequest } from '../../src/domain/entities/request.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aMutation, aRequest, creating, stamp } from '../support/records.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(databaseKinds)('retention on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    for (const user of DEMO_USERS.slice(0, 2)) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      tokens[user.username] = ((await response.json()) as { token: string }).token;
    }
  });
  afterAll(() => test.drop());

  const auth = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  async function push(mutations: unknown[]) {
    const response = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...auth('duty'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'duty-phone', mutations }),
    });
    const results = pushResponseSchema.parse(await response.json()).results;
    expect(
      results.every((result) => result.status === 'applied'),
      JSON.stringify(results),
    ).toBe(true);
  }
  async function pullSince(cursor: string | null): Promise<{ changes: Change[]; cursor: string }> {
    const changes: Change[] = [];
    let since = cursor;
    for (;;) {
      const query = new URLSearchParams({ limit: '2000', ...(since ? { since } : {}) });
      const page = pullResponseSchema.parse(
        await (await app.request(`/api/sync/pull?${query}`, { headers: auth('duty') })).json(),
      );
      changes.push(...page.changes);
      since = page.cursor;
      if (!page.hasMore) return { changes, cursor: page.cursor };
    }
  }
  /**
   * Pulls until `seen` holds: on PostgreSQL a pull waits for every transaction older than its own (in
   * any test file) to end, so a change may arrive a moment later. The cursor only moves forward.
   */
  async function pullUntil(cursor: string | null, seen: (changes: Change[]) => boolean) {
    const changes: Change[] = [];
    let next = cursor;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const page = await pullSince(next);
      changes.push(...page.changes);
      next = page.cursor;
      if (seen(changes)) return { changes, cursor: next };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the expected changes never arrived');
  }
  /** A request logged and finished `daysAgo` days ago on the device, with a note naming the requester. */
  async function finishedRequest(daysAgo: number, name: string, phone: string, address: string) {
    const finished = Date.now() - daysAgo * DAY;
    const request = aRequest({
      forWhom: { name, phone, households: null },
      place: { wardCode: 'DEMO-W01', parishCode: null, lat: 51.27, lon: 0.52, address },
      createdAt: new Date(finished - DAY).toISOString(),
      updatedAt: new Date(finished - DAY).toISOString(),
    });
    const noteId = randomUUID();
    await push([
      creating('request', request, stamp('duty-phone', finished - DAY)),
      aMutation(
        'timeline',
        noteId,
        {
          id: noteId,
          requestId: request.id,
          at: new Date(finished - DAY).toISOString(),
          by: randomUUID(),
          byName: 'x',
          kind: 'note',
          text: `${name} lives alone at ${address}`,
          status: null,
        },
        { hlc: stamp('duty-phone', finished - DAY + 1000) },
      ),
      aMutation('request', request.id, { status: 'done' }, { hlc: stamp('duty-phone', finished) }),
    ]);
    return { request, noteId };
  }

  it('removes the requester’s details 90 days after done, on the server and on a syncing device, keeping the statistics', async () => {
    const old = await finishedRequest(91, 'Oldname', '07700 900123', '12 Example Lane');
    const recent = await finishedRequest(10, 'Newname', '07700 900456', '3 Other Road');
    const device = await pullUntil(null, (changes) => changes.some((change) => change.id === recent.noteId));
    const held = (id: string, changes: Change[]) =>
      changes.filter((change) => change.id === id && !change.deleted).at(-1) as
        (Change & { deleted: false }) | undefined;
    expect((held(old.request.id, device.changes)?.record as HelpRequest).forWhom.name).toBe('Oldname');

    const report = await purgeRequests(test.db, { days: 90 });
    expect(report).toMatchObject({ requests: 1, timelineEntries: 1 });

    const [stored] = await test.db.query<{ record: HelpRequest; purged_at: unknown }>(
      'SELECT record, purged_at FROM requests WHERE id = $1',
      [old.request.id],
    );
    const purged = requestSchema.parse(stored!.record);
    expect(purged.forWhom).toEqual({ name: '', phone: null, households: null });
    expect(purged.place).toEqual({
      wardCode: 'DEMO-W01',
      parishCode: null,
      lat: null,
      lon: null,
      address: '',
    });
    // the statistics stay: needs, where (ward), when, status, who was assigned
    expect(purged).toMatchObject({
      needs: old.request.needs,
      status: 'done',
      createdAt: old.request.createdAt,
      assignments: old.request.assignments,
    });
    expect(stored!.purged_at).not.toBeNull();
    expect(JSON.stringify(stored!.record)).not.toMatch(/Oldname|07700 900123|Example Lane/);

    // the device's next pull brings the purged request and note
    const next = await pullUntil(device.cursor, (changes) =>
      changes.some((change) => change.id === old.noteId),
    );
    const onDevice = held(old.request.id, next.changes)?.record as HelpRequest;
    expect(onDevice.forWhom.name).toBe('');
    expect(onDevice.place.address).toBe('');
    const note = held(old.noteId, next.changes)?.record as { text: string };
    expect(note.text).toBe('[removed under the retention schedule]');
    expect(JSON.stringify(next.changes)).not.toMatch(/Oldname|07700 900123|Example Lane/);

    // the recent one keeps its details
    const [kept] = await test.db.query<{ record: HelpRequest }>('SELECT record FROM requests WHERE id = $1', [
      recent.request.id,
    ]);
    expect(kept!.record.forWhom.name).toBe('Newname');

    // the purge is in the audit trail, and the trail kept no copy of what was removed
    const adminLogin = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_USERS[0]!.password }),
    });
    const admin = ((await adminLogin.json()) as { token: string }).token;
    const trail = auditPageSchema.parse(
      await (
        await app.request(`/api/admin/audit?record=${old.request.id}`, {
          headers: { Authorization: `Bearer ${admin}` },
        })
      ).json(),
    );
    expect(trail.entries[0]).toMatchObject({ action: 'purge', entity: 'request', recordId: old.request.id });
    expect(trail.entries.some((entry) => entry.field === 'forWhom')).toBe(true);
    const everything = await test.db.query<{ row: string }>(
      `SELECT row_to_json(a)::text AS row FROM audit_log a`,
    );
    expect(everything.map((entry) => entry.row).join('\n')).not.toMatch(/Oldname|07700 900123|Example Lane/);
    expect(everything.map((entry) => entry.row).join('\n')).toContain('Newname');

    // a device's older edit of the removed details cannot bring them back
    const late = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...auth('duty'), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'old-phone',
        mutations: [
          aMutation(
            'request',
            old.request.id,
            { forWhom: { name: 'Oldname', phone: null, households: null } },
            {
              hlc: stamp('old-phone', Date.now() - 50 * DAY),
            },
          ),
        ],
      }),
    });
    expect(late.status).toBe(200);
    const [after] = await test.db.query<{ record: HelpRequest }>(
      'SELECT record FROM requests WHERE id = $1',
      [old.request.id],
    );
    expect(after!.record.forWhom.name).toBe('');

    // running again finds nothing more to do
    expect((await purgeRequests(test.db, { days: 90 })).requests).toBe(0);
  });

  it('npm run purge refuses a bad --days and names the usage', async () => {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    expect(await runPurge(['--days', 'soon'], {}, out)).toBe(1);
    expect(lines.join('\n')).toMatch(/Usage: npm run purge/);
  });
});
