// The gap table as CSV, for the council's "missing services" report: one row per ward, a total and a
// local count per capability. Cells that a spreadsheet would run as formulas (=, +, -, @) are escaped.
import { csvText } from '../../../domain/csv/csvText.ts';
import { CAPABILITIES } from '../../../domain/entities/capabilities.ts';
import type { GapAnalysis, WardGaps } from '../../../domain/gaps/gapAnalysis.ts';

export function gapReportCsv(analysis: GapAnalysis, rows: readonly WardGaps[] = analysis.wards): string {
  const withRequests = rows.some((row) => row.openRequests !== null);
  const fields = [
    'Ward code',
    'Ward',
    'Parished',
    'Parishes',
    'Gaps',
    'Borough-wide only',
    ...(withRequests ? ['Open requests'] : []),
    ...CAPABILITIES.flatMap(({ label }) => [`${label}: partners`, `${label}: local partners`]),
  ];
  const data = rows.map((row) => [
    row.code,
    row.name,
    row.parished ? 'Yes' : 'No (unparished)',
    row.parishNames.join('; '),
    row.gaps,
    row.boroughWideOnly,
    ...(withRequests ? [row.openRequests ?? 0] : []),
    ...CAPABILITIES.flatMap(({ id }) => {
      const count = row.counts.get(id) ?? { total: 0, local: 0 };
      return [count.total, count.local];
    }),
  ]);
  return csvText(fields, data);
}
