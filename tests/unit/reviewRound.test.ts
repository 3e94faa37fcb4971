// The quarterly review's pure parts over generated directories: every live record lands in exactly one
// section; progress equals a brute-force count of the records with a check in the round; the latest
// check decides the outcome; the CSV has one row per record with who verified it; "my sections" are
// the ones assigned to me.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { aParish, aWard } from '../support/area.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';
import { reviewSections } from '../../src/domain/review/sections.ts';
import {
  latestChecks,
  outcomeOf,
  percentChecked,
  progressWords,
  roundProgress,
} from '../../src/domain/review/progress.ts';
import { roundCsvRows } from '../../src/domain/review/roundCsv.ts';
import { assignmentsOf, mySections } from '../../src/domain/review/assignments.ts';
import {
  assignmentId,
  reviewAssignmentSchema,
  type ReviewAssignment,
  type ReviewCheck,
} from '../../src/domain/review/reviewRound.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';

const wards = [
  aWard('W1', 'Marden', 0.3),
  aWard('W2', 'Coxheath', 0.4),
  aWard('W3', 'High Street', 0.5, { parished: false }),
];
const parishes = [
  aParish('P1', 'Marden', ['W1']),
  aParish('P2', 'Coxheath and Linton', ['W1', 'W2']),
  aParish('P9', 'Gone', ['W2'], { retired: true }),
];
const ROUND = randomUUID();
const OTHER_ROUND = randomUUID();
const PEOPLE = [randomUUID(), randomUUID(), randomUUID()];

const partnerArb = fc
  .record({
    boroughWide: fc.boolean(),
    wards: fc.subarray(['W1', 'W2', 'W3', 'W-GONE']),
    parishes: fc.subarray(['P1', 'P2', 'P9']),
    status: fc.constantFrom('active' as const, 'paused' as const, 'closed' as const),
    name: fc.constantFrom('Food Bank', 'Good Neighbours', 'Hospice', 'Church'),
  })
  .map(({ boroughWide, wards: wardCodes, parishes: parishCodes, status, name }): Partner =>
    aPartner({ name, status, coverage: { boroughWide, wards: wardCodes, parishes: parishCodes } }),
  );
const contactArb = fc
  .record({
    parishCode: fc.option(fc.constantFrom('P1', 'P2', 'P9', 'P-UNKNOWN')),
    retired: fc.boolean(),
    name: fc.constantFrom('Clerk', 'Chair', 'Duty Manager'),
  })
  .map(({ parishCode, retired, name }): Contact => aContact({ name, parishCode, retired }));

const directoryArb = fc.record({
  partners: fc.array(partnerArb, { maxLength: 12 }),
  contacts: fc.array(contactArb, { maxLength: 12 }),
});

/** Checks of some of the directory's records (and of records not in it), in this round and another. */
const checksArb = (ids: { entity: 'partner' | 'contact'; id: string }[]) =>
  fc.array(
    fc.record({
      target: ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.constant(null)) : fc.constant(null),
      round: fc.constantFrom(ROUND, ROUND, OTHER_ROUND),
      outcome: fc.constantFrom('still_correct' as const, 'edited' as const),
      minute: fc.integer({ min: 0, max: 59 }),
      by: fc.constantFrom('Ann Reviewer', 'Bo Checker'),
    }),
    { maxLength: 30 },
  );

function toChecks(
  generated: {
    target: { entity: 'partner' | 'contact'; id: string } | null;
    round: string;
    outcome: 'still_correct' | 'edited';
    minute: number;
    by: string;
  }[],
): ReviewCheck[] {
  return generated.map((check) => ({
    id: randomUUID(),
    roundId: check.round,
    entity: check.target?.entity ?? 'partner',
    recordId: check.target?.id ?? randomUUID(),
    outcome: check.outcome,
    checkedAt: `2026-03-01T10:${String(check.minute).padStart(2, '0')}:00.000Z`,
    by: randomUUID(),
    byName: check.by,
  }));
}

