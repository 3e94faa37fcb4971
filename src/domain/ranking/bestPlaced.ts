// Best placed: who can help with these needs, at this place, now — ranked, with reasons a person can
// check. Pure: the app runs it offline over IndexedDB's copy; the bench runs it over generated data.
//
// Eligible: active partners offering at least one of the needs; strategic partners only unless the
// query includes the rest. Ranking compares these rules in order; the first that differs decides:
//   1. reachable now (immediate needs only) — open now, open 24/7, or closed with an out-of-hours
//      line, before closed with no one to answer. First, because a partner nobody answers cannot
//      help with an immediate need however well it covers the place.
//   2. needs met — a partner offering more of the needs asked for comes first.
//   3. coverage — covers the place > covers a neighbouring ward > borough-wide > elsewhere.
//   4. distance band — base within 2, 5, 10, 20 km, then farther or unknown.
//   5. verified — details confirmed within the stale limit before stale ones.
//   6. load — fewer open requests already assigned first.
//   7. exact distance, then name, then id — so equal partners keep one stable order.
// Each ranked partner carries its reasons, the number that answers now (the out-of-hours line when
// it is closed), and the deciding difference from the partner below it (decidingDifference.ts).
import type { CapabilityId } from '../entities/capabilities.ts';
import { outOfHoursPhoneFor } from '../entities/partner.ts';
import { capabilityLabel } from '../entities/capabilities.ts';
import type { Parish, Ward } from '../geo/area.ts';
import type { Partner } from '../entities/partner.ts';
import { isStrategic } from '../entities/partner.ts';
import {
  availabilityAt,
  openDuring,
  ukMoment,
  weeklyIntervals,
  type AvailabilityNow,
} from './availability.ts';
import { distanceKm } from './distance.ts';
import { placeOf, type Place, type ResolvedPlace } from '../entities/place.ts';
import { decidingDifference } from './decidingDifference.ts';

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
  /** Open, 24/7 or with an out-of-hours line at the query's moment (only worked out for immediate needs). */
  reachableNow: boolean;
  distanceKm: number | null;
  distanceBand: number;
  verifiedDaysAgo: number;
  stale: boolean;
  openRequests: number;
}

/** The number to dial first: the one that answers at the query's moment. */
export interface CallNow {
  phone: string;
  /** True when it is the out-of-hours line (the partner is closed and has one). */
  outOfHours: boolean;
  /** The other number, if any, for a second button. */
  otherPhone: string | null;
}

export interface RankedPartner {
  partner: Partner;
  matchedNeeds: CapabilityId[];
  score: ScoreParts;
  reasons: string[];
  callNow: CallNow;
  /** "above <next partner>: <the rule that decided>"; null for the last one shown. */
  decidingReason: string | null;
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
  hasOutOfHoursLine: boolean;
  /** Its place in the index (0, 1, 2…): lets a query mark what it has seen in a typed array. */
  slot: number;
}

/** Built once per change of the directory; queries then touch only partners with a needed capability. */
export interface BestPlacedIndex {
  byCapability: ReadonlyMap<CapabilityId, readonly IndexedPartner[]>;
  /** How many partners are indexed (the slots run 0 … size − 1). */
  size: number;
  /**
   * A query's working space, by slot: the needs each candidate meets. Made once with the index, not
   * once per query (hundreds of kilobytes at 100k partners); all zero between queries.
   */
  needsBySlot: Uint32Array;
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
  let size = 0;
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
      hasOutOfHoursLine: partner.availability.outOfHoursPhone !== null,
      slot: size,
    };
    size += 1;
    for (const capability of partner.capabilities) {
      const list = byCapability.get(capability);
      if (list) list.push(indexed);
      else byCapability.set(capability, [indexed]);
    }
  }
  return {
    byCapability,
    size,
    needsBySlot: new Uint32Array(size),
    wards: new Map(wards.map((ward) => [ward.code, ward])),
    parishes: parishMap,
  };
}

const DISTANCE_BANDS_KM = [2, 5, 10, 20];
const DAY_MS = 86_400_000;

