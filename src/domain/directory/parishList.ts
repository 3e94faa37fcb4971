// Reads a list of parishes naming the wards each lies in: most councils have no parish boundaries,
// only this list (or the ONS parish-to-ward lookup). JSON or CSV; pure, the caller reads the file.
// Each bad entry is reported with its line (CSV) or entry number (JSON) so the file can be fixed.
import Papa from 'papaparse';
import { areaCodeSchema } from '../geo/area.ts';

export interface ParishListEntry {
  code: string;
  name: string;
  wardCodes: string[];
}

export type ParishListResult =
  { kind: 'parishList'; parishes: ParishListEntry[] } | { kind: 'invalid'; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeProblem(code: string): string | undefined {
  const result = areaCodeSchema.safeParse(code);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'is not a valid code');
}

function cell(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** Collects entries, reporting each bad one once under `where` (a line or entry number). */
class ListBuilder {
  readonly errors: string[] = [];
  private readonly byCode = new Map<string, { entry: ParishListEntry; where: string }>();

  constructor(private readonly fileName: string) {}

  problem(where: string, message: string): void {
    this.errors.push(`${this.fileName}, ${where}: ${message}`);
  }

  /** Adds a parish, or more wards to a parish already seen when `merge` is set (one row per ward). */
  add(where: string, code: string, name: string, wardCodes: string[], merge: boolean): void {
    const label = name ? `parish "${name}"` : 'the parish';
    if (code === '') return this.problem(where, `${label} has no code`);
    const badCode = codeProblem(code);
    if (badCode !== undefined)
      return this.problem(where, `${label} has the code "${code}", which cannot be used: ${badCode}`);
    if (name === '') return this.problem(where, `the parish ${code} has no name`);
    if (wardCodes.length === 0) return this.problem(where, `${label} (${code}) names no ward`);
    for (const ward of wardCodes) {
      const badWard = codeProblem(ward);
      if (badWard !== undefined)
        return this.problem(
          where,
          `${label} (${code}) names the ward "${ward}", which cannot be used: ${badWard}`,
        );
    }
    const earlier = this.byCode.get(code);
    if (earlier === undefined) {
      this.byCode.set(code, { entry: { code, name, wardCodes: [...new Set(wardCodes)] }, where });
    } else if (!merge) {
      this.problem(where, `the parish code ${code} is also used at ${earlier.where}`);
    } else if (earlier.entry.name !== name) {
      this.problem(
        where,
        `the parish ${code} is called "${name}" here but "${earlier.entry.name}" at ${earlier.where}`,
      );
    } else {
      for (const ward of wardCodes)
        if (!earlier.entry.wardCodes.includes(ward)) earlier.entry.wardCodes.push(ward);
    }
  }

  result(): ParishListResult {
    if (this.errors.length > 0) return { kind: 'invalid', errors: this.errors };
    if (this.byCode.size === 0) return { kind: 'invalid', errors: [`${this.fileName} lists no parishes`] };
    return { kind: 'parishList', parishes: [...this.byCode.values()].map(({ entry }) => entry) };
  }
}

function parseJsonList(fileName: string, json: unknown): ParishListResult {
  if (!Array.isArray(json)) {
    return {
      kind: 'invalid',
      errors: [`${fileName} is not a list of parishes (a JSON array of {code, name, wards})`],
    };
  }
  const wardsKeyOf = (item: unknown) =>
    isRecord(item) ? Object.keys(item).find((key) => /^wards(\d{4})?$/i.test(key)) : undefined;
  // A list of something else (wards, say) gets one sentence, not one per entry.
  if (json.length > 0 && json.every((item) => wardsKeyOf(item) === undefined)) {
    const first: unknown = json[0];
    const fields = isRecord(first) ? Object.keys(first).join(', ') : typeof first;
    return {
      kind: 'invalid',
      errors: [
        `${fileName} is not a list of parishes: no entry has a "wards" list (the first has ${fields})`,
      ],
    };
  }
  const list = new ListBuilder(fileName);
  json.forEach((item: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (!isRecord(item)) return list.problem(where, 'is not an object with code, name and wards');
    // "wards" or an edition-stamped "wards2013": the list says which ward edition it refers to.
    const wardsKey = wardsKeyOf(item);
    const wards = wardsKey === undefined ? undefined : item[wardsKey];
    const name = cell(item.name);
    if (!Array.isArray(wards)) {
      return list.problem(
        where,
        `${name ? `parish "${name}"` : 'the parish'} has no list of wards ("wards")`,
      );
    }
    const wardCodes = wards.map((ward: unknown) => cell(isRecord(ward) ? ward.code : ward));
    if (wardCodes.includes('')) return list.problem(where, `parish "${name}" has a ward without a code`);
    list.add(where, cell(item.code), name, wardCodes, false);
  });
  return list.result();
}

type Column = 'code' | 'name' | 'wards' | 'wardCode';

// Plain names first; the ONS parish-to-ward lookup's edition-stamped names (PAR19CD, WD19CD) also work.
function columnOf(header: string): Column | undefined {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === 'code' || key === 'parish_code' || /^par(ncp)?\d\dcd$/.test(key)) return 'code';
  if (key === 'name' || key === 'parish_name' || /^par(ncp)?\d\dnm$/.test(key)) return 'name';
  if (key === 'wards' || key === 'ward_codes') return 'wards';
  if (key === 'ward_code' || /^wd\d\dcd$/.test(key)) return 'wardCode';
  return undefined;
}

function parseCsvList(fileName: string, content: string): ParishListResult {
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: false });
  const list = new ListBuilder(fileName);
  for (const error of parsed.errors) list.problem(`line ${(error.row ?? 0) + 1}`, error.message);
  const [header = [], ...rows] = parsed.data;
  const columns = new Map<Column, number>();
  header.forEach((name, index) => {
    const column = columnOf(name);
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  });
  const onePerWard = !columns.has('wards') && columns.has('wardCode');
  if (!columns.has('code') || !columns.has('name') || !(columns.has('wards') || onePerWard)) {
    return {
      kind: 'invalid',
      errors: [
        `${fileName}: the first line must name the columns code,name,wards (wards separated by ; or |) ` +
          `or parish_code,parish_name,ward_code (one line per parish and ward); it has ${header.join(',') || 'nothing'}`,
      ],
    };
  }
  const value = (row: string[], column: Column) => cell(row[columns.get(column) ?? -1]);
  rows.forEach((row, index) => {
    if (row.every((field) => field.trim() === '')) return;
    const wardCodes = onePerWard
      ? [value(row, 'wardCode')].filter(Boolean)
      : value(row, 'wards')
          .split(/[;|]/)
          .map((ward) => ward.trim())
          .filter(Boolean);
    list.add(`line ${index + 2}`, value(row, 'code'), value(row, 'name'), wardCodes, onePerWard);
  });
  return list.result();
}

/** Parses a parish list: a JSON array, or CSV with a header line. */
export function parseParishList(fileName: string, content: string): ParishListResult {
  const text = content.replace(/^\uFEFF/, '');
  const looksLikeJson = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && /^\s*[[{]/.test(text));
  if (!looksLikeJson) return parseCsvList(fileName, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', errors: [`${fileName} is not valid JSON: ${(error as Error).message}`] };
  }
  return parseJsonList(fileName, json);
}
