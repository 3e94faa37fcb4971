// Deprivation, where the councils' reports say help is hardest to reach: the English Indices of
// Deprivation give each LSOA (a small area of about 1,500 people) a national rank and decile (1 = the
// most deprived 10% of England). A ward's summary is what ranking needs: its most deprived LSOA's decile
// and how many of its LSOAs are in England's most deprived 10% and 20%. Each LSOA is put in the ward
// holding a point inside it (LSOAs and wards are drawn separately and do not nest exactly, so a
// best-fit assignment is the honest choice). Pure: the import command, the demo borough and tests share it.
import { pointOnFeature } from '@turf/point-on-feature';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import { boundsOf, type Boundary } from './geometry.ts';
import { counted } from '../words/counted.ts';

const decile = z.number().int().min(1).max(10);

/** On a ward record: additive and optional, so wards stored before it existed still read. */
export const wardDeprivationSchema = z.object({
  /** The decile of the ward's most deprived LSOA (1 = England's most deprived 10%). */
  mostDeprivedDecile: decile,
  /** LSOAs put in this ward. */
  lsoas: z.number().int().min(1),
  /** Of those, how many are in England's most deprived 10% (decile 1) and 20% (deciles 1–2). */
  inMostDeprived10: z.number().int().min(0),
  inMostDeprived20: z.number().int().min(0),
});
export type WardDeprivation = z.infer<typeof wardDeprivationSchema>;

/** One LSOA's row of the Indices of Deprivation (IMD 2019 for England). */
export interface ImdRow {
  code: string;
  name: string;
  score: number | null;
  rank: number;
  decile: number;
}

export type ImdFileResult = { kind: 'imd'; rows: ImdRow[] } | { kind: 'invalid'; errors: string[] };

/** Header names by meaning: the short ones of a tidy extract, or the official File 1/2 headings. */
const COLUMNS = {
  code: [/^lsoa\d\dcd$/i, /^LSOA code \(\d{4}\)$/i],
  name: [/^lsoa\d\dnm$/i, /^LSOA name \(\d{4}\)$/i],
  score: [/^imd_score$/i, /^Index of Multiple Deprivation \(IMD\) Score$/i],
  rank: [/^imd_rank$/i, /^Index of Multiple Deprivation \(IMD\) Rank/i],
  decile: [/^imd_decile$/i, /^Index of Multiple Deprivation \(IMD\) Decile/i],
} as const;

/** Whether a CSV's header row looks like the Indices of Deprivation (so the importer reads it as such). */
export function looksLikeImd(header: readonly string[]): boolean {
  return header.some((cell) => COLUMNS.decile.some((pattern) => pattern.test(cell.trim())));
}

/** Reads IMD rows from a parsed CSV (header row first). Every bad row is named; none is guessed. */
export function readImdRows(fileName: string, table: readonly (readonly string[])[]): ImdFileResult {
  const [header = [], ...rows] = table;
  const find = (patterns: readonly RegExp[]) =>
    header.findIndex((cell) => patterns.some((p) => p.test(cell.trim())));
  const at = {
    code: find(COLUMNS.code),
    name: find(COLUMNS.name),
    score: find(COLUMNS.score),
    rank: find(COLUMNS.rank),
    decile: find(COLUMNS.decile),
  };
  const missing = (['code', 'rank', 'decile'] as const).filter((key) => at[key] < 0);
  if (missing.length > 0)
    return {
      kind: 'invalid',
      errors: [
        `${fileName} has no ${missing.map((key) => (key === 'code' ? 'LSOA code (lsoa11cd)' : `imd_${key}`)).join(', ')} column`,
      ],
    };
  const errors: string[] = [];
  const read: ImdRow[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === '')) return;
    const line = index + 2;
    const code = (row[at.code] ?? '').trim();
    const rank = Number(row[at.rank]);
    const decileValue = Number(row[at.decile]);
    const score = at.score >= 0 && (row[at.score] ?? '').trim() !== '' ? Number(row[at.score]) : null;
    if (!/^[A-Za-z0-9]+$/.test(code))
      errors.push(`${fileName}, line ${line}: the LSOA code "${code}" is not a code`);
    else if (seen.has(code)) errors.push(`${fileName}, line ${line}: LSOA ${code} is listed twice`);
    if (!Number.isInteger(rank) || rank < 1)
      errors.push(`${fileName}, line ${line}: the rank "${row[at.rank] ?? ''}" is not a whole number from 1`);
    if (!decile.safeParse(decileValue).success)
      errors.push(
        `${fileName}, line ${line}: the decile "${row[at.decile] ?? ''}" is not a whole number from 1 to 10`,
      );
    if (score !== null && !Number.isFinite(score))
      errors.push(`${fileName}, line ${line}: the score "${row[at.score] ?? ''}" is not a number`);
    seen.add(code);
    read.push({
      code,
      name: at.name >= 0 ? (row[at.name] ?? '').trim() : code,
      score,
      rank,
      decile: decileValue,
    });
  });
  if (read.length === 0 && errors.length === 0) errors.push(`${fileName} has no rows`);
  return errors.length > 0 ? { kind: 'invalid', errors } : { kind: 'imd', rows: read };
}

