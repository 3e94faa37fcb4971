// The request lists people work from: which requests a filter keeps, the order they come in (most
// urgent first, then the longest waiting), which are "mine", and each partner's open workload for
// best placed. Pure, so the lists read the same on every device and can be tested without a browser.
import type { CapabilityId } from '../entities/capabilities.ts';
import type { Parish } from '../geo/area.ts';
import {
  INCIDENT_TYPES,
  REQUEST_SOURCES,
  REQUEST_STATUSES,
  URGENCIES,
  isOpen,
  type HelpRequest,
  type Incident,
  type RequestStatus,
} from '../entities/request.ts';
import { isolated } from '../words/isolated.ts';

const URGENCY_RANK: Record<HelpRequest['urgency'], number> = { immediate: 0, today: 1, this_week: 2 };

/** Most urgent first (immediate, today, this week), then the one waiting longest. */
export function compareRequests(a: HelpRequest, b: HelpRequest): number {
  return (
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Created by this person, or with a partner assigned by them. */
export function isMine(request: HelpRequest, userId: string): boolean {
  return (
    request.createdBy === userId || request.assignments.some((assignment) => assignment.assignedBy === userId)
  );
}

/** 'open' keeps every status but done and cancelled; 'any' keeps all. */
export type StatusFilter = RequestStatus | 'open' | 'any';

export interface RequestFilters {
  /** An incident id, 'none' for requests outside any incident, or '' for all. */
  incident: string;
  status: StatusFilter;
  /** A ward code, or '' for all. A request placed by parish matches every ward the parish lies in. */
  ward: string;
  need: CapabilityId | '';
  urgency: HelpRequest['urgency'] | '';
}

export const NO_FILTERS: RequestFilters = { incident: '', status: 'open', ward: '', need: '', urgency: '' };

/** The wards a request is in: its own ward, or those its parish lies in. */
export function requestWards(request: HelpRequest, parishes: ReadonlyMap<string, Parish>): string[] {
  if (request.place.wardCode) return [request.place.wardCode];
  const parish = request.place.parishCode ? parishes.get(request.place.parishCode) : undefined;
  return parish ? [...parish.wardCodes] : [];
}

export function filterRequests(
  requests: readonly HelpRequest[],
  filters: RequestFilters,
  parishes: ReadonlyMap<string, Parish>,
): HelpRequest[] {
  return requests
    .filter((request) => {
      if (filters.status === 'open' && !isOpen(request)) return false;
      if (filters.status !== 'open' && filters.status !== 'any' && request.status !== filters.status)
        return false;
      if (filters.incident === 'none' && request.incidentId !== null) return false;
      if (filters.incident !== '' && filters.incident !== 'none' && request.incidentId !== filters.incident)
        return false;
      if (filters.need !== '' && !request.needs.includes(filters.need)) return false;
      if (filters.urgency !== '' && request.urgency !== filters.urgency) return false;
      if (filters.ward !== '' && !requestWards(request, parishes).includes(filters.ward)) return false;
      return true;
    })
    .sort(compareRequests);
}

/** Open requests already assigned to each partner: the "load" best placed weighs. */
export function openAssignmentsByPartner(requests: readonly HelpRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (!isOpen(request)) continue;
    for (const { partnerId } of request.assignments) counts.set(partnerId, (counts.get(partnerId) ?? 0) + 1);
  }
  return counts;
}

const labelOf = <T extends { id: string; label: string }>(list: readonly T[], id: string) =>
  list.find((entry) => entry.id === id)?.label ?? id;

export const statusLabel = (status: string) => labelOf(REQUEST_STATUSES, status);
export const urgencyLabel = (urgency: string) => labelOf(URGENCIES, urgency);
export const sourceLabel = (source: string) => labelOf(REQUEST_SOURCES, source);
export const incidentTypeLabel = (type: string) => labelOf(INCIDENT_TYPES, type);

/** Who a request is for, in the fewest words: "J", or "40 households"; the name isolated (a Sentence). */
export function forWhomText(request: Pick<HelpRequest, 'forWhom'>): string {
  const { households } = request.forWhom;
  const name = request.forWhom.name && isolated(request.forWhom.name);
  const homes = households === null ? '' : `${households} household${households === 1 ? '' : 's'}`;
  if (name && homes) return `${name} (${homes})`;
  return name || homes || 'someone';
}

/** Open incidents first, newest first within each. */
export function compareIncidents(a: Incident, b: Incident): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  return a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;
}
