// The situation report as CSV, one fact a row (section, subject, detail, count), so a spreadsheet can
// sort and filter it and the figures match the printed page. Formula-like cells are escaped.
import { csvText } from '../../../domain/csv/csvText.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import type { SituationReport } from '../../../domain/situationReport/report.ts';
import type { ReportChanges } from '../../../domain/situationReport/changesSince.ts';
import { withoutIsolates } from '../../../domain/words/isolated.ts';

export function situationReportCsv(
  report: SituationReport,
  changes: ReportChanges | null,
  marking: string,
): string {
  const { summary } = report;
  const rows: (string | number)[][] = [
    ['Marking', marking, '', ''],
    ['Incident', report.incident.name, report.incident.status, ''],
    ['Made at', report.madeAt, '', ''],
    ['Summary', 'Requests in the incident', '', summary.total],
    ['Summary', 'Open requests', '', summary.open],
    ['Summary', 'Open immediate requests', '', summary.openImmediate],
    ['Summary', 'Immediate requests with no partner', '', summary.unassignedImmediate],
    ['Summary', 'Closed requests', '', summary.closed],
    ['Summary', 'Partners engaged', '', summary.partnersEngaged],
    ['Summary', 'Wards affected', '', summary.wardsAffected],
  ];
  if (changes)
    rows.push(
      ['Since last report', 'Issued at', changes.since, ''],
      ['Since last report', 'Requests logged', '', changes.logged],
      ['Since last report', 'Requests closed', '', changes.closed],
      ['Since last report', 'Requests reopened', '', changes.reopened],
      ['Since last report', 'Open requests then', '', changes.openBefore],
      ['Since last report', 'New gaps', changes.newGaps.join('; '), changes.newGaps.length],
      ['Since last report', 'Gaps closed', changes.gapsClosed.join('; '), changes.gapsClosed.length],
    );
  for (const event of report.keyEvents) rows.push(['Key event', event.at, withoutIsolates(event.text), '']);
  for (const row of report.openByWard)
    for (const need of report.needs) {
      const count = row.byNeed.get(need) ?? 0;
      if (count > 0) rows.push(['Open by ward and need', row.wardName, capabilityLabel(need), count]);
    }
  for (const partner of report.partners)
    rows.push(['Partner engaged', partner.name, `${partner.total} in all`, partner.open]);
  for (const gap of report.gaps)
    rows.push(['Gap', gap.wardName, `no partner covers ${capabilityLabel(gap.need)}`, gap.openRequests]);
  return csvText(['Section', 'Subject', 'Detail', 'Count'], rows);
}
