// CSV import and export of partners and contacts: the quarterly list from the voluntary-sector body.
// Import is a preview first — new rows, rows that update a partner already here, unchanged rows, bad
// rows (each with its line and reasons) and duplicates — and writes nothing; the caller saves the
// good rows only if the person says so. Export writes the same columns, so it re-imports cleanly.
import { matchKey } from '../words/matchWords.ts';
import Papa from 'papaparse';
import type { Partner } from '../entities/partner.ts';
import type { Contact } from '../entities/contact.ts';
import { sameValue } from '../sync/merge.ts';
import {
  areaChoices,
  cleanCell,
  describeProblem,
  lookUp,
  type AreaLookup,
  type RowContext,
  type RowResult,
} from './csvValues.ts';
import { PARTNER_COLUMNS, partnerFromRow, partnerToRow } from './partnerRow.ts';
import { CONTACT_COLUMNS, contactFromRow, contactToRow } from './contactRow.ts';
import { csvText } from './csvText.ts';

export type CsvKind = 'partners' | 'contacts';

/**
 * Bytes of an uploaded file as text: UTF-8 (with or without a byte order mark), UTF-16 with its mark,
 * or — when the bytes are not valid UTF-8 — Windows-1252, which older Excel writes for "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; note: string | null } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), note: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'This file is not UTF-8; it was read as Windows (Excel) text. Check names with accents or £ signs.',
    };
  }
}

export interface PreviewRow<T> {
  /** The row's number as a spreadsheet shows it: the header is line 1. */
  line: number;
  record: T;
}

export interface ImportPreview<T> {
  /** A problem with the whole file; when set, nothing can be imported. */
  fileError: string | null;
  /** Header cells that are not columns of this list; their cells are ignored. */
  ignoredColumns: string[];
  creates: PreviewRow<T>[];
  /** Rows matching a record already here (same id, or same name and postcode): they update it. */
  updates: (PreviewRow<T> & { before: T; changedFields: string[] })[];
  /** Rows matching a record already here with nothing different: skipped. */
  unchanged: PreviewRow<T>[];
  bad: { line: number; name: string; reasons: string[] }[];
  /** Rows repeating an earlier row of the same file (same name and postcode): skipped. */
  duplicates: { line: number; name: string; firstLine: number }[];
}

/** The rows the person may choose to import: new ones and updates. */
export const goodRecords = <T>(preview: ImportPreview<T>): T[] => [
  ...preview.creates.map((row) => row.record),
  ...preview.updates.map((row) => row.record),
];

const squash = (text: string | null | undefined) => matchKey(text ?? '');

/** Same name and postcode means the same partner, however spaced or capitalised. */
export const partnerKey = (partner: { name: string; base: { postcode: string | null } }) =>
  `${squash(partner.name)}|${squash(partner.base.postcode)}`;

/** Contacts have no postcode: the same name for the same organisation or parish is the same contact. */
export const contactKey = (contact: Pick<Contact, 'name' | 'organisation' | 'parishCode'>) =>
  `${squash(contact.name)}|${squash(contact.organisation)}|${squash(contact.parishCode)}`;

interface KindRules<T extends object> {
  columns: readonly { column: string }[];
  fromRow(row: Record<string, string>, existing: T | null, context: RowContext): RowResult<T>;
  key(record: T): string;
  /** The same key, from a row's cells, to find the record it updates before reading it. */
  rowKey(row: Record<string, string>, area: AreaLookup): string;
  id(record: T): string;
  sameWhat: string;
}

const RULES: { partners: KindRules<Partner>; contacts: KindRules<Contact> } = {
  partners: {
    columns: PARTNER_COLUMNS,
    fromRow: partnerFromRow,
    key: partnerKey,
    rowKey: (row) => partnerKey({ name: row.name ?? '', base: { postcode: row.postcode ?? null } }),
    id: (partner) => partner.id,
    sameWhat: 'same name and postcode',
  },
  contacts: {
    columns: CONTACT_COLUMNS,
    fromRow: contactFromRow,
    key: contactKey,
    rowKey(row, area) {
      let parishCode = row.parish ?? null;
      try {
        parishCode = parishCode
          ? (lookUp([parishCode], areaChoices(area.parishes), 'a parish')[0] ?? null)
          : null;
      } catch {
        // an unknown parish matches nothing here; reading the row reports it
      }
      return contactKey({
        name: row.name ?? '',
        organisation: cleanCell(row.organisation) ?? null,
        parishCode,
      });
    },
    id: (contact) => contact.id,
    sameWhat: 'same name and organisation or parish',
  },
};

