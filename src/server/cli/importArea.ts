// `npm run import-area -- <folders or files>`: loads a council's own wards and parishes (ONS GeoJSON
// boundaries, parish lists as JSON or CSV) in place of the current area. Every file is read and checked
// first; if anything is wrong, every problem is printed and nothing is written. Uses the same database
// settings as the server: DATABASE_URL for PostgreSQL, otherwise PGlite in DATA_DIR (default ./data);
// with PGlite, stop the server first, as only one process may open its folder.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { buildArea, parseBoundaryFile, parseParishList } from '../../domain/geo/areaImport.ts';
import { GEOMETRY_TYPES } from '../../domain/geo/boundaryFile.ts';
import type { AreaFeature, ParishListEntry } from '../../domain/geo/areaImport.ts';
import Papa from 'papaparse';
import { looksLikeImd, readImdRows, type ImdRow } from '../../domain/geo/deprivation.ts';
import type { Ward } from '../../domain/geo/area.ts';
import { runWhenStarted, withCommandDatabase, type Output } from './command.ts';
import { replaceArea, type AreaReplacement } from '../area/replaceArea.ts';
import { counted } from '../../domain/words/counted.ts';

const AREA_FILE = /\.(geojson|json|csv)$/i;

const USAGE =
  'Usage: npm run import-area -- <folder or file>…\n' +
  'Give ward boundaries as GeoJSON (.geojson, or .json holding a FeatureCollection) and, optionally, parish ' +
  'boundaries (GeoJSON) and a parish list (.json array or .csv naming the wards each parish lies in); ' +
  'for deprivation, LSOA boundaries (GeoJSON with LSOA11CD) and the Indices of Deprivation as CSV ' +
  '(lsoa11cd, imd_rank, imd_decile, or the official File 1 headings).';

/** The files to read: each folder's area files (not its subfolders), and each file named. */
async function listFiles(args: readonly string[], errors: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info === undefined) errors.push(`${arg} does not exist.`);
    else if (info.isDirectory()) {
      const entries = (await readdir(arg, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && AREA_FILE.test(entry.name))
        .map((entry) => join(arg, entry.name))
        .sort();
      if (entries.length === 0) errors.push(`${arg} holds no .geojson, .json or .csv files.`);
      files.push(...entries);
    } else if (AREA_FILE.test(arg)) files.push(arg);
    else errors.push(`${arg} is not a .geojson, .json or .csv file.`);
  }
  return [...new Set(files.map((file) => resolve(file)))];
}

/** Whether a .json file is GeoJSON (a FeatureCollection, a Feature or a bare geometry), not a list. */
function isGeoJson(content: string): boolean | undefined {
  try {
    const json: unknown = JSON.parse(content.replace(/^\uFEFF/, ''));
    return typeof json === 'object' && json !== null && !Array.isArray(json) && 'type' in json
      ? json.type === 'FeatureCollection' ||
          json.type === 'Feature' ||
          (typeof json.type === 'string' && GEOMETRY_TYPES.has(json.type))
      : false;
  } catch {
    return undefined; // not JSON at all: the boundary parser names the problem
  }
}

interface Loaded {
  wards: AreaFeature[];
  parishBoundaries: AreaFeature[];
  parishList: ParishListEntry[];
  lsoas: AreaFeature[];
  imd: ImdRow[];
}

async function readAreaFiles(files: readonly string[], out: Output, errors: string[]): Promise<Loaded> {
  const loaded: Loaded = { wards: [], parishBoundaries: [], parishList: [], lsoas: [], imd: [] };
  for (const file of files) {
    const name = basename(file);
    const content = await readFile(file, 'utf8');
    const extension = extname(file).toLowerCase();
    const boundaries = extension === '.geojson' || (extension === '.json' && isGeoJson(content) !== false);
    if (boundaries) {
      const result = parseBoundaryFile(name, content);
      if (result.kind === 'invalid') errors.push(...result.errors);
      else if (result.kind === 'lsoas') {
        loaded.lsoas.push(...result.lsoas);
        out.log(`Read ${name}: ${counted(result.lsoas.length, 'LSOA boundary', 'LSOA boundaries')}.`);
      } else if (result.kind === 'wards') {
        loaded.wards.push(...result.wards);
        out.log(`Read ${name}: ${counted(result.wards.length, 'ward boundary', 'ward boundaries')}.`);
      } else {
        loaded.parishBoundaries.push(...result.parishes);
        out.log(`Read ${name}: ${counted(result.parishes.length, 'parish boundary', 'parish boundaries')}.`);
      }
    } else if (extension === '.csv' && isImdCsv(content)) {
      const table = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const result = readImdRows(name, table);
      if (result.kind === 'invalid') errors.push(...result.errors);
      else {
        loaded.imd.push(...result.rows);
        out.log(`Read ${name}: deprivation figures for ${counted(result.rows.length, 'LSOA', 'LSOAs')}.`);
      }
    } else {
      const result = parseParishList(name, content);
      if (result.kind === 'invalid') errors.push(...result.errors);
      else {
        loaded.parishList.push(...result.parishes);
        out.log(`Read ${name}: a list of ${counted(result.parishes.length, 'parish', 'parishes')}.`);
      }
    }
  }
  return loaded;
}

