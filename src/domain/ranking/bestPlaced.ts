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
import type { Partner } from '../entities/partner.ts';
import { availabilityAt, openDuring, ukMoment, type AvailabilityNow } from './availability.ts';
import { distanceKm } from './distance.ts';
import { placeOf, type Place, type ResolvedPlace } from '../entities/place.ts';
import { decidingDifference } from './decidingDifference.ts';
import { forEachCandidate, needsOf, type BestPlacedIndex } from './bestPlacedIndex.ts';
import { coverageReason, coverageTier, matchCoverage } from './coverageMatch.ts';
import { DISTANCE_BANDS_KM, rankKey, type ScoreParts } from './rankingRules.ts';
import { availabilityReason, daysAgoReason, needsReason } from './rankingReasons.ts';

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

const DAY_MS = 86_400_000;

function compareNames(a: Partner, b: Partner): number {
  return a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
  forEachCandidate(
    index,
    query.needs,
    query.includeNonStrategic ?? false,
    (candidate, needsBits, needsMet) => {
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
    },
  );

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
