// No export writes a cell a spreadsheet would run as a formula, a cell with a line break included
// (Papa Parse's own check misses "=…\n…"), every export goes through the one writer, and the
// directory import gives back exactly what was exported, apostrophes a person typed included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/domain/csv/csvText.ts';
import { partnersCsv, previewPartners } from '../../src/domain/csv/directoryCsv.ts';
import { auditCsv, type AuditRow } from '../../src/domain/accounts/audit.ts';
import { roundCsvText } from '../../src/app/features/review/roundCsvText.ts';
import { ROUND_CSV_COLUMNS, type RoundCsvRow } from '../../src/domain/review/roundCsv.ts';
import { aPartner, rowContext } from '../support/directoryFixtures.ts';

const cells = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const RUNNABLE = /^[=+\-@\t\r]/;
const runnableCells = (text: string) =>
  cells(text)
    .flat()
    .filter((cell) => RUNNABLE.test(cell));

const MULTILINE = [
  '=HYPERLINK("http://x.example","y")\nsecond line',
  '+1+2\r\nx',
  '-3\nx',
  '@SUM(1)\nx',
  '\t=1\nx',
];

describe('the CSV writer', () => {
  it('escapes a formula-like cell even when it has a line break in it', () => {
    const text = csvText(
      ['a'],
      MULTILINE.map((cell) => [cell]),
    );
    expect(runnableCells(text)).toEqual([]);
    expect(cells(text).slice(1).flat()).toEqual(MULTILINE.map((cell) => `'${cell}`));
  });

  it('leaves numbers, plain text and blanks as they are', () => {
    expect(cells(csvText(['a', 'b', 'c', 'd'], [[-2, 'plain', null, undefined]]))[1]).toEqual([
      '-2',
      'plain',
      '',
      '',
    ]);
  });

  it('starts with a byte order mark unless told not to', () => {
    expect(csvText(['a'], []).startsWith('\uFEFFa')).toBe(true);
    expect(csvText(['a'], [], { byteOrderMark: false }).startsWith('a')).toBe(true);
  });
});

describe('every export', () => {
  it('audit trail: a multi-line formula in a value is not runnable', () => {
    const row: AuditRow = {
      id: '1',
      at: '2026-03-01T10:00:00.000Z',
      deviceAt: null,
      userId: null,
      username: 'admin',
      clientId: null,
      action: 'change',
      entity: 'partner',
      recordId: 'r',
      field: 'name',
      oldValue: MULTILINE[0],
      newValue: MULTILINE[1],
      detail: MULTILINE[2] ?? null,
    };
    expect(runnableCells(auditCsv([row]))).toEqual([]);
  });

  it('review round: a multi-line formula in a name is not runnable', () => {
    const row = Object.fromEntries(ROUND_CSV_COLUMNS.map((column) => [column, MULTILINE[3]])) as RoundCsvRow;
    expect(runnableCells(roundCsvText([row]))).toEqual([]);
  });

  it('directory: multi-line formulas and typed apostrophes are escaped and come back unchanged', () => {
    const partners = [
      aPartner({ name: "'=already quoted", capacityNotes: MULTILINE[0] ?? '' }),
      aPartner({ name: "''+two", capacityNotes: '-3\nparcels' }),
    ];
    const text = partnersCsv(partners);
    expect(runnableCells(text)).toEqual([]);
    const preview = previewPartners(text, [], rowContext());
    expect(preview.bad).toEqual([]);
    expect(preview.creates.map(({ record }) => [record.name, record.capacityNotes]).sort()).toEqual(
      partners.map((partner) => [partner.name, partner.capacityNotes]).sort(),
    );
  });

  it('is written by the one CSV writer (no other file calls Papa Parse unparse)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const writers = files('src').filter((path) => /\bunparse\s*\(/.test(readFileSync(path, 'utf8')));
    expect(writers).toEqual([join('src', 'domain', 'csv', 'csvText.ts')]);
  });
});
