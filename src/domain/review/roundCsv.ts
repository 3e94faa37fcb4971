// The round's export for the voluntary-sector body: every record in the round, in section order, with
// who verified it, when, and the outcome (still correct, edited, or not yet). Rows of text; the app
// writes them as CSV.
import type { ReviewCheck } from './reviewRound.ts';
import { latestChecks, OUTCOME_WORDS, outcomeOf } from './progress.ts';
import { itemKey, type ReviewSection } from './sections.ts';
import { withoutIsolates } from '../words/isolated.ts';

export const ROUND_CSV_COLUMNS = [
  'Section',
  'Type',
  'Name',
  'Details',
  'Phone',
  'Last verified',
  'Outcome',
  'Verified by',
  'Verified at',
] as const;

export type RoundCsvRow = Record<(typeof ROUND_CSV_COLUMNS)[number], string>;

export function roundCsvRows(
  sections: readonly ReviewSection[],
  checks: readonly ReviewCheck[],
  roundId: string,
): RoundCsvRow[] {
  const latest = latestChecks(checks, roundId);
  return sections.flatMap((section) =>
    section.items.map((item) => {
      const check = latest.get(itemKey(item));
      return {
        Section: section.name,
        Type: item.entity === 'partner' ? 'Partner' : 'Contact',
        Name: item.name,
        Details: withoutIsolates(item.detail),
        Phone: item.phone,
        'Last verified': item.lastVerified,
        Outcome: OUTCOME_WORDS[outcomeOf(item, latest)],
        'Verified by': check?.byName ?? '',
        'Verified at': check?.checkedAt ?? '',
      };
    }),
  );
}
