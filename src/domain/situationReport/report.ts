// The situation report for one incident: the page a duty officer reads out to senior officers and the
// local resilience forum. Summary figures, the key events in order, open requests by ward and need,
// the partners engaged, the gaps (a ward of the incident with a need nobody covers there) and what
// changed since the last report issued. Pure: the app builds it offline from IndexedDB, and the
// printout, the CSV and the tests all read the same object.
import type { Parish, Ward } from '../geo/area.ts';
import { CAPABILITIES, capabilityLabel, type CapabilityId } from '../entities/capabilities.ts';
import { coverageForCapability } from '../gaps/gapAnalysis.ts';
import type { Partner } from '../entities/partner.ts';
import { isOpen, type HelpRequest, type Incident } from '../entities/request.ts';
import { forWhomText, statusLabel, urgencyLabel } from '../requests/requestList.ts';
import type { TimelineEntry } from '../entities/timeline.ts';
import { wardOfRequest } from '../dashboard/figures.ts';
import {
  isClosedStatus,
  linesByRequest,
  statusHistory,
  type StatusHistory,
} from '../dashboard/statusHistory.ts';
import { isolated } from '../words/isolated.ts';
import { keptWardNames, WARD_GONE } from '../geo/placeName.ts';

export interface ReportInput {
  incident: Incident;
  requests: readonly HelpRequest[];
  timeline: readonly TimelineEntry[];
  wards: readonly Ward[];
  parishes: readonly Parish[];
  partners: readonly Partner[];
  /** When the report is made (ISO). */
  now: string;
}

export interface KeyEvent {
  at: string;
  text: string;
}

export interface WardNeedRow {
  wardCode: string | null;
  wardName: string;
  /** Open requests per need; a request with two needs counts under each. */
  byNeed: Map<CapabilityId, number>;
  /** Open requests in the ward (each once). */
  open: number;
}

export interface EngagedPartner {
  partnerId: string;
  name: string;
  open: number;
  total: number;
}

export interface ReportGap {
  wardCode: string;
  wardName: string;
  need: CapabilityId;
  /** Open requests for this need in the ward. */
  openRequests: number;
}

export interface ReportSummary {
  total: number;
  open: number;
  openImmediate: number;
  unassignedImmediate: number;
  closed: number;
  partnersEngaged: number;
  wardsAffected: number;
}

export interface SituationReport {
  incident: Incident;
  madeAt: string;
  summary: ReportSummary;
  keyEvents: KeyEvent[];
  /** Needs that appear in any row, in capability order: the table's columns. */
  needs: CapabilityId[];
  /** Most open first; the last row may be "Ward not known". */
  openByWard: WardNeedRow[];
  partners: EngagedPartner[];
  gaps: ReportGap[];
  /** Each request's status history, for "changes since". */
  histories: Map<string, StatusHistory>;
}

/** At most this many key events, the latest kept. */
export const KEY_EVENT_LIMIT = 40;

const requestWords = (request: HelpRequest) =>
  `${request.needs.map(capabilityLabel).join(', ')} for ${forWhomText(request)}`;

