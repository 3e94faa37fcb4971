// Best placed: who can help with these needs, at this place, now — ranked, with reasons a person can
// check. Pure: the app runs it offline over IndexedDB's copy; the bench runs it over generated data.
//
// Eligible: active partners offering at least one of the needs; strategic partners only unless the
// query includes the rest. Ranking compares these rules in order; the first that differs decides:
//   1. needs met — a partner offering more of the needs asked for comes first.
//   2. coverage — covers the place > covers a neighbouring ward > borough-wide > elsewhere.
//   3. available now (immediate needs only) — 24/7 or open now before closed. Placed before distance
//      because a closed partner next door cannot help with an immediate need.
//   4. distance band — base within 2, 5, 10, 20 km, then farther or unknown.
//   5. verified — details confirmed within the stale limit before stale ones.
//   6. load — fewer open requests already assigned first.
//   7. exact distance, then name, then id — so equal partners keep one stable order.
import type { CapabilityId } from './capabilities.ts';
import { capabilityLabel } from './capabilities.ts';
import type { Parish, Ward } from './area.ts';
import type { Partner } from './partner.ts';
import { isStrategic } from './partner.ts';
import {
  availabilityAt,
  openDuring,
  ukMoment,
  weeklyIntervals,
  type AvailabilityNow,
} from './availability.ts';
import { distanceKm } from './distance.ts';
import { placeOf, type Place, type ResolvedPlace } from './place.ts';

export type Urgency = 'immediate' | 'today' | 'this_week';

export interface BestPlacedQuery {
  needs: readonly CapabilityId[];
  place: Place;
  at: Date;
  urgency: Urgency;
  includeNonStrategic?: boolean;
  /** Days after which details count as stale (the quarterly review: 90). */
  staleAfterDays?: number;
  /** How many to return; the total eligible is reported too. */
  limit?: number;
  /** Open requests already assigned to each partner, by partner id. */
  openRequests?: ReadonlyMap<string, number>;
}

/** How directly a partner covers the place: higher is better. */
export const CoverageTier = { Elsewhere: 0, BoroughWide: 1, Neighbouring: 2, ThePlace: 3 } as const;
export type CoverageTier = (typeof CoverageTier)[keyof typeof CoverageTier];

export interface ScoreParts {
  needsMet: number;
  coverage: CoverageTier;
  availableNow: boolean;
  distanceKm: number | null;
  distanceBand: number;
  verifiedDaysAgo: number;
  stale: boolean;
  openRequests: number;
}

export interface RankedPartner {
  partner: Partner;
  matchedNeeds: CapabilityId[];
  score: ScoreParts;
  reasons: string[];
}

export interface BestPlacedAnswer {
  ranked: RankedPartner[];
  eligible: number;
  place: ResolvedPlace | null;
}

interface IndexedPartner {
  partner: Partner;
  /** Wards named directly or through a parish that lies in them. */
  wards: ReadonlySet<string>;
  parishes: ReadonlySet<string>;
  strategic: boolean;
  verifiedAt: number;
  /** Opening hours as minutes of the week; null when open 24/7. */
  openHours: [number, number][] | null;
}

/** Built once per change of the directory; queries then touch only partners with a needed capability. */
export interface BestPlacedIndex {
  byCapability: ReadonlyMap<CapabilityId, readonly IndexedPartner[]>;
  wards: ReadonlyMap<string, Ward>;
  parishes: ReadonlyMap<string, Parish>;
}

export function buildBestPlacedIndex(
  partners: readonly Partner[],
  wards: readonly Ward[],
  parishes: readonly Parish[],
): BestPlacedIndex {
  const parishMap = new Map(parishes.map((parish) => [parish.code, parish]));
  const byCapability = new Map<CapabilityId, IndexedPartner[]>();
  for (const partner of partners) {
    if (partner.status !== 'active') continue;
    const covered = new Set(partner.coverage.wards);
    for (const code of partner.coverage.parishes)
      for (const ward of parishMap.get(code)?.wardCodes ?? []) covered.add(ward);
    const indexed: IndexedPartner = {
      partner,
      wards: covered,
      parishes: new Set(partner.coverage.parishes),
      strategic: isStrategic(partner),
      verifiedAt: Date.parse(partner.lastVerified),
      openHours: partner.availability.always ? null : weeklyIntervals(partner.availability.hours),
    };
    for (const capability of partner.capabilities) {
      const list = byCapability.get(capability);
      if (list) list.push(indexed);
      else byCapability.set(capability, [indexed]);
    }
  }
  return { byCapability, wards: new Map(wards.map((ward) => [ward.code, ward])), parishes: parishMap };
}

