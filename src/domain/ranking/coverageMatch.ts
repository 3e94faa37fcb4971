// How directly a partner covers the place asked about (rule 3 of bestPlaced.ts): the place's parish,
// one of its wards, a neighbouring ward, borough-wide or elsewhere, and that in words.
import type { Partner } from '../entities/partner.ts';
import type { ResolvedPlace } from '../entities/place.ts';
import type { IndexedPartner } from './bestPlacedIndex.ts';
import { CoverageTier } from './rankingRules.ts';

// Which part of the place a partner covers, as a number so the hot loop allocates nothing:
// PARISH_MATCH, a ward of the place (WARD_MATCH + its index), a neighbouring ward (NEIGHBOUR_MATCH +
// its index), or NO_MATCH.
const NO_MATCH = -1;
const PARISH_MATCH = 0;
const WARD_MATCH = 1;
const NEIGHBOUR_MATCH = 10_000;

export function matchCoverage(candidate: IndexedPartner, place: ResolvedPlace | null): number {
  if (!place) return NO_MATCH;
  if (place.parish && candidate.parishes.has(place.parish.code)) return PARISH_MATCH;
  for (let i = 0; i < place.wardCodes.length; i += 1) {
    if (candidate.wards.has(place.wardCodes[i]!)) return WARD_MATCH + i;
  }
  for (let i = 0; i < place.neighbourCodes.length; i += 1) {
    if (candidate.wards.has(place.neighbourCodes[i]!)) return NEIGHBOUR_MATCH + i;
  }
  return NO_MATCH;
}

export function coverageTier(match: number, partner: Partner): CoverageTier {
  if (match >= NEIGHBOUR_MATCH) return CoverageTier.Neighbouring;
  if (match >= PARISH_MATCH) return CoverageTier.ThePlace;
  return partner.coverage.boroughWide ? CoverageTier.BoroughWide : CoverageTier.Elsewhere;
}

export function coverageReason(match: number, partner: Partner, place: ResolvedPlace | null): string {
  if (!place) return '';
  if (match === PARISH_MATCH) return `covers ${place.parish?.name ?? ''} parish`;
  if (match >= NEIGHBOUR_MATCH) {
    const code = place.neighbourCodes[match - NEIGHBOUR_MATCH] ?? '';
    return `covers neighbouring ${place.neighbourNames.get(code) ?? code} ward`;
  }
  if (match >= WARD_MATCH) {
    const code = place.wardCodes[match - WARD_MATCH] ?? '';
    const ward = place.wardNames.get(code) ?? code;
    return partner.coverage.wards.includes(code) ? `covers ${ward} ward` : `covers a parish in ${ward} ward`;
  }
  return partner.coverage.boroughWide ? 'works borough-wide' : 'works outside this area';
}