/** A CSV whose header row holds an IMD decile column is deprivation figures, not a parish list. */
function isImdCsv(content: string): boolean {
  const header = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? [];
  return looksLikeImd(header);
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** Where the deprivation figures put the most deprived LSOAs, in words. */
export function describeDeprivation(wards: readonly Ward[]): string[] {
  const summarised = wards.filter((ward) => ward.deprivation !== undefined);
  if (summarised.length === 0) return [];
  const deprived = summarised
    .filter((ward) => (ward.deprivation?.inMostDeprived20 ?? 0) > 0)
    .map(
      (ward) => `${ward.name} (${ward.deprivation?.inMostDeprived20}${ward.parished ? '' : ', unparished'})`,
    );
  return [
    `Deprivation summarised for ${counted(summarised.length, 'ward', 'wards')}.`,
    deprived.length === 0
      ? "No ward has an LSOA in England's most deprived 20%."
      : `Wards with LSOAs in England's most deprived 20%: ${list(deprived)}.`,
  ];
}

/** The report in plain words, one fact a line. */
export function describeReplacement(report: AreaReplacement): string[] {
  const lines = [
    `Loaded ${counted(report.wardsLoaded, 'ward', 'wards')}.`,
    `Loaded ${counted(report.parishesLoaded, 'parish', 'parishes')}.`,
  ];
  const unparished = report.unparishedWards;
  if (unparished.length > 0) {
    const verb = unparished.length === 1 ? 'ward is' : 'wards are';
    lines.push(`${unparished.length} ${verb} wholly unparished: ${list(unparished)}.`);
  }
  if (report.wardsRemoved.length > 0) {
    lines.push(
      `Removed ${counted(report.wardsRemoved.length, 'ward', 'wards')} that ${report.wardsRemoved.length === 1 ? 'is' : 'are'} ` +
        `no longer in the area: ${list(report.wardsRemoved)}.`,
    );
  }
  if (report.parishesRemoved.length > 0) {
    lines.push(
      `Removed ${counted(report.parishesRemoved.length, 'parish', 'parishes')} that ` +
        `${report.parishesRemoved.length === 1 ? 'is' : 'are'} no longer in the area: ${list(report.parishesRemoved)}.`,
    );
  }
  for (const partner of report.partners) {
    const gone = [...partner.removedWards, ...partner.removedParishes];
    let line = `Partner "${partner.name}" no longer covers ${list(gone)}.`;
    if (partner.coversNothing) {
      line +=
        partner.status === 'paused'
          ? ' It now covers no ward or parish, so it is paused: name where it works and make it active again.'
          : ' It now covers no ward or parish.';
    }
    lines.push(line);
  }
  for (const contact of report.contacts) {
    lines.push(
      `Contact "${contact.name}" was for the parish ${contact.formerParish}, which is no longer in the area; ` +
        `their organisation is "${contact.organisation ?? ''}".`,
    );
  }
  for (const user of report.coordinators) {
    lines.push(
      `User "${user.username}" is the parish coordinator for ${user.formerParish}, which is no longer in the area: ` +
        'they will see no parish requests or restricted parish contacts until they are given a parish.',
    );
  }
  if (report.requestsInOldPlaces > 0) {
    lines.push(
      `${counted(report.requestsInOldPlaces, 'request names', 'requests name')} a ward or parish no longer in the area; ` +
        'they keep the place as it was logged.',
    );
  }
  return lines;
}

/**
 * Runs the command; returns the exit code. DATABASE_SCHEMA (optional) puts the tables in that
 * PostgreSQL schema instead of public, as the tests do to keep to themselves on a shared server.
 */
export async function runImportArea(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output,
): Promise<number> {
  if (args.length === 0) {
    out.error(USAGE);
    return 1;
  }
  const errors: string[] = [];
  const files = await listFiles(args, errors);
  const loaded = await readAreaFiles(files, out, errors);
  if (errors.length === 0 && loaded.wards.length === 0) {
    errors.push(`No ward boundaries were found in ${list(args)}: give a GeoJSON file of the wards.`);
  }
  const area = errors.length === 0 ? buildArea(loaded) : undefined;
  if (area !== undefined) errors.push(...area.errors);
  if (area === undefined || errors.length > 0) {
    for (const error of errors) out.error(error);
    out.error('Nothing was written.');
    return 1;
  }

  return withCommandDatabase(env, async (db) => {
    const report = await replaceArea(db, area, { source: files.map((file) => basename(file)).join(', ') });
    for (const line of describeReplacement(report)) out.log(line);
    for (const line of describeDeprivation(area.wards)) out.log(line);
    return 0;
  });
}

runWhenStarted(import.meta.url, runImportArea);