const DISTANCE_BANDS_KM = [2, 5, 10, 20];
const DAY_MS = 86_400_000;

/** How a partner covers the place: the tier, and the reason in words — made only when shown. */
interface CoverageMatch {
  tier: CoverageTier;
  reason: () => string;
}

const BOROUGH_WIDE: CoverageMatch = { tier: CoverageTier.BoroughWide, reason: () => 'works borough-wide' };
const ELSEWHERE: CoverageMatch = { tier: CoverageTier.Elsewhere, reason: () => 'works outside this area' };
const NO_PLACE: CoverageMatch = { tier: CoverageTier.Elsewhere, reason: () => '' };

function coverageOf(candidate: IndexedPartner, place: ResolvedPlace | null): CoverageMatch {
  if (!place) return NO_PLACE;
  const { partner } = candidate;
  const { parish } = place;
  if (parish && candidate.parishes.has(parish.code)) {
    return { tier: CoverageTier.ThePlace, reason: () => `covers ${parish.name} parish` };
  }
  for (const code of place.wardCodes) {
    if (candidate.wards.has(code)) {
      const ward = () => place.wardNames.get(code) ?? code;
      return {
        tier: CoverageTier.ThePlace,
        reason: () =>
          partner.coverage.wards.includes(code)
            ? `covers ${ward()} ward`
            : `covers a parish in ${ward()} ward`,
      };
    }
  }
  for (const code of place.neighbourCodes) {
    if (candidate.wards.has(code)) {
      return {
        tier: CoverageTier.Neighbouring,
        reason: () => `covers neighbouring ${place.neighbourNames.get(code) ?? code} ward`,
      };
    }
  }
  return partner.coverage.boroughWide ? BOROUGH_WIDE : ELSEWHERE;
}

function availabilityReason(availability: AvailabilityNow): string {
  switch (availability.kind) {
    case 'always':
      return 'open 24/7';
    case 'open':
      return `open now until ${availability.until}`;
    case 'closed':
      return availability.outOfHoursPhone ? 'closed now · has an out-of-hours number' : 'closed now';
  }
}

function daysAgoReason(days: number, stale: boolean): string {
  const when = days <= 0 ? 'verified today' : days === 1 ? 'verified yesterday' : `verified ${days} days ago`;
  return stale ? `${when} — stale, check the details` : when;
}

function needsReason(matched: readonly CapabilityId[], needs: readonly CapabilityId[]): string {
  const offered = matched.map((need) => capabilityLabel(need).toLowerCase()).join(', ');
  const missing = needs.filter((need) => !matched.includes(need));
  if (missing.length === 0) return needs.length > 1 ? `offers all of: ${offered}` : `offers ${offered}`;
  return `offers ${offered}; not ${missing.map((need) => capabilityLabel(need).toLowerCase()).join(', ')}`;
}

/** Negative when a ranks before b: the rules in the header, in order. */
export function compareRanked(a: RankedPartner, b: RankedPartner, immediate: boolean): number {
  return compareParts(a.score, b.score, immediate) || compareNames(a.partner, b.partner);
}

function compareParts(x: ScoreParts, y: ScoreParts, immediate: boolean): number {
  return (
    y.needsMet - x.needsMet ||
    y.coverage - x.coverage ||
    (immediate ? Number(y.availableNow) - Number(x.availableNow) : 0) ||
    x.distanceBand - y.distanceBand ||
    Number(x.stale) - Number(y.stale) ||
    x.openRequests - y.openRequests ||
    (x.distanceKm ?? Infinity) - (y.distanceKm ?? Infinity)
  );
}