const liveIds = (partners: Partner[], contacts: Contact[]) => [
  ...partners.filter((p) => p.status !== 'closed').map((p) => ({ entity: 'partner' as const, id: p.id })),
  ...contacts.filter((c) => !c.retired).map((c) => ({ entity: 'contact' as const, id: c.id })),
];

describe('review sections', () => {
  it('holds every partner not closed and every contact not retired exactly once', () => {
    fc.assert(
      fc.property(directoryArb, ({ partners, contacts }) => {
        const sections = reviewSections(wards, parishes, partners, contacts);
        const listed = sections.flatMap((section) =>
          section.items.map((item) => `${item.entity}:${item.id}`),
        );
        const expected = liveIds(partners, contacts).map(({ entity, id }) => `${entity}:${id}`);
        expect(listed.sort()).toEqual(expected.sort());
        expect(sections.every((section) => section.items.length > 0)).toBe(true);
        expect(new Set(sections.map((section) => section.code)).size).toBe(sections.length);
      }),
    );
  });

  it('puts a parish contact in its parish’s ward, a one-ward partner in that ward, and the rest apart', () => {
    const clerk = aContact({ name: 'Linton Clerk', parishCode: 'P2' });
    const council = aContact({ name: 'Duty Manager', parishCode: null, organisation: 'Borough Council' });
    const local = aPartner({
      name: 'Marden Pantry',
      coverage: { boroughWide: false, wards: [], parishes: ['P1'] },
    });
    const wide = aPartner({
      name: 'County Welfare',
      coverage: { boroughWide: true, wards: [], parishes: [] },
    });
    const spread = aPartner({
      name: 'Two Wards',
      coverage: { boroughWide: false, wards: ['W2', 'W3'], parishes: [] },
    });
    const sections = reviewSections(wards, parishes, [local, wide, spread], [clerk, council]);
    expect(sections.map((section) => [section.name, section.items.map((item) => item.name)])).toEqual([
      ['Borough-wide partners', ['County Welfare']],
      // P2 lies in Marden and Coxheath: checked with the first by name.
      ['Coxheath', ['Linton Clerk']],
      ['Marden', ['Marden Pantry']],
      ['Partners working in several wards', ['Two Wards']],
      ['Council and other contacts', ['Duty Manager']],
    ]);
  });
});

describe('round progress', () => {
  it('equals a brute-force count of the records with a check in this round, overall and per section', () => {
    fc.assert(
      fc.property(
        directoryArb.chain((directory) =>
          checksArb(liveIds(directory.partners, directory.contacts)).map((checks) => ({
            ...directory,
            checks,
          })),
        ),
        ({ partners, contacts, checks: generated }) => {
          const checks = toChecks(generated);
          const sections = reviewSections(wards, parishes, partners, contacts);
          const progress = roundProgress(sections, latestChecks(checks, ROUND));
          const checkedInRound = (item: { entity: string; id: string }) =>
            checks.some((c) => c.roundId === ROUND && c.entity === item.entity && c.recordId === item.id);
          let total = 0;
          let checked = 0;
          for (const section of sections) {
            const sectionChecked = section.items.filter(checkedInRound).length;
            expect(progress.bySection.get(section.code)).toEqual({
              checked: sectionChecked,
              total: section.items.length,
            });
            total += section.items.length;
            checked += sectionChecked;
          }
          expect(progress.overall).toEqual({ checked, total });
          expect(percentChecked(progress.overall)).toBeLessThanOrEqual(100);
          if (checked < total) expect(percentChecked(progress.overall)).toBeLessThan(100);
        },
      ),
    );
  });

  it('takes each record’s outcome from its latest check in the round', () => {
    const partner = aPartner();
    const check = (minute: number, outcome: ReviewCheck['outcome'], roundId = ROUND): ReviewCheck => ({
      id: randomUUID(),
      roundId,
      entity: 'partner',
      recordId: partner.id,
      outcome,
      checkedAt: `2026-03-01T10:${minute}:00.000Z`,
      by: randomUUID(),
      byName: 'Ann',
    });
    const item = reviewSections(wards, parishes, [partner], [])[0]!.items[0]!;
    expect(outcomeOf(item, latestChecks([], ROUND))).toBe('not_yet');
    expect(outcomeOf(item, latestChecks([check(10, 'edited'), check(20, 'still_correct')], ROUND))).toBe(
      'still_correct',
    );
    expect(outcomeOf(item, latestChecks([check(30, 'edited'), check(20, 'still_correct')], ROUND))).toBe(
      'edited',
    );
    expect(outcomeOf(item, latestChecks([check(30, 'edited', OTHER_ROUND)], ROUND))).toBe('not_yet');
  });

  it('says it in words', () => {
    expect(progressWords({ checked: 1, total: 3 })).toBe('1 of 3 checked (33%)');
    expect(progressWords({ checked: 0, total: 0 })).toBe('0 of 0 checked (100%)');
  });
});