export function situationReport(input: ReportInput): SituationReport {
  const { incident } = input;
  const requests = input.requests.filter((request) => request.incidentId === incident.id);
  const open = requests.filter(isOpen);
  const parishWards = new Map(input.parishes.map((parish) => [parish.code, parish.wardCodes]));
  const wardNames = new Map(input.wards.map((ward) => [ward.code, ward.name]));
  const kept = keptWardNames(requests, wardNames);
  const nameOf = (code: string | null) =>
    code === null ? 'Ward not known' : (wardNames.get(code) ?? kept.get(code) ?? WARD_GONE);
  const lines = linesByRequest(input.timeline);
  const histories = new Map(
    requests.map((request) => [request.id, statusHistory(request, lines.get(request.id) ?? [])]),
  );

  const events: KeyEvent[] = [
    { at: incident.startedAt, text: `Incident opened: ${isolated(incident.name)}` },
  ];
  if (incident.endedAt) events.push({ at: incident.endedAt, text: 'Incident closed' });
  for (const request of requests) {
    const history = histories.get(request.id);
    if (!history) continue;
    const where = nameOf(wardOfRequest(request, parishWards));
    events.push({
      at: history.openedAt,
      text: `${urgencyLabel(request.urgency)} request logged: ${requestWords(request)} (${where})`,
    });
    for (const assignment of request.assignments)
      events.push({
        at: assignment.assignedAt,
        text: `${isolated(assignment.partnerName)} assigned: ${requestWords(request)}`,
      });
    for (const change of history.changes) {
      const closing = isClosedStatus(change.to) && !isClosedStatus(change.from);
      const reopening = !isClosedStatus(change.to) && isClosedStatus(change.from);
      if (closing)
        events.push({ at: change.at, text: `${statusLabel(change.to)}: ${requestWords(request)}` });
      if (reopening) events.push({ at: change.at, text: `Reopened: ${requestWords(request)}` });
    }
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.text.localeCompare(b.text)));

  const rows = new Map<string | null, WardNeedRow>();
  for (const request of open) {
    const code = wardOfRequest(request, parishWards);
    let row = rows.get(code);
    if (!row) {
      row = { wardCode: code, wardName: nameOf(code), byNeed: new Map(), open: 0 };
      rows.set(code, row);
    }
    row.open += 1;
    for (const need of new Set(request.needs)) row.byNeed.set(need, (row.byNeed.get(need) ?? 0) + 1);
  }
  const openByWard = [...rows.values()].sort(
    (a, b) =>
      Number(a.wardCode === null) - Number(b.wardCode === null) ||
      b.open - a.open ||
      a.wardName.localeCompare(b.wardName),
  );
  const needsSeen = new Set(openByWard.flatMap((row) => [...row.byNeed.keys()]));
  const needs = CAPABILITIES.map(({ id }) => id).filter((id) => needsSeen.has(id));

  const partners = new Map<string, EngagedPartner>();
  for (const request of requests)
    for (const assignment of request.assignments) {
      const engaged = partners.get(assignment.partnerId) ?? {
        partnerId: assignment.partnerId,
        name: assignment.partnerName,
        open: 0,
        total: 0,
      };
      engaged.total += 1;
      if (isOpen(request)) engaged.open += 1;
      partners.set(assignment.partnerId, engaged);
    }

  // Gaps: in each ward the incident names or has an open request in, each need the incident's
  // requests ask for that no active partner covers there.
  const incidentWards = new Set<string>(incident.wardCodes);
  for (const row of openByWard) if (row.wardCode !== null) incidentWards.add(row.wardCode);
  const askedFor = CAPABILITIES.map(({ id }) => id).filter((id) =>
    requests.some((r) => r.needs.includes(id)),
  );
  const gaps: ReportGap[] = [];
  for (const need of askedFor) {
    const cover = coverageForCapability(need, input.wards, input.parishes, input.partners);
    for (const code of incidentWards) {
      if (!wardNames.has(code) || (cover.get(code)?.total ?? 0) > 0) continue;
      gaps.push({
        wardCode: code,
        wardName: nameOf(code),
        need,
        openRequests: rows.get(code)?.byNeed.get(need) ?? 0,
      });
    }
  }
  gaps.sort(
    (a, b) =>
      b.openRequests - a.openRequests ||
      a.wardName.localeCompare(b.wardName) ||
      capabilityLabel(a.need).localeCompare(capabilityLabel(b.need)),
  );

  const engaged = [...partners.values()].sort(
    (a, b) => b.open - a.open || b.total - a.total || a.name.localeCompare(b.name),
  );
  return {
    incident,
    madeAt: input.now,
    summary: {
      total: requests.length,
      open: open.length,
      openImmediate: open.filter((request) => request.urgency === 'immediate').length,
      unassignedImmediate: open.filter((r) => r.urgency === 'immediate' && r.assignments.length === 0).length,
      closed: requests.length - open.length,
      partnersEngaged: engaged.length,
      wardsAffected: incidentWards.size,
    },
    keyEvents: events.slice(-KEY_EVENT_LIMIT),
    needs,
    openByWard,
    partners: engaged,
    gaps,
    histories,
  };
}
