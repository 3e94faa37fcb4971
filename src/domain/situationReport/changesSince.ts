// "Changes since the last report": what a reader who heard the previous briefing needs to hear now.
// A report marked as issued leaves a small record (when, how many open, which gaps), synced to every
// staff device (issuedReport.ts); the next report, on any of them, compares itself with the last one. Counts come from the requests' histories, so a request logged and
// closed in between still shows in both counts.
import type { SituationReport } from './report.ts';
import { isClosedStatus } from '../dashboard/statusHistory.ts';

/** What is kept of an issued report. */
export interface IssuedReport {
  incidentId: string;
  issuedAt: string;
  open: number;
  /** "wardCode:need" for each gap. */
  gaps: string[];
}

export interface ReportChanges {
  since: string;
  logged: number;
  closed: number;
  reopened: number;
  openBefore: number;
  openNow: number;
  newGaps: string[];
  gapsClosed: string[];
}

export const gapKey = (gap: { wardCode: string; need: string }) => `${gap.wardCode}:${gap.need}`;

export function issuedRecord(report: SituationReport): IssuedReport {
  return {
    incidentId: report.incident.id,
    issuedAt: report.madeAt,
    open: report.summary.open,
    gaps: report.gaps.map(gapKey),
  };
}

/** The last report issued for the incident by anyone (the latest issue time); null when none. */
export function lastIssuedFor<T extends IssuedReport>(issued: readonly T[], incidentId: string): T | null {
  let last: T | null = null;
  for (const candidate of issued)
    if (candidate.incidentId === incidentId && (last === null || candidate.issuedAt > last.issuedAt))
      last = candidate;
  return last;
}

export function changesSince(report: SituationReport, previous: IssuedReport): ReportChanges {
  const after = (at: string) => at > previous.issuedAt && at <= report.madeAt;
  let logged = 0;
  let closed = 0;
  let reopened = 0;
  for (const history of report.histories.values()) {
    if (after(history.openedAt)) logged += 1;
    for (const change of history.changes) {
      if (!after(change.at)) continue;
      const wasClosed = isClosedStatus(change.from);
      const isClosed = isClosedStatus(change.to);
      if (!wasClosed && isClosed) closed += 1;
      if (wasClosed && !isClosed) reopened += 1;
    }
  }
  const now = report.gaps.map(gapKey);
  return {
    since: previous.issuedAt,
    logged,
    closed,
    reopened,
    openBefore: previous.open,
    openNow: report.summary.open,
    newGaps: now.filter((key) => !previous.gaps.includes(key)),
    gapsClosed: previous.gaps.filter((key) => !now.includes(key)),
  };
}