describe('the round’s CSV rows', () => {
  it('has one row per record in section order, with who verified it, when and the outcome', () => {
    fc.assert(
      fc.property(
        directoryArb.chain((directory) =>
          checksArb(liveIds(directory.partners, directory.contacts)).map((checks) => ({
            ...directory,
            checks,
          })),
        ),
        ({ partners, contacts, checks: generated }) => {
          const checks = toChecks(generated);
          const sections = reviewSections(wards, parishes, partners, contacts);
          const rows = roundCsvRows(sections, checks, ROUND);
          expect(rows.map((row) => row.Section)).toEqual(
            sections.flatMap((section) => section.items.map(() => section.name)),
          );
          const latest = latestChecks(checks, ROUND);
          const items = sections.flatMap((section) => section.items);
          rows.forEach((row, index) => {
            const check = latest.get(`${items[index]!.entity}:${items[index]!.id}`);
            expect(row['Verified by']).toBe(check?.byName ?? '');
            expect(row['Verified at']).toBe(check?.checkedAt ?? '');
            expect(row.Outcome).toBe(
              check ? (check.outcome === 'edited' ? 'Edited' : 'Still correct') : 'Not yet',
            );
          });
        },
      ),
    );
  });
});

describe('assignments', () => {
  const assignment = (section: string, assigneeId: string | null, roundId = ROUND): ReviewAssignment => ({
    id: assignmentId(roundId, section),
    roundId,
    section,
    assigneeId,
    assigneeName: assigneeId ? 'Someone' : '',
    updatedAt: '2026-03-01T10:00:00.000Z',
  });

  it('gives me the sections assigned to me in this round only', () => {
    const sections = reviewSections(
      wards,
      parishes,
      [aPartner({ coverage: { boroughWide: true, wards: [], parishes: [] } })],
      [aContact({ parishCode: 'P1' }), aContact({ parishCode: null, organisation: 'Council' })],
    );
    const assigned = assignmentsOf(
      [
        assignment('borough', PEOPLE[0]!),
        assignment('ward:W1', PEOPLE[1]!),
        assignment('other', null),
        assignment('other', PEOPLE[0]!, OTHER_ROUND),
      ],
      ROUND,
    );
    expect(mySections(sections, assigned, PEOPLE[0]!).map((section) => section.code)).toEqual(['borough']);
    expect(mySections(sections, assigned, PEOPLE[2]!)).toEqual([]);
    expect(assigned.has('other')).toBe(false);
  });

  it('refuses an assignment whose id is not its round and section', () => {
    expect(reviewAssignmentSchema.safeParse(assignment('ward:W1', PEOPLE[0]!)).success).toBe(true);
    expect(
      reviewAssignmentSchema.safeParse({ ...assignment('ward:W1', PEOPLE[0]!), id: `${ROUND}/borough` })
        .success,
    ).toBe(false);
    expect(
      reviewAssignmentSchema.safeParse({ ...assignment('ward:W1', null), section: 'ward:a b' }).success,
    ).toBe(false);
  });
});
