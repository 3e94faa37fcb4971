// The dashboard's figures for one incident or the whole borough, from the records on this device: open
// requests by status, need, ward and urgency; opened and closed over time; how long requests waited to
// be assigned and to be closed; the oldest unassigned immediate requests; each partner's open load; and
// the wards with open immediate requests. Pure, so the app computes them offline and the tests check
// them against a brute-force count.
//
// A request is counted where it is now (its current ward, status and incident), whatever it was before.
// A request placed by a parish spanning several wards belongs to no one ward (as in the gap table) and
// is counted under "ward not known" rather than twice.
import type { Parish, Ward } from '../geo/area.ts';
import type { CapabilityId } from '../entities/capabilities.ts';
import { CAPABILITIES } from '../entities/capabilities.ts';
import {
  isOpen,
  REQUEST_STATUSES,
  URGENCIES,
  type HelpRequest,
  type RequestStatus,
} from '../entities/request.ts';
import type { TimelineEntry } from '../entities/timeline.ts';
import { compareRequests, openAssignmentsByPartner } from '../requests/requestList.ts';
import { spreadOf, type Spread } from './percentiles.ts';
import { linesByRequest, statusHistory, type StatusHistory } from './statusHistory.ts';
import { chooseBucketSize, openedAndClosedOverTime, type BucketSize, type OverTime } from './overTime.ts';
import { keptWardNames, WARD_GONE } from '../geo/placeName.ts';

export interface DashboardInput {
  requests: readonly HelpRequest[];
  timeline: readonly TimelineEntry[];
  wards: readonly Pick<Ward, 'code' | 'name'>[];
  parishes: readonly Pick<Parish, 'code' | 'wardCodes'>[];
  /** One incident's id, or null for every request in the borough. */
  incidentId: string | null;
  /** An ISO instant: ages are measured to it. */
  now: string;
  /** The local zone's offset from UTC in minutes (60 in British Summer Time), for hour and day buckets. */
  offsetMinutes: number;
  /** Hour or day buckets; chosen from the span of events when left out. */
  bucketSize?: BucketSize;
}

export interface Tally<K> {
  key: K;
  label: string;
  count: number;
}

export interface WaitingRequest {
  request: HelpRequest;
  ageMinutes: number;
  /** The ward's name, or the address when the ward is not known. */
  where: string;
}

export interface PartnerLoad {
  partnerId: string;
  partnerName: string;
  open: number;
}

export interface DashboardFigures {
  /** Requests in scope (open or not). */
  total: number;
  open: number;
  openByStatus: Tally<RequestStatus>[];
  /** A request with two needs counts under each. */
  openByNeed: Tally<CapabilityId>[];
  /** Most first; the key null is "ward not known". */
  openByWard: Tally<string | null>[];
  openByUrgency: Tally<HelpRequest['urgency']>[];
  overTime: OverTime;
  /** Minutes from logging to the first partner assigned, over requests ever assigned. */
  timeToAssign: Spread;
  /** Minutes from logging to closing (the last time, if reopened), over requests closed now. */
  timeToClose: Spread;
  /** Open, immediate and with no partner assigned: the longest waiting first (at most `limit`). */
  unassignedImmediate: WaitingRequest[];
  unassignedImmediateCount: number;
  /** Open requests per assigned partner, most first. */
  partnerLoad: PartnerLoad[];
  /** Open immediate requests per ward code (wards with none left out). */
  openImmediateByWard: Map<string, number>;
}

const minutesBetween = (from: string, to: string) =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);

