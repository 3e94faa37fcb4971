// The one CSV writer every export uses (directory, audit trail, gaps, contact list, situation report,
// review round), so each file is written the same way: Windows line endings, a byte order mark for
// Excel, and no cell a spreadsheet would run as a formula.
import Papa from 'papaparse';

/**
 * A text cell a spreadsheet would run (=, +, -, @, tab, CR first) gets a leading apostrophe, which
 * spreadsheets show as text. Papa Parse's own pattern (`^[=+\-@\t\r].*$`) misses a cell with a line
 * break in it ("=HYPERLINK(…)\nnote"), so the pattern looks at the first character only. A cell that
 * already starts with apostrophes before such a character gets one more, so the import (which takes
 * one off, `cleanCell`) gives back exactly what was written.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Starts the file with U+FEFF (the default), so Excel reads it as UTF-8: without it Excel takes
   * Windows-1252, and "Zoë" or a name in Arabic in a contact list or gap report turns to mojibake.
   */
  byteOrderMark?: boolean;
}

export function csvText(
  fields: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  { byteOrderMark = true }: CsvOptions = {},
): string {
  const body = Papa.unparse(
    {
      fields: [...fields],
      data: rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell))),
    },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return byteOrderMark ? `\uFEFF${body}\r\n` : body;
}
