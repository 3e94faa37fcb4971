// Ranks wards by need, where the reports say help is hardest to reach: a ward that nobody covers for a
// capability comes first when it is deprived and has no parish council to organise help, then deprived
// parished wards, then unparished ones, then the rest; within each, the more deprived first, then the
// more gaps. Each ward comes with its reason in words, e.g. "Shepway South: no partner covers food;
// 1 of its 6 LSOAs in England's most deprived 10%; no parish council". Pure: the gap list, the
// dashboard and the tests call the same function.
import { capabilityLabel, type CapabilityId } from '../entities/capabilities.ts';
import { coverLevel, type WardGaps } from '../gaps/gapAnalysis.ts';
import { deprivationWords, type WardDeprivation } from '../geo/deprivation.ts';

/** England's most deprived 20% (deciles 1 and 2): "deprived" for ranking. */
export const DEPRIVED_DECILE = 2;

export interface WardNeed {
  code: string;
  name: string;
  parished: boolean;
  deprivation: WardDeprivation | null;
  /** Capabilities nobody covers here. */
  gaps: CapabilityId[];
  /** 1 deprived and unparished, 2 deprived, 3 unparished, 4 the rest. */
  tier: 1 | 2 | 3 | 4;
  reason: string;
}

const isDeprived = (deprivation: WardDeprivation | null) =>
  deprivation !== null && deprivation.mostDeprivedDecile <= DEPRIVED_DECILE;

function tierOf(parished: boolean, deprivation: WardDeprivation | null): WardNeed['tier'] {
  const deprived = isDeprived(deprivation);
  if (deprived && !parished) return 1;
  if (deprived) return 2;
  return parished ? 4 : 3;
}

/** Capabilities named in a reason; more are counted ("and 9 more") so the line stays readable. */
const NAMED_GAPS = 4;

/** "no partner covers food, medicines collection and transport" */
function gapWords(gaps: readonly CapabilityId[]): string {
  const labels = gaps.slice(0, NAMED_GAPS).map((gap) => capabilityLabel(gap).toLowerCase());
  if (gaps.length > NAMED_GAPS) labels.push(`${gaps.length - NAMED_GAPS} more`);
  const last = labels.pop();
  return `no partner covers ${labels.length > 0 ? `${labels.join(', ')} and ${last}` : last}`;
}

export function needReason(need: Pick<WardNeed, 'name' | 'parished' | 'deprivation' | 'gaps'>): string {
  const parts = [gapWords(need.gaps)];
  if (need.deprivation) parts.push(deprivationWords(need.deprivation));
  if (!need.parished) parts.push('no parish council');
  return `${need.name}: ${parts.join('; ')}`;
}

/**
 * The wards with at least one gap, most in need first. `deprivation` gives each ward code's summary
 * (from the ward records); a ward without one ranks as not deprived.
 */
export function rankWardsByNeed(
  rows: readonly WardGaps[],
  deprivation: ReadonlyMap<string, WardDeprivation>,
): WardNeed[] {
  const needs = rows.flatMap((row): WardNeed[] => {
    const gaps = [...row.counts]
      .filter(([, count]) => coverLevel(count) === 'gap')
      .map(([capability]) => capability);
    if (gaps.length === 0) return [];
    const summary = deprivation.get(row.code) ?? null;
    const need = { code: row.code, name: row.name, parished: row.parished, deprivation: summary, gaps };
    return [{ ...need, tier: tierOf(row.parished, summary), reason: needReason(need) }];
  });
  return needs.sort(
    (a, b) =>
      a.tier - b.tier ||
      (b.deprivation?.inMostDeprived10 ?? 0) - (a.deprivation?.inMostDeprived10 ?? 0) ||
      (b.deprivation?.inMostDeprived20 ?? 0) - (a.deprivation?.inMostDeprived20 ?? 0) ||
      (a.deprivation?.mostDeprivedDecile ?? 11) - (b.deprivation?.mostDeprivedDecile ?? 11) ||
      b.gaps.length - a.gaps.length ||
      a.name.localeCompare(b.name) ||
      a.code.localeCompare(b.code),
  );
}

/** Each ward's deprivation summary by code, from ward records. */
export function deprivationByWard(
  wards: readonly { code: string; deprivation?: WardDeprivation | undefined }[],
): Map<string, WardDeprivation> {
  return new Map(wards.flatMap((ward) => (ward.deprivation ? [[ward.code, ward.deprivation] as const] : [])));
}
