// The sync line counts what a person did, not the mutations it took.
import { describe, expect, it } from 'vitest';
import { describeWaiting, type QueuedChange } from '../../src/domain/sync/outboxWords.ts';

const request = (id: string, changes: Record<string, unknown> = { status: 'new' }): QueuedChange => ({
  entity: 'request',
  recordId: id,
  changes,
});
const line = (id: string, requestId: string): QueuedChange => ({
  entity: 'timeline',
  recordId: id,
  changes: { requestId, text: 'Logged the request' },
});

describe('describeWaiting', () => {
  it('says nothing waits when the outbox is empty', () => {
    expect(describeWaiting([])).toBeNull();
  });

  it('counts logging a request and assigning a partner to it (four mutations) as one request', () => {
    const queue = [request('R1'), line('T1', 'R1'), request('R1', { status: 'assigned' }), line('T2', 'R1')];
    expect(describeWaiting(queue)).toBe('1 request waiting to send');
  });

  it('lists each kind of record, in words', () => {
    const queue = [
      request('R1'),
      line('T1', 'R1'),
      request('R2'),
      line('T2', 'R2'),
      { entity: 'partner', recordId: 'P1', changes: { phone: '01632 960001' } },
      { entity: 'parish', recordId: 'DEMO-P01', changes: { name: 'Ashcombe' } },
    ];
    expect(describeWaiting(queue)).toBe('2 requests, 1 partner and 1 parish waiting to send');
  });

  it('counts a note whose request is not named in the change as a note', () => {
    expect(describeWaiting([{ entity: 'timeline', recordId: 'T9', changes: { text: 'x' } }])).toBe(
      '1 note waiting to send',
    );
  });
});
