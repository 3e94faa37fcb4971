// How a ward looks on the map for the chosen capability: a fill for its cover (hatched red for a gap,
// amber for borough-wide partners only, deeper blue for more partners) and words for its label and list
// entry, so nothing is told by colour alone. The same table drives the key.
import { coverLevel, type CoverCount, type CoverLevel } from '../../../domain/gaps/gapAnalysis.ts';

/** The SVG pattern the gap fill points at; MapScreen draws it once in a hidden <svg>. */
export const GAP_PATTERN_ID = 'ward-gap-hatch';

export interface CoverBand {
  id: string;
  label: string;
  fill: string;
  /** Fewest partners in this band (covered wards only). */
  from: number;
}

/** Bands for wards with at least one local partner, by the total number of partners. */
export const COVERED_BANDS: readonly CoverBand[] = [
  { id: 'covered-1', label: '1–4 partners', fill: '#c6dbef', from: 1 },
  { id: 'covered-5', label: '5–9 partners', fill: '#85b6da', from: 5 },
  { id: 'covered-10', label: '10–19 partners', fill: '#3f87c0', from: 10 },
  { id: 'covered-20', label: '20 or more partners', fill: '#0b4f6c', from: 20 },
];

export const GAP_FILL = `url(#${GAP_PATTERN_ID})`;
export const BOROUGH_WIDE_ONLY_FILL = '#f6c85f';
/** No capability chosen: every ward the same quiet fill. */
export const NEUTRAL_FILL = '#dfe6ea';

export interface WardLook {
  level: CoverLevel | 'none';
  fill: string;
  /** Short words for the label: "Gap", "12 partners (3 local)", … ; empty with no capability chosen. */
  words: string;
}

export function bandFor(total: number): CoverBand {
  let chosen = COVERED_BANDS[0] as CoverBand;
  for (const band of COVERED_BANDS) if (total >= band.from) chosen = band;
  return chosen;
}

const partnersWord = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;

export function wardLook(count: CoverCount | undefined): WardLook {
  if (count === undefined) return { level: 'none', fill: NEUTRAL_FILL, words: '' };
  const level = coverLevel(count);
  switch (level) {
    case 'gap':
      return { level, fill: GAP_FILL, words: 'Gap: no partner' };
    case 'boroughWideOnly':
      return {
        level,
        fill: BOROUGH_WIDE_ONLY_FILL,
        words: `${partnersWord(count.total)}, borough-wide only`,
      };
    case 'covered':
      return {
        level,
        fill: bandFor(count.total).fill,
        words: `${partnersWord(count.total)} (${count.local} local)`,
      };
  }
}

export const openRequestsWords = (n: number) => `${n} open request${n === 1 ? '' : 's'}`;
