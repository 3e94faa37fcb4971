// Nothing acknowledged is lost (sync invariant 1): the server is killed (SIGKILL) while a push is in
// flight, then restarted on the same data. Every change it had acknowledged is still there; the batch
// that got no answer stays queued on the client, is pushed again, and each change is stored once.
// Runs against PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set.
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { makeTempDir, removeTempDirs, startServer, type RunningServer } from '../browser/harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';
import { pushResponseSchema, type Mutation } from '../../src/domain/sync/mutation.ts';
import { aRequest, creating } from '../support/records.ts';
import { databaseKinds, dropSchema } from '../support/testDatabase.ts';

const duty = DEMO_USERS.find((user) => user.role === 'duty_officer')!;

afterAll(() => removeTempDirs());

describe.each(databaseKinds)('a push interrupted by the server dying, on %s', (kind) => {
  const schema = `crash_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> =
    kind === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: schema } : {};

  afterAll(async () => {
    if (kind !== 'postgres') return;
    await dropSchema(process.env.TEST_DATABASE_URL!, schema);
  });

  async function signIn(server: RunningServer): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: duty.username, password: duty.password }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  async function storedRequestIds(server: RunningServer, token: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let since = '';
    for (;;) {
      const response = await fetch(`${server.url}/api/sync/pull?limit=2000${since}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const page = (await response.json()) as {
        changes: { entity: string; id: string; deleted: boolean }[];
        cursor: string;
        hasMore: boolean;
      };
      for (const change of page.changes)
        if (change.entity === 'request' && !change.deleted) ids.add(change.id);
      since = `&since=${page.cursor}`;
      if (!page.hasMore) return ids;
    }
  }

  it('loses no acknowledged change and stores the unanswered batch once when pushed again', async () => {
    const dataDir = await makeTempDir('crash');
    let server = await startServer({ dataDir, env });
    let token = await signIn(server);
    const push = (mutations: Mutation[]) =>
      fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: 'crash-test-device', mutations }),
      });

    // The client's outbox: 12 batches of 25 new requests. A batch leaves it only once answered.
    const outbox: Mutation[][] = Array.from({ length: 12 }, () =>
      Array.from({ length: 25 }, () => creating('request', aRequest())),
    );
    const recordOf = new Map(outbox.flat().map((mutation) => [mutation.id, mutation.recordId]));
    const acknowledged = new Set<string>();
    for (const batch of outbox.slice(0, 4)) {
      const answer = pushResponseSchema.parse(await (await push(batch)).json());
      for (const result of answer.results) if (result.status === 'applied') acknowledged.add(result.id);
      outbox.shift();
    }
    expect(acknowledged.size).toBe(100);

    // A batch in flight when the server dies: no answer, so it stays in the outbox.
    const inFlight = push(outbox[0]!).then(
      (response) => response.ok,
      () => false,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await server.kill();
    const answered = await inFlight;

    server = await startServer({ dataDir, env });
    token = await signIn(server);
    const afterRestart = await storedRequestIds(server, token);
    // every acknowledged change survived the kill
    const acknowledgedRecords = [...acknowledged].map((id) => recordOf.get(id)!);
    expect(acknowledgedRecords.filter((id) => !afterRestart.has(id))).toEqual([]);

    // push the rest, the unanswered batch included
    const statuses: string[] = [];
    for (const batch of outbox) {
      const answer = pushResponseSchema.parse(await (await push(batch)).json());
      statuses.push(...answer.results.map((result) => result.status));
    }
    expect(statuses.filter((status) => status === 'rejected')).toEqual([]);
    if (!answered) expect(statuses.length).toBe(8 * 25);

    const finalIds = await storedRequestIds(server, token);
    expect(finalIds.size).toBe(300);
    await server.stop();
    // Two server starts (a first PGlite start runs initdb): generous on a busy two-core machine.
  }, 180_000);
});