const headerName = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function emptyPreview<T>(fileError: string | null): ImportPreview<T> {
  return { fileError, ignoredColumns: [], creates: [], updates: [], unchanged: [], bad: [], duplicates: [] };
}

/** What changed, field by field (not the time of the change itself). */
function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b).filter((field) => field !== 'updatedAt' && !sameValue(a[field], b[field]));
}

export function previewPartners(text: string, existing: readonly Partner[], context: RowContext) {
  return preview(RULES.partners, text, existing, context);
}

export function previewContacts(text: string, existing: readonly Contact[], context: RowContext) {
  return preview(RULES.contacts, text, existing, context);
}

function preview<T extends object>(
  rules: KindRules<T>,
  text: string,
  existing: readonly T[],
  context: RowContext,
): ImportPreview<T> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  const known = new Set(rules.columns.map((entry) => entry.column));
  const columns = header.map(headerName);
  if (!columns.includes('name')) {
    return emptyPreview(
      'The first line must name the columns, including "name". Check the file is comma-separated and has its header line.',
    );
  }
  const result = emptyPreview<T>(null);
  result.ignoredColumns = header.filter(
    (_cell, index) => !known.has(columns[index] ?? '') && header[index]?.trim(),
  );
  const brokenRows = new Set(parsed.errors.flatMap((error) => (error.row === undefined ? [] : [error.row])));

  const byId = new Map(existing.map((record) => [rules.id(record), record]));
  const byKey = new Map(existing.map((record) => [rules.key(record), record]));
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<string, number>();

  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return; // blank lines are not rows
    const row: Record<string, string> = {};
    columns.forEach((column, at) => {
      if (known.has(column)) row[column] = cells[at] ?? '';
    });
    const name = (row.name ?? '').trim() || '(no name)';
    if (brokenRows.has(index + 1)) {
      result.bad.push({ line, name, reasons: ['a quoted cell is not closed: check the quote marks (")'] });
      return;
    }
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      result.bad.push({
        line,
        name,
        reasons: [
          `has ${cells.length} cells but the header names ${header.length}: a comma inside a cell needs the cell in quotes`,
        ],
      });
      return;
    }
    // Match what is already here: by id when the row has one we know, else by name and postcode.
    const rowId = (row.id ?? '').trim();
    const match = (rowId ? byId.get(rowId) : undefined) ?? byKey.get(rules.rowKey(row, context.area));
    const read = rules.fromRow(row, match ?? null, context);
    if (!read.ok) {
      result.bad.push({
        line,
        name,
        reasons: Object.entries(read.errors).map(([column, message]) => describeProblem(column, message)),
      });
      return;
    }
    const record = read.record;
    const key = rules.key(record);
    const firstLine = seenKeys.get(key) ?? seenIds.get(rules.id(record));
    if (firstLine !== undefined) {
      result.duplicates.push({ line, name, firstLine });
      return;
    }
    seenKeys.set(key, line);
    seenIds.set(rules.id(record), line);
    if (!match) {
      result.creates.push({ line, record });
      return;
    }
    const changed = changedFields(match, record);
    if (changed.length === 0) result.unchanged.push({ line, record: match });
    else result.updates.push({ line, record, before: match, changedFields: changed });
  });
  return result;
}

/** Text for a .csv file: a byte order mark (so Excel reads UTF-8), Windows line endings, and no cell
 *  a spreadsheet would run as a formula. */
function toCsv(columns: readonly { column: string }[], rows: readonly Record<string, string>[]): string {
  const fields = columns.map((entry) => entry.column);
  return csvText(
    fields,
    rows.map((row) => fields.map((field) => row[field] ?? '')),
    { byteOrderMark: true },
  );
}

export function partnersCsv(partners: readonly Partner[]): string {
  return toCsv(PARTNER_COLUMNS, [...partners].sort(byName).map(partnerToRow));
}

export function contactsCsv(contacts: readonly Contact[]): string {
  return toCsv(CONTACT_COLUMNS, [...contacts].sort(byName).map(contactToRow));
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);

export type { AreaLookup, RowContext };