function compareNames(a: Partner, b: Partner): number {
  return a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Each candidate once, with the needs it meets. One need (the usual case) needs no merging. */
function candidatesFor(index: BestPlacedIndex, query: BestPlacedQuery): [IndexedPartner, CapabilityId[]][] {
  const eligible = (candidate: IndexedPartner) => query.includeNonStrategic || candidate.strategic;
  const [only] = query.needs;
  if (query.needs.length === 1 && only) {
    const met = [only];
    const list = index.byCapability.get(only) ?? [];
    const candidates: [IndexedPartner, CapabilityId[]][] = [];
    for (const candidate of list) if (eligible(candidate)) candidates.push([candidate, met]);
    return candidates;
  }
  const candidates = new Map<IndexedPartner, CapabilityId[]>();
  for (const need of query.needs) {
    for (const candidate of index.byCapability.get(need) ?? []) {
      if (!eligible(candidate)) continue;
      const met = candidates.get(candidate);
      if (met) met.push(need);
      else candidates.set(candidate, [need]);
    }
  }
  return [...candidates];
}

export function bestPlaced(index: BestPlacedIndex, query: BestPlacedQuery): BestPlacedAnswer {
  const place = placeOf(query.place, index.wards, index.parishes);
  const moment = ukMoment(query.at);
  const staleAfterMs = (query.staleAfterDays ?? 90) * DAY_MS;
  const now = query.at.getTime();
  const immediate = query.urgency === 'immediate';
  const limit = query.limit ?? 20;

  // Keep only the best `limit`, in order, as candidates stream past: cheaper than sorting them all.
  const top: RankedPartner[] = [];
  const coverageReasons = new Map<RankedPartner, () => string>();
  let eligible = 0;
  for (const [candidate, matchedNeeds] of candidatesFor(index, query)) {
    eligible += 1;
    const { partner } = candidate;
    const coverage = coverageOf(candidate, place);
    const km =
      place && partner.base.lat !== null && partner.base.lon !== null
        ? distanceKm(place.lat, place.lon, partner.base.lat, partner.base.lon)
        : null;
    let band = km === null ? -1 : DISTANCE_BANDS_KM.findIndex((limitKm) => km < limitKm);
    if (band === -1) band = DISTANCE_BANDS_KM.length;
    const score: ScoreParts = {
      needsMet: matchedNeeds.length,
      coverage: coverage.tier,
      // Only immediate needs look at the clock; the answer for later needs does not depend on it.
      availableNow: immediate
        ? candidate.openHours === null || openDuring(candidate.openHours, moment)
        : false,
      distanceKm: km,
      distanceBand: band,
      verifiedDaysAgo: Math.floor((now - candidate.verifiedAt) / DAY_MS),
      stale: now - candidate.verifiedAt > staleAfterMs,
      openRequests: query.openRequests?.get(partner.id) ?? 0,
    };
    const worst = top[top.length - 1];
    if (top.length >= limit && worst) {
      const order = compareParts(score, worst.score, immediate) || compareNames(partner, worst.partner);
      if (order >= 0) continue;
    }
    const entry: RankedPartner = { partner, matchedNeeds, score, reasons: [] };
    let at = top.length;
    while (at > 0 && compareRanked(entry, top[at - 1]!, immediate) < 0) at -= 1;
    top.splice(at, 0, entry);
    coverageReasons.set(entry, coverage.reason);
    if (top.length > limit) top.pop();
  }

  // Reasons only for what is shown: words cost more than numbers.
  for (const entry of top) {
    const { partner, score } = entry;
    entry.reasons = [
      coverageReasons.get(entry)?.() ?? '',
      needsReason(entry.matchedNeeds, query.needs),
      availabilityReason(availabilityAt(partner, moment)),
      score.distanceKm === null ? 'distance unknown' : `${score.distanceKm.toFixed(1)} km away`,
      daysAgoReason(score.verifiedDaysAgo, score.stale),
      ...(score.openRequests > 0
        ? [`${score.openRequests} open request${score.openRequests === 1 ? '' : 's'} already`]
        : []),
    ].filter((reason) => reason !== '');
  }
  return { ranked: top, eligible, place };
}
