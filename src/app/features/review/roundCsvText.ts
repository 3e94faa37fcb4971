// The round's export for the voluntary-sector body as a CSV file's text (rows from domain/review).
import Papa from 'papaparse';
import { ROUND_CSV_COLUMNS, type RoundCsvRow } from '../../../domain/review/roundCsv.ts';

export function roundCsvText(rows: readonly RoundCsvRow[]): string {
  return Papa.unparse(
    {
      fields: [...ROUND_CSV_COLUMNS],
      data: rows.map((row) => ROUND_CSV_COLUMNS.map((column) => row[column])),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
