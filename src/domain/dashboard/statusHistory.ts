// A request's status history, read from its append-only timeline: when it was opened, each change of
// status (with the status it left), when it was first assigned and, if it is closed now, when it closed.
// Assigning a partner moves a new request to "assigned" without a status line of its own (requestActions),
// so an "assigned" line counts as that change. Lines missing from this device (a request imported without
// its timeline) fall back to the record: opened at createdAt, closed at updatedAt, assigned at the first
// assignment. The record's own status always wins over the timeline for "where is it now".
// A request opens at its createdAt, which the server keeps as first written; timeline lines are
// appended by any device with that device's time, so a line dated before the request was logged (a
// second "created" line, a back-dated status) counts as made when it was logged, and cannot make a
// request older than it is or assigned before it existed.
import { isOpen, type HelpRequest, type RequestStatus } from '../entities/request.ts';
import type { TimelineEntry } from '../entities/timeline.ts';

export interface StatusChange {
  at: string;
  from: RequestStatus;
  to: RequestStatus;
}

export interface StatusHistory {
  openedAt: string;
  changes: StatusChange[];
  /** The first time a partner was assigned, or null if none ever was. */
  firstAssignedAt: string | null;
  /** When it last closed (done or cancelled), when it is closed now; null while open. */
  closedAt: string | null;
}

const byTime = (a: TimelineEntry, b: TimelineEntry) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export const isClosedStatus = (status: RequestStatus) => !isOpen({ status });

/** The history of one request from its own timeline lines (any order; others' lines are ignored). */
export function statusHistory(request: HelpRequest, lines: readonly TimelineEntry[]): StatusHistory {
  const openedAt = request.createdAt;
  const notBeforeOpening = (at: string) => (at < openedAt ? openedAt : at);
  const own = lines
    .filter((line) => line.requestId === request.id)
    .map((line) => ({ ...line, at: notBeforeOpening(line.at) }))
    .sort(byTime);
  const changes: StatusChange[] = [];
  let current: RequestStatus = 'new';
  let firstAssignedAt: string | null = null;
  for (const line of own) {
    let next: RequestStatus | null = null;
    if (line.kind === 'status' && line.status !== null) next = line.status;
    if (line.kind === 'assigned') {
      firstAssignedAt ??= line.at;
      if (current === 'new') next = 'assigned';
    }
    if (next !== null && next !== current) {
      changes.push({ at: line.at, from: current, to: next });
      current = next;
    }
  }
  for (const assignment of request.assignments)
    if (firstAssignedAt === null || assignment.assignedAt < firstAssignedAt)
      firstAssignedAt = notBeforeOpening(assignment.assignedAt);

  // The record is where the request is now; a change this device holds no line for happened by its
  // last update at the latest.
  if (current !== request.status && isClosedStatus(current) !== isClosedStatus(request.status)) {
    const at =
      request.updatedAt > (changes.at(-1)?.at ?? openedAt)
        ? request.updatedAt
        : (changes.at(-1)?.at ?? openedAt);
    changes.push({ at, from: current, to: request.status });
  }
  const lastClose = changes.findLast((change) => isClosedStatus(change.to) && !isClosedStatus(change.from));
  const closedAt = isClosedStatus(request.status) ? (lastClose?.at ?? request.updatedAt) : null;
  return { openedAt, changes, firstAssignedAt, closedAt };
}

/** Timeline lines grouped by request id, so each history reads only its own. */
export function linesByRequest(lines: readonly TimelineEntry[]): Map<string, TimelineEntry[]> {
  const grouped = new Map<string, TimelineEntry[]>();
  for (const line of lines) {
    const list = grouped.get(line.requestId);
    if (list) list.push(line);
    else grouped.set(line.requestId, [line]);
  }
  return grouped;
}