/** The one ward a request lies in: its own, or its parish's when the parish lies in one ward. */
export function wardOfRequest(
  request: Pick<HelpRequest, 'place'>,
  parishWards: ReadonlyMap<string, readonly string[]>,
): string | null {
  if (request.place.wardCode) return request.place.wardCode;
  const inParish = request.place.parishCode ? (parishWards.get(request.place.parishCode) ?? []) : [];
  return inParish.length === 1 ? (inParish[0] ?? null) : null;
}

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export const WAITING_LIMIT = 10;

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const inScope = input.requests.filter(
    (request) => input.incidentId === null || request.incidentId === input.incidentId,
  );
  const open = inScope.filter(isOpen);
  const parishWards = new Map(input.parishes.map((parish) => [parish.code, parish.wardCodes]));
  const wardNames = new Map(input.wards.map((ward) => [ward.code, ward.name]));
  const lines = linesByRequest(input.timeline);
  const histories = new Map<string, StatusHistory>(
    inScope.map((request) => [request.id, statusHistory(request, lines.get(request.id) ?? [])]),
  );

  const statusCounts = countBy(open.map((request) => request.status));
  const openByStatus = REQUEST_STATUSES.filter(({ id }) => isOpen({ status: id })).map(({ id, label }) => ({
    key: id,
    label,
    count: statusCounts.get(id) ?? 0,
  }));
  const needCounts = countBy(open.flatMap((request) => [...new Set(request.needs)]));
  const openByNeed = CAPABILITIES.map(({ id, label }) => ({ key: id, label, count: needCounts.get(id) ?? 0 }))
    .filter((tally) => tally.count > 0)
    .sort((a, b) => b.count - a.count);
  const urgencyCounts = countBy(open.map((request) => request.urgency));
  const openByUrgency = URGENCIES.map(({ id, label }) => ({
    key: id,
    label,
    count: urgencyCounts.get(id) ?? 0,
  }));

  const wardOf = new Map(open.map((request) => [request.id, wardOfRequest(request, parishWards)]));
  const kept = keptWardNames(open, wardNames);
  const nameOf = (code: string) => wardNames.get(code) ?? kept.get(code) ?? WARD_GONE;
  const openByWard = [...countBy(wardOf.values())]
    .map(([key, count]) => ({
      key,
      label: key === null ? 'Ward not known' : nameOf(key),
      count,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const openImmediateByWard = countBy(
    open
      .filter((request) => request.urgency === 'immediate')
      .flatMap((request) => wardOf.get(request.id) ?? []),
  );

  const waiting = open
    .filter((request) => request.urgency === 'immediate' && request.assignments.length === 0)
    .sort(compareRequests);
  const unassignedImmediate = waiting.slice(0, WAITING_LIMIT).map((request) => {
    const ward = wardOf.get(request.id) ?? null;
    return {
      request,
      ageMinutes: minutesBetween(histories.get(request.id)?.openedAt ?? request.createdAt, input.now),
      where: ward !== null ? nameOf(ward) : request.place.address || 'Ward not known',
    };
  });

  const names = new Map<string, string>();
  for (const request of open)
    for (const assignment of request.assignments) names.set(assignment.partnerId, assignment.partnerName);
  const partnerLoad = [...openAssignmentsByPartner(open)]
    .map(([partnerId, count]) => ({ partnerId, partnerName: names.get(partnerId) ?? partnerId, open: count }))
    .sort((a, b) => b.open - a.open || a.partnerName.localeCompare(b.partnerName));

  const allHistories = [...histories.values()];
  const toAssign = allHistories.flatMap((history) =>
    history.firstAssignedAt === null ? [] : [minutesBetween(history.openedAt, history.firstAssignedAt)],
  );
  const toClose = allHistories.flatMap((history) =>
    history.closedAt === null ? [] : [minutesBetween(history.openedAt, history.closedAt)],
  );
  const eventTimes = allHistories
    .flatMap((history) => [history.openedAt, ...history.changes.map((c) => c.at)])
    .sort();
  const size = input.bucketSize ?? chooseBucketSize(eventTimes[0] ?? null, eventTimes.at(-1) ?? null);

  return {
    total: inScope.length,
    open: open.length,
    openByStatus,
    openByNeed,
    openByWard,
    openByUrgency,
    overTime: openedAndClosedOverTime(allHistories, size, input.offsetMinutes),
    timeToAssign: spreadOf(toAssign),
    timeToClose: spreadOf(toClose),
    unassignedImmediate,
    unassignedImmediateCount: waiting.length,
    partnerLoad,
    openImmediateByWard,
  };
}

/** "45 min", "3 h 5 min", "2 days 4 h": a wait in words. */
export function durationText(minutes: number | null): string {
  if (minutes === null) return 'none yet';
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 48) return whole % 60 === 0 ? `${hours} h` : `${hours} h ${whole % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} days` : `${days} days ${hours % 24} h`;
}
