// A pull's clock stamps written shorter ("*" for the stamp the record's fields share) read back into one
// stamp per field, so a reader edits with exactly the stamps it would have been sent one by one (the
// app keeps them as sent and reads them back when it edits: outbox.test.ts).
import { describe, expect, it } from 'vitest';
import { COMMON_STAMP, stampsAsPulled } from '../../src/domain/sync/pulledStamps.ts';
import { readPullPage } from '../../src/domain/sync/readPullPage.ts';
import { pullResponseSchema } from '../../src/domain/sync/sync.ts';
import { aRequest } from '../support/records.ts';

const made = '000001700000000-00001-phone';
const later = '000001700000009-00003-desk';

describe('stamps as a pull sends them', () => {
  it('gives every field of the record the shared stamp, and a field named on its own its own', () => {
    expect(
      stampsAsPulled({ id: 'r', name: 'A', phone: '1' }, { [COMMON_STAMP]: made, phone: later }),
    ).toEqual({ id: made, name: made, phone: later });
  });

  it('keeps a stamp for a field the record does not have', () => {
    expect(stampsAsPulled({ id: 'r' }, { [COMMON_STAMP]: made, phone: later })).toEqual({
      id: made,
      phone: later,
    });
  });

  it('leaves stamps without "*" as they are, and none as none', () => {
    const sent = { phone: later };
    expect(stampsAsPulled({ id: 'r', phone: '1' }, sent)).toBe(sent);
    expect(stampsAsPulled({ id: 'r' }, {})).toEqual({});
  });

  it('reads a page’s stamps back before the page is checked, over the record as sent', () => {
    const request = aRequest();
    const sent = {
      changes: [
        { entity: 'request', id: request.id, deleted: false, record: request, clocks: { '*': made } },
        { entity: 'request', id: 'gone', deleted: true },
      ],
      cursor: '1.2',
      hasMore: false,
      total: 1,
      heldBack: false,
    };
    const [change] = pullResponseSchema.parse(sent).changes;
    expect(change && !change.deleted ? change.clocks : null).toEqual(
      Object.fromEntries(Object.keys(request).map((field) => [field, made])),
    );
    // The app keeps them as sent (and reads them back only to edit: clocksOf).
    const [asSent] = readPullPage(sent).changes;
    expect(asSent && !asSent.deleted ? asSent.clocks : null).toEqual({ '*': made });
  });

  it('sets aside a change whose shared stamp is not a stamp, keeping the rest', () => {
    const [good, bad] = [aRequest(), aRequest()];
    const page = readPullPage({
      changes: [
        { entity: 'request', id: good.id, deleted: false, record: good, clocks: { '*': made } },
        { entity: 'request', id: bad.id, deleted: false, record: bad, clocks: { '*': 7 } },
      ],
      cursor: '1.2',
      hasMore: false,
      total: 2,
      heldBack: false,
    });
    expect(page.changes.map((change) => change.id)).toEqual([good.id]);
    expect(page.unreadable).toEqual([{ entity: 'request', id: bad.id }]);
  });
});
