// A server whose database was restored from an older backup (or reset) meets devices whose cursors
// came from further on. Read on from such a cursor, a device would miss every change made since the
// restore until the database's numbers caught up with it. The server says so instead (409
// sync_restart), for a cursor past any transaction or log number this database has; never for a cursor
// it handed out. An app from before that answer existed (API version 2) would show it without acting on
// it, keeping the old copy for good: it is told to reload instead (426 client_too_old).
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aRequest, creating } from '../support/records.ts';

describe.each(databaseKinds)('a cursor from a database further on, on %s', (kind) => {
  const demo = signedInDemo(kind);

  async function pull(username: string, since?: string, apiVersion?: number) {
    const query = new URLSearchParams({ limit: '2000', ...(since ? { since } : {}) });
    const headers = {
      ...demo.auth(username),
      ...(apiVersion === undefined ? {} : { 'X-Api-Version': String(apiVersion) }),
    };
    const response = await demo.app.request(`/api/sync/pull?${query}`, { headers });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  async function cursorAfterAll(username: string): Promise<string> {
    let since: string | undefined;
    for (;;) {
      const answer = await pull(username, since);
      expect(answer.status).toBe(200);
      const page = pullResponseSchema.parse(answer.body);
      since = page.cursor;
      if (!page.hasMore) return since;
    }
  }

  it('is told to start again, whether its transaction or its log number is past this database', async () => {
    for (const username of ['duty', 'parish']) {
      const [xid, seq] = (await cursorAfterAll(username)).split('.').map(BigInt);
      for (const since of [`${xid! + 1_000_000n}.${seq}`, `${xid}.${seq! + 1_000_000n}`]) {
        const answer = await pull(username, since);
        expect(answer.status, `${username} from ${since}`).toBe(409);
        expect(answer.body).toMatchObject({
          error: { code: 'sync_restart', message: expect.stringMatching(/restored from a backup/) },
        });
      }
    }
  });

  it('tells an app from before it could start again (API version 2) to reload, not to start again', async () => {
    const [xid, seq] = (await cursorAfterAll('duty')).split('.').map(BigInt);
    const answer = await pull('duty', `${xid! + 1_000_000n}.${seq}`, 2);
    expect(answer.status).toBe(426);
    expect(answer.body).toMatchObject({
      error: { code: 'client_too_old', message: expect.stringMatching(/reload/) },
    });
  });

  it('goes on as ever from every cursor it handed out, before and after more changes', async () => {
    const cursor = await cursorAfterAll('duty');
    expect((await pull('duty', cursor)).status).toBe(200);
    const [result] = await demo.push('duty', [creating('request', aRequest())]);
    expect(result?.status).toBe('applied');
    const answer = await pull('duty', cursor);
    expect(answer.status).toBe(200);
    const page = pullResponseSchema.parse(answer.body);
    expect(page.changes.length).toBeGreaterThan(0);
    expect((await pull('duty', page.cursor)).status).toBe(200);
    expect((await pull('parish', await cursorAfterAll('parish'))).status).toBe(200);
  });
});
