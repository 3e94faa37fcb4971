// The ranking's rules as numbers: how a score is recorded, and the rules folded into one key so that
// most candidates are turned away by comparing two numbers (bestPlaced.ts says what each rule means).

/** How directly a partner covers the place: higher is better. */
export const CoverageTier = { Elsewhere: 0, BoroughWide: 1, Neighbouring: 2, ThePlace: 3 } as const;
export type CoverageTier = (typeof CoverageTier)[keyof typeof CoverageTier];

export interface ScoreParts {
  needsMet: number;
  coverage: CoverageTier;
  /** Open, 24/7 or with an out-of-hours line at the query's moment (only worked out for immediate needs). */
  reachableNow: boolean;
  distanceKm: number | null;
  distanceBand: number;
  verifiedDaysAgo: number;
  stale: boolean;
  openRequests: number;
}

/** The distance bands of rule 4, in km: within 2, 5, 10, 20, then farther or unknown. */
export const DISTANCE_BANDS_KM = [2, 5, 10, 20];

/**
 * Rules 1–6 folded into one number, larger is better, so most candidates are turned away by comparing
 * two numbers. The fields are packed in rule order; each fits its slot (needs met is capped at 31 and
 * load at 2^20 − 1; the largest key stays below 2^44, well inside a double's exact integers).
 */
export function rankKey(
  reachableNow: boolean,
  needsMet: number,
  tier: number,
  band: number,
  stale: boolean,
  load: number,
) {
  const rules =
    ((((reachableNow ? 1 : 0) * 32 + Math.min(needsMet, 31)) * 4 + tier) * 8 + (7 - band)) * 2 +
    (stale ? 0 : 1);
  return rules * 1_048_576 + (1_048_575 - Math.min(load, 1_048_575));
}
