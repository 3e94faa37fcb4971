// Someone else's changes on a phone handed on: who made them, in words, and the file they are saved to
// before they are set aside, readable by a person and whole enough to be sent later.
import { describe, expect, it } from 'vitest';
import {
  describeWaitingFrom,
  setAsideFile,
  setAsideFileName,
  setAsideFileSchema,
  waitingFromOthers,
  type MadeChange,
} from '../../src/domain/sync/setAside.ts';
import { formatHlc } from '../../src/domain/sync/hlc.ts';

const ROBIN = { id: 'u-robin', username: 'robin', displayName: 'Robin Example' };
const SAM = { id: 'u-sam', username: 'sam', displayName: 'Sam Lee' };
const PAT = { id: 'u-pat', username: 'parish', displayName: 'Pat Parish' };

let serial = 0;
function aChange(madeBy: typeof ROBIN, queuedAt: string, changes: Record<string, unknown>): MadeChange {
  serial += 1;
  return {
    seq: serial,
    id: `6a4f1c1e-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    entity: 'request',
    recordId: `r-${serial}`,
    hlc: formatHlc({ ms: Date.parse(queuedAt), counter: 0, node: 'phone1' }),
    changes,
    base: {},
    queuedAt,
    madeBy,
  };
}

describe('changes waiting from someone else', () => {
  const queue = [
    aChange(ROBIN, '2026-12-02T09:00:00.000Z', { status: 'new' }),
    aChange(PAT, '2026-12-02T09:30:00.000Z', { status: 'assigned' }),
    aChange(SAM, '2026-12-02T10:00:00.000Z', { urgency: 'now' }),
    aChange(ROBIN, '2026-12-02T08:00:00.000Z', { status: 'done' }),
  ];

  it('counts them by who made them, leaving out the person signing in', () => {
    expect(waitingFromOthers(queue, PAT.id)).toEqual([
      { madeBy: ROBIN, count: 2, records: '2 requests', oldestAt: '2026-12-02T08:00:00.000Z' },
      { madeBy: SAM, count: 1, records: '1 request', oldestAt: '2026-12-02T10:00:00.000Z' },
    ]);
    expect(describeWaitingFrom(waitingFromOthers(queue, PAT.id))).toBe(
      '2 requests from Robin Example (robin) and 1 request from Sam Lee (sam)',
    );
    expect(describeWaitingFrom(waitingFromOthers(queue.slice(1, 2), PAT.id))).toBeNull();
  });

  it('saves them to a file that says who made each, when, to which record and what, and keeps each whole', () => {
    const robins = queue.filter((change) => change.madeBy.id === ROBIN.id);
    const file = setAsideFile(robins, {
      recordOf: (change) => `Request for resident ${change.recordId}`,
      kindOf: () => 'request',
      savedAt: '2026-12-02T12:00:00.000Z',
      savedBy: PAT,
      device: 'phone1',
    });
    expect(setAsideFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(file.about).toContain('Robin Example (robin)');
    expect(file.savedBy).toBe('Pat Parish (parish)');
    expect(
      file.changes.map((change) => [change.madeBy, change.madeAt, change.record, change.changed]),
    ).toEqual([
      ['Robin Example (robin)', '2026-12-02T09:00:00.000Z', 'Request for resident r-1', { status: 'new' }],
      ['Robin Example (robin)', '2026-12-02T08:00:00.000Z', 'Request for resident r-4', { status: 'done' }],
    ]);
    // Whole: the mutation as queued, and its maker's id, so it can still be sent as theirs.
    const { seq: _seq, queuedAt: _at, madeBy: _by, ...mutation } = robins[0]!;
    expect(file.changes[0]!.mutation).toEqual(mutation);
    expect(file.changes[0]!.maker).toEqual(ROBIN);
    expect(setAsideFileName(robins, file.savedAt)).toBe('changes-from-robin-2026-12-02.json');
  });
});
