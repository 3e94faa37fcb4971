// Reading the text of one spreadsheet cell (or one form field) as a value: yes/no, dates written the
// ISO or the UK way, numbers, ;-separated lists, wards and parishes by code or name; and a whole row
// of them as a partner, contact or parish. Shared by the CSV import and the edit forms, so a value
// accepted in one is accepted in the other, with the same words.
import { matchWords } from '../words/matchWords.ts';
import type { z } from 'zod';
import { plainMessage } from '../api/apiError.ts';
import type { Boundary } from '../geo/geometry.ts';

/** One cell's problem, in words that follow the column's name: "phone must be a phone number…". */
export class CellError extends Error {
  override name = 'CellError';
}

/** Undoes what export does to stop spreadsheets running a cell as a formula ('=…, '+44…, ''=… for
 *  a cell that was '=…): one apostrophe off (see `FORMULA_START` in csvText.ts). */
export function cleanCell(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return /^'+[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

export function yesNo(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new CellError(`must be yes or no, not "${text}"`);
}

export const yesNoText = (value: boolean) => (value ? 'yes' : 'no');

/** YYYY-MM-DD, or DD/MM/YYYY as UK spreadsheets write it; blank is no date. */
export function dateOrNull(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : value;
  const [year, month, day] = iso.split('-').map(Number);
  const check = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day
  ) {
    throw new CellError(`must be a date as YYYY-MM-DD (or DD/MM/YYYY), not "${text}"`);
  }
  return iso;
}

export function numberOrNull(text: string, example: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new CellError(`must be a number, like ${example}, not "${text}"`);
  return number;
}

export const textOrNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** "tn129aa" → "TN12 9AA": one spelling, so the same postcode is never a change. */
export function postcodeOrNull(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return null;
  return compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** "a; b ;c" → ["a", "b", "c"]. */
export const listOf = (text: string) =>
  text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const simplify = matchWords;

/** Finds each item by id/code or by name, ignoring case and punctuation; names what is unknown. */
export function lookUp(
  items: readonly string[],
  choices: readonly { id: string; name: string }[],
  what: string,
  suffix = '',
): string[] {
  const found: string[] = [];
  for (const item of items) {
    const wanted = simplify(item);
    const withoutSuffix =
      suffix && wanted.endsWith(` ${suffix}`) ? wanted.slice(0, -suffix.length - 1) : wanted;
    const match = choices.find(
      (choice) =>
        simplify(choice.id) === wanted ||
        simplify(choice.name) === wanted ||
        simplify(choice.name) === withoutSuffix,
    );
    if (!match) throw new CellError(`"${item}" is not ${what}`);
    if (!found.includes(match.id)) found.push(match.id);
  }
  return found;
}

/**
 * A problem as one phrase after its subject: "phone must be a phone number…", "name is required"
 * (the message already names it), "emergency_plan_date: give the date it was agreed".
 */
export function describeProblem(subject: string, message: string): string {
  if (message.toLowerCase().startsWith(`${subject.toLowerCase()} `)) return message;
  if (/^(?:must|is|has|needs|could|does)\b|^"/.test(message)) return `${subject} ${message}`;
  return `${subject}: ${message}`;
}

/** The wards and parishes a row's codes or names are checked against. */
export interface AreaLookup {
  /** With their boundaries, a row's position is checked against them too (partnerRow.ts). */
  wards: readonly { code: string; name: string; boundary?: Boundary }[];
  parishes: readonly { code: string; name: string }[];
}

export const areaChoices = (areas: readonly { code: string; name: string }[]) =>
  areas.map((area) => ({ id: area.code, name: area.name }));

/**
 * Schema issues → messages by column (the first for each), naming the column by the longest matching
 * path prefix in `columnOf` (e.g. "availability.outOfHoursPhone" → "out_of_hours_phone").
 */
export function issuesByColumn(
  issues: readonly z.core.$ZodIssue[],
  columnOf: Readonly<Record<string, string>>,
  fallback: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    let column = fallback;
    for (let length = path.length; length > 0; length -= 1) {
      const mapped = columnOf[path.slice(0, length).join('.')];
      if (mapped) {
        column = mapped;
        break;
      }
    }
    errors[column] ??= plainMessage(issue);
  }
  return errors;
}

/** A column of a CSV file, with what it holds: shown on the import page. */
export interface ColumnDoc {
  column: string;
  meaning: string;
  /** The schema field the column holds, as a path ('coverage.wards'), so schema messages land on it. */
  field?: string;
}

/** Schema field path → column, derived from a column table. */
export const schemaColumns = (columns: readonly ColumnDoc[]): Record<string, string> =>
  Object.fromEntries(columns.flatMap((column) => (column.field ? [[column.field, column.column]] : [])));

/** What reading a row needs besides its cells. */
export interface RowContext {
  area: AreaLookup;
  /** YYYY-MM-DD, for a blank last_verified. */
  today: string;
  /** ISO date-time stamped as updatedAt. */
  now: string;
  newId: () => string;
}

/** What a row became: the record, or every problem found, by column. */
export type RowResult<T> = { ok: true; record: T } | { ok: false; errors: Record<string, string> };

/**
 * Reads a row cell by cell, gathering each bad cell's message under its column, so every problem is
 * reported, not only the first. `cell` gives what `read` makes of the cell, or `kept` when the column
 * is missing or the cell is bad.
 */
export function rowReader<C extends string>(row: Partial<Record<C, string>>) {
  const errors: Record<string, string> = {};
  function cell<T>(column: C, kept: T, read: (text: string) => T): T {
    const text = cleanCell(row[column]);
    if (text === undefined) return kept;
    try {
      return read(text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors[column] = error.message;
      return kept;
    }
  }
  return { cell, errors };
}

/**
 * The row's record once the shared schema agrees with it; otherwise the cells' problems and then the
 * schema's, one a column (a problem with no column is put against the name). `reword` may say a
 * schema's message better for one column.
 */
export function rowResult<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  errors: Record<string, string>,
  columnOf: Readonly<Record<string, string>>,
  reword: (column: string, message: string) => string = (_column, message) => message,
): RowResult<T> {
  const checked = schema.safeParse(candidate);
  if (!checked.success) {
    for (const [column, message] of Object.entries(issuesByColumn(checked.error.issues, columnOf, 'name'))) {
      errors[column] ??= reword(column, message);
    }
  }
  if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
  return { ok: true, record: checked.data };
}
