// The round's export for the voluntary-sector body as a CSV file's text (rows from domain/review).
import { csvText } from '../../../domain/csv/csvText.ts';
import { ROUND_CSV_COLUMNS, type RoundCsvRow } from '../../../domain/review/roundCsv.ts';

export function roundCsvText(rows: readonly RoundCsvRow[]): string {
  return csvText(
    ROUND_CSV_COLUMNS,
    rows.map((row) => ROUND_CSV_COLUMNS.map((column) => row[column])),
  );
}
