// When a request was logged (createdAt) and when a review round started (startedAt) are set by the
// device that makes the record and never changed after: before, a duty officer's push could move a
// request's createdAt to 1999, putting it first among "oldest first" and stretching its time to assign.
// The same value sent again is no change. On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { aMutation, aRequest, creating } from '../support/records.ts';

describe.each(databaseKinds)('fields fixed once a record is made on %s', (kind) => {
  const demo = signedInDemo(kind);
  const push = (username: string, mutations: Mutation[]) => demo.push(username, mutations);

  const stored = async (table: string, id: string) =>
    (
      await demo.test.db.query<{ record: Record<string, unknown> }>(
        `SELECT record FROM ${table} WHERE id = $1`,
        [id],
      )
    )[0]!.record;

  it('refuses a change to when a request was logged, naming the field, and keeps the rest of the batch', async () => {
    const request = aRequest();
    await push('duty', [creating('request', request)]);
    const now = new Date().toISOString();

    const results = await push('duty', [
      aMutation('request', request.id, { createdAt: '1999-01-01T00:00:00.000Z', updatedAt: now }),
      aMutation('request', request.id, {
        createdAt: request.createdAt,
        urgency: 'immediate',
        updatedAt: now,
      }),
    ]);

    expect(results[0]).toMatchObject({
      status: 'rejected',
      fields: { createdAt: 'is set when the record is made' },
    });
    expect(results[1]!.status).toBe('applied');
    expect(await stored('requests', request.id)).toMatchObject({
      createdAt: request.createdAt,
      urgency: 'immediate',
    });
  });

  it('refuses a change to when a review round started', async () => {
    const now = new Date().toISOString();
    const round = {
      id: randomUUID(),
      name: 'Winter 2026',
      dueDate: '2026-12-31',
      startedAt: now,
      startedBy: randomUUID(),
      startedByName: 'x',
      closed: false,
      updatedAt: now,
    };
    const [made] = await push('admin', [creating('reviewRound', round)]);
    expect(made!.status, JSON.stringify(made)).toBe('applied');

    const [moved] = await push('admin', [
      aMutation('reviewRound', round.id, { startedAt: '2020-01-01T00:00:00.000Z' }),
    ]);

    expect(moved).toMatchObject({
      status: 'rejected',
      fields: { startedAt: 'is set when the record is made' },
    });
    expect((await stored('review_rounds', round.id)).startedAt).toBe(now);
  });
});