// Which part of the place a partner covers, as a number so the hot loop allocates nothing:
// PARISH_MATCH, a ward of the place (WARD_MATCH + its index), a neighbouring ward (NEIGHBOUR_MATCH +
// its index), or NO_MATCH.
const NO_MATCH = -1;
const PARISH_MATCH = 0;
const WARD_MATCH = 1;
const NEIGHBOUR_MATCH = 10_000;

function matchCoverage(candidate: IndexedPartner, place: ResolvedPlace | null): number {
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

function coverageTier(match: number, partner: Partner): CoverageTier {
  if (match >= NEIGHBOUR_MATCH) return CoverageTier.Neighbouring;
  if (match >= PARISH_MATCH) return CoverageTier.ThePlace;
  return partner.coverage.boroughWide ? CoverageTier.BoroughWide : CoverageTier.Elsewhere;
}

function coverageReason(match: number, partner: Partner, place: ResolvedPlace | null): string {
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

function compareNames(a: Partner, b: Partner): number {
  return a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Calls `visit` once per eligible candidate with the needs it meets, as bits (bit i: query.needs[i])
 * and their count. One need (the usual case) needs no merging; several are merged by slot in the
 * index's working space, so tens of thousands of candidates cost no allocation each, and a second pass
 * over the same lists visits each candidate once, clearing its slot as it goes.
 */
function forEachCandidate(
  index: BestPlacedIndex,
  query: BestPlacedQuery,
  visit: (candidate: IndexedPartner, needsBits: number, needsMet: number) => void,
): void {
  const includeAll = query.includeNonStrategic ?? false;
  const [only] = query.needs;
  if (query.needs.length === 1 && only) {
    for (const candidate of index.byCapability.get(only) ?? []) {
      if (includeAll || candidate.strategic) visit(candidate, 1, 1);
    }
    return;
  }
  // More needs than there are capabilities: the rest repeat earlier ones.
  const lists = query.needs.slice(0, 32).map((need) => index.byCapability.get(need) ?? []);
  const bits = index.needsBySlot;
  try {
    lists.forEach((list, at) => {
      for (const candidate of list) {
        if (includeAll || candidate.strategic) bits[candidate.slot]! |= 1 << at;
      }
    });
    for (const list of lists) {
      for (const candidate of list) {
        const mask = bits[candidate.slot]!;
        if (mask === 0) continue; // not eligible, or already visited
        bits[candidate.slot] = 0;
        let count = 0;
        for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
        visit(candidate, mask, count);
      }
    }
  } catch (error) {
    bits.fill(0); // leave the working space clean for the next query
    throw error;
  }
}

/** The needs named by a bit mask from forEachCandidate, in the query's order. */
function needsOf(needs: readonly CapabilityId[], bits: number): CapabilityId[] {
  return needs.filter((_, at) => at < 32 && (bits & (1 << at)) !== 0);
}

/**
 * Rules 1–6 folded into one number, larger is better, so most candidates are turned away by comparing
 * two numbers. The fields are packed in rule order; each fits its slot (needs met is capped at 31 and
 * load at 2^20 − 1; the largest key stays below 2^44, well inside a double's exact integers).
 */
function rankKey(
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

/**
 * The number that answers at this moment: the out-of-hours line when closed and there is one the
 * partner agreed to be called on.
 */
function callNowFor(partner: Partner, availability: AvailabilityNow): CallNow {
  const outOfHours = outOfHoursPhoneFor(partner);
  if (availability.kind === 'closed' && outOfHours)
    return { phone: outOfHours, outOfHours: true, otherPhone: partner.phone };
  return { phone: partner.phone, outOfHours: false, otherPhone: outOfHours };
}

const NO_CALL: CallNow = { phone: '', outOfHours: false, otherPhone: null };

interface Kept {
  entry: RankedPartner;
  key: number;
  km: number;
  match: number;
}

/** Negative when a ranks before b: the key, then exact distance, then name and id. */
function compareKept(a: Kept, b: Kept): number {
  return b.key - a.key || a.km - b.km || compareNames(a.entry.partner, b.entry.partner);
}

export function bestPlaced(index: BestPlacedIndex, query: BestPlacedQuery): BestPlacedAnswer {
  const place = placeOf(query.place, index.wards, index.parishes);
  const moment = ukMoment(query.at);
  const staleAfterMs = (query.staleAfterDays ?? 90) * DAY_MS;
  const now = query.at.getTime();
  const immediate = query.urgency === 'immediate';
  const limit = query.limit ?? 20;

  // Keep only the best `limit`, in order, as candidates stream past: cheaper than sorting them all.
  const top: Kept[] = [];
  let eligible = 0;
  forEachCandidate(index, query, (candidate, needsBits, needsMet) => {
    eligible += 1;
    const { partner } = candidate;
    const match = matchCoverage(candidate, place);
    const tier = coverageTier(match, partner);
    // Only immediate needs look at the clock; the answer for later needs does not depend on it.
    const reachableNow =
      immediate &&
      (candidate.openHours === null ||
        candidate.hasOutOfHoursLine ||
        openDuring(candidate.openHours, moment));
    const stale = now - candidate.verifiedAt > staleAfterMs;
    const openRequests = query.openRequests?.get(partner.id) ?? 0;
    const worst = top.length >= limit ? top[top.length - 1] : undefined;
    // Most candidates lose on the rules before distance even in the nearest band: turn them away
    // before working out the distance (the costliest part of a candidate).
    if (worst && rankKey(reachableNow, needsMet, tier, 0, stale, openRequests) < worst.key) return;
    const located = place !== null && partner.base.lat !== null && partner.base.lon !== null;
    const km = located ? distanceKm(place.lat, place.lon, partner.base.lat!, partner.base.lon!) : Infinity;
    let band = 0;
    while (band < DISTANCE_BANDS_KM.length && km >= DISTANCE_BANDS_KM[band]!) band += 1;
    const key = rankKey(reachableNow, needsMet, tier, band, stale, openRequests);
    if (worst && (key < worst.key || (key === worst.key && km > worst.km))) return;
    const score: ScoreParts = {
      needsMet,
      coverage: tier,
      reachableNow,
      distanceKm: located ? km : null,
      distanceBand: band,
      verifiedDaysAgo: Math.floor((now - candidate.verifiedAt) / DAY_MS),
      stale,
      openRequests,
    };
    const kept: Kept = {
      entry: {
        partner,
        matchedNeeds: needsOf(query.needs, needsBits),
        score,
        reasons: [],
        callNow: NO_CALL,
        decidingReason: null,
      },
      key,
      km,
      match,
    };
    let at = top.length;
    while (at > 0 && compareKept(kept, top[at - 1]!) < 0) at -= 1;
    if (at >= limit) return;
    top.splice(at, 0, kept);
    if (top.length > limit) top.pop();
  });

  // Reasons only for what is shown: words cost more than numbers.
  const covers = top.map(({ entry, match }) => coverageReason(match, entry.partner, place));
  const ranked = top.map(({ entry }, at) => {
    const { partner, score } = entry;
    const availability = availabilityAt(partner, moment);
    entry.callNow = callNowFor(partner, availability);
    const below = top[at + 1];
    entry.decidingReason = below
      ? decidingDifference(
          { name: partner.name, score, covers: covers[at]! },
          { name: below.entry.partner.name, score: below.entry.score, covers: covers[at + 1]! },
          immediate,
        )
      : null;
    entry.reasons = [
      covers[at]!,
      needsReason(entry.matchedNeeds, query.needs),
      availabilityReason(availability),
      score.distanceKm === null ? 'distance unknown' : `${score.distanceKm.toFixed(1)} km away`,
      daysAgoReason(score.verifiedDaysAgo, score.stale),
      ...(score.openRequests > 0
        ? [`${score.openRequests} open request${score.openRequests === 1 ? '' : 's'} already`]
        : []),
    ].filter((text) => text !== '');
    return entry;
  });
  return { ranked, eligible, place };
}