export interface LsoaShape {
  code: string;
  name: string;
  boundary: Boundary;
}

export interface DeprivationResult {
  /** Per ward code; wards with no LSOA are left out. */
  wards: Map<string, WardDeprivation>;
  /** Each LSOA's ward code (null: its point lies in no ward being loaded). */
  lsoaWard: Map<string, string | null>;
  errors: string[];
}

const SAMPLES_PER_SIDE = 16;

/**
 * The ward holding most of an LSOA's area, by sampling a grid of points inside it (the best fit ONS
 * lookups use); a point on the LSOA decides when no sample lands in any ward (a sliver of an LSOA).
 */
function wardHoldingMost<W extends { code: string; boundary: Boundary }>(
  lsoa: Boundary,
  wards: readonly W[],
): W | undefined {
  const [west, south, east, north] = boundsOf(lsoa);
  const candidates = wards.filter((ward) => {
    const box = boundsOf(ward.boundary);
    return box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south;
  });
  const counts = new Map<W, number>();
  for (let i = 0; i < SAMPLES_PER_SIDE; i++)
    for (let j = 0; j < SAMPLES_PER_SIDE; j++) {
      const point = [
        west + ((i + 0.5) / SAMPLES_PER_SIDE) * (east - west),
        south + ((j + 0.5) / SAMPLES_PER_SIDE) * (north - south),
      ];
      if (!booleanPointInPolygon(point, lsoa)) continue;
      const ward = candidates.find((candidate) => booleanPointInPolygon(point, candidate.boundary));
      if (ward) counts.set(ward, (counts.get(ward) ?? 0) + 1);
    }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best) return best;
  const point = pointOnFeature({ type: 'Feature', properties: {}, geometry: lsoa });
  return candidates.find((candidate) => booleanPointInPolygon(point, candidate.boundary));
}

/** Puts each LSOA in a ward and sums up each ward's deprivation. */
export function wardDeprivation(
  wards: readonly { code: string; boundary: Boundary }[],
  lsoas: readonly LsoaShape[],
  imd: readonly ImdRow[],
): DeprivationResult {
  const errors: string[] = [];
  const byCode = new Map(imd.map((row) => [row.code, row]));
  const shapes = new Set(lsoas.map((lsoa) => lsoa.code));
  const noFigures = lsoas.filter((lsoa) => !byCode.has(lsoa.code)).map((lsoa) => lsoa.code);
  if (noFigures.length > 0)
    errors.push(
      `The deprivation file has no row for ${counted(noFigures.length, 'LSOA')} with a boundary: ${noFigures.slice(0, 10).join(', ')}${noFigures.length > 10 ? '…' : ''}.`,
    );
  const noShape = imd.filter((row) => !shapes.has(row.code)).map((row) => row.code);
  if (noShape.length > 0)
    errors.push(
      `The deprivation file names ${noShape.length} LSOA(s) with no boundary given: ${noShape.slice(0, 10).join(', ')}${noShape.length > 10 ? '…' : ''}.`,
    );

  const lsoaWard = new Map<string, string | null>();
  const summaries = new Map<string, WardDeprivation>();
  for (const lsoa of lsoas) {
    const row = byCode.get(lsoa.code);
    if (!row) continue;
    const ward = wardHoldingMost(lsoa.boundary, wards);
    lsoaWard.set(lsoa.code, ward?.code ?? null);
    if (!ward) continue;
    const summary = summaries.get(ward.code) ?? {
      mostDeprivedDecile: 10,
      lsoas: 0,
      inMostDeprived10: 0,
      inMostDeprived20: 0,
    };
    summary.lsoas += 1;
    summary.mostDeprivedDecile = Math.min(summary.mostDeprivedDecile, row.decile);
    if (row.decile === 1) summary.inMostDeprived10 += 1;
    if (row.decile <= 2) summary.inMostDeprived20 += 1;
    summaries.set(ward.code, summary);
  }
  return { wards: summaries, lsoaWard, errors };
}

/** "2 of its 5 LSOAs in England's most deprived 10%", or the most deprived decile when none is in the 20%. */
export function deprivationWords(deprivation: WardDeprivation): string {
  const of = (count: number) =>
    `${count} of its ${deprivation.lsoas} LSOA${deprivation.lsoas === 1 ? '' : 's'}`;
  if (deprivation.inMostDeprived10 > 0)
    return `${of(deprivation.inMostDeprived10)} in England's most deprived 10% (decile 1)`;
  if (deprivation.inMostDeprived20 > 0)
    return `${of(deprivation.inMostDeprived20)} in England's most deprived 20% (deciles 1–2)`;
  return `most deprived LSOA in decile ${deprivation.mostDeprivedDecile}`;
}
