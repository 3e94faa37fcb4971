// How far a review round has got: each record's outcome in the round (its latest check, or not yet),
// and the count checked overall and per section, with the words a screen reader hears beside the bar.
import type { ReviewCheck, ReviewOutcome } from './reviewRound.ts';
import { itemKey, type ReviewItem, type ReviewSection } from './sections.ts';

export type RoundOutcome = ReviewOutcome | 'not_yet';

export const OUTCOME_WORDS: Record<RoundOutcome, string> = {
  still_correct: 'Still correct',
  edited: 'Edited',
  not_yet: 'Not yet',
};

/** The latest check of each record in the round ("entity:id" → check); later checks supersede earlier. */
export function latestChecks(checks: readonly ReviewCheck[], roundId: string): Map<string, ReviewCheck> {
  const latest = new Map<string, ReviewCheck>();
  for (const check of checks) {
    if (check.roundId !== roundId) continue;
    const key = itemKey({ entity: check.entity, id: check.recordId });
    const before = latest.get(key);
    if (
      !before ||
      check.checkedAt > before.checkedAt ||
      (check.checkedAt === before.checkedAt && check.id > before.id)
    )
      latest.set(key, check);
  }
  return latest;
}

export function outcomeOf(item: ReviewItem, latest: ReadonlyMap<string, ReviewCheck>): RoundOutcome {
  return latest.get(itemKey(item))?.outcome ?? 'not_yet';
}

export interface Progress {
  checked: number;
  total: number;
}

export interface RoundProgress {
  overall: Progress;
  bySection: Map<string, Progress>;
}

export function roundProgress(
  sections: readonly ReviewSection[],
  latest: ReadonlyMap<string, ReviewCheck>,
): RoundProgress {
  const bySection = new Map<string, Progress>();
  const overall: Progress = { checked: 0, total: 0 };
  for (const section of sections) {
    const checked = section.items.filter((item) => latest.has(itemKey(item))).length;
    bySection.set(section.code, { checked, total: section.items.length });
    overall.checked += checked;
    overall.total += section.items.length;
  }
  return { overall, bySection };
}

/** Whole per cent checked, rounded down so a round is never shown 100% before it is finished. */
export const percentChecked = ({ checked, total }: Progress): number =>
  total === 0 ? 100 : Math.floor((checked * 100) / total);

/** "12 of 40 checked (30%)". */
export const progressWords = (progress: Progress): string =>
  `${progress.checked} of ${progress.total} checked (${percentChecked(progress)}%)`;
