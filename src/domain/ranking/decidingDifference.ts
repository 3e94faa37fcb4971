// Why one partner is ranked above the next: the first ranking rule on which the two differ, in words
// ("above Hazelbury Pantry: covers Ashcombe ward itself"). Pure, and it reads only what the ranking
// recorded, so the sentence always names the rule that really decided.
import { CoverageTier, type ScoreParts } from './rankingRules.ts';
import { isolated } from '../words/isolated.ts';

/** What the decision needs to know about one ranked partner. */
export interface Placed {
  name: string;
  score: ScoreParts;
  /** The coverage reason in words ("covers Ashcombe ward"), or '' without a place. */
  covers: string;
}

const km = (distance: number | null) => (distance === null ? 'unknown' : `${distance.toFixed(1)} km`);

function coveragePhrase(above: Placed, below: Placed): string {
  switch (above.score.coverage) {
    case CoverageTier.ThePlace:
      return `${above.covers} itself`;
    case CoverageTier.Neighbouring:
      return below.score.coverage === CoverageTier.BoroughWide
        ? `${above.covers}; they work borough-wide`
        : above.covers;
    default:
      return 'works borough-wide; they work outside this area';
  }
}

/**
 * The deciding difference between `above` and the partner ranked just below it, in the order the
 * ranking applies its rules (see bestPlaced.ts). `immediate` says whether "reachable now" was a rule.
 */
export function decidingDifference(above: Placed, below: Placed, immediate: boolean): string {
  const a = above.score;
  const b = below.score;
  let phrase: string;
  if (immediate && a.reachableNow !== b.reachableNow) phrase = 'can be reached now; they are closed';
  else if (a.needsMet !== b.needsMet) phrase = `offers ${a.needsMet} of the needs; they offer ${b.needsMet}`;
  else if (a.coverage !== b.coverage) phrase = coveragePhrase(above, below);
  else if (a.distanceBand !== b.distanceBand)
    phrase =
      b.distanceKm === null
        ? `${km(a.distanceKm)} away; their distance is unknown`
        : `nearer: ${km(a.distanceKm)} against ${km(b.distanceKm)}`;
  else if (a.stale !== b.stale) phrase = `details verified ${a.verifiedDaysAgo} days ago; theirs are stale`;
  else if (a.openRequests !== b.openRequests)
    phrase = `fewer open requests: ${a.openRequests} against ${b.openRequests}`;
  else if (a.distanceKm !== b.distanceKm && a.distanceKm !== null)
    phrase = `a little nearer: ${km(a.distanceKm)} against ${km(b.distanceKm)}`;
  else phrase = 'equal on every rule; listed by name';
  return `above ${isolated(below.name)}: ${phrase}`;
}
