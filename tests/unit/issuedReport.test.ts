// The shared report baseline and marking: the last issued report is the latest by anyone for that
// incident (checked against sorting, over generated lists), what a device records as issued is a valid
// synced record, and the marking is the council's setting or the default.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { lastIssuedFor, type IssuedReport } from '../../src/domain/situationReport/changesSince.ts';
import { issuedReportSchema } from '../../src/domain/situationReport/issuedReport.ts';
import { DEFAULT_REPORT_MARKING, reportMarking } from '../../src/domain/entities/councilSetting.ts';

const INCIDENTS = [randomUUID(), randomUUID()];

const issuedArb = fc.record({
  incidentId: fc.constantFrom(...INCIDENTS),
  issuedAt: fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) })
    .map((ms) => new Date(ms).toISOString()),
  open: fc.nat(50),
  gaps: fc.array(fc.constantFrom('W1:food', 'W2:water', 'W3:shelter'), { maxLength: 3 }),
});

describe('the last issued report', () => {
  it('is the latest issued for the incident, by anyone', () => {
    fc.assert(
      fc.property(
        fc.array(issuedArb, { maxLength: 20 }),
        fc.constantFrom(...INCIDENTS),
        (issued, incidentId) => {
          const found = lastIssuedFor(issued, incidentId);
          const sorted = issued
            .filter((report) => report.incidentId === incidentId)
            .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
          expect(found?.issuedAt ?? null).toBe(sorted[0]?.issuedAt ?? null);
          if (found) expect(found.incidentId).toBe(incidentId);
        },
      ),
    );
  });

  it('is recorded as a valid synced record', () => {
    const issued: IssuedReport = {
      incidentId: randomUUID(),
      issuedAt: '2026-11-29T10:00:00.000Z',
      open: 2,
      gaps: ['W1:food'],
    };
    expect(
      issuedReportSchema.safeParse({ ...issued, id: randomUUID(), by: randomUUID(), byName: 'Duty Officer' })
        .success,
    ).toBe(true);
    expect(
      issuedReportSchema.safeParse({ ...issued, id: randomUUID(), open: -1, by: '', byName: '' }).success,
    ).toBe(false);
  });
});

describe('the report marking', () => {
  it('is the council’s setting, or the default until an admin sets one', () => {
    expect(reportMarking([])).toBe(DEFAULT_REPORT_MARKING);
    expect(DEFAULT_REPORT_MARKING).toBe('OFFICIAL-SENSITIVE');
    expect(
      reportMarking([{ code: 'reportMarking', value: 'OFFICIAL', updatedAt: '2026-11-29T10:00:00Z' }]),
    ).toBe('OFFICIAL');
  });
});
