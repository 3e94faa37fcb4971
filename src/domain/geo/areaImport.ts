// Builds the area (wards and parishes) from what a council's files give: ward boundaries, and parish
// boundaries and/or a parish list. Pure, so the import command, the demo borough and tests share one
// set of rules: every parish lies in known wards, and parished, neighbours and centres are derived
// rather than typed in. Reading the files themselves is in boundaryFile.ts and parishList.ts.
import { pointOnFeature } from '@turf/point-on-feature';
import { wardSchema, parishSchema, type Ward, type Parish } from './area.ts';
import { boundsOf, polygonsOf, type Boundary, type Position } from './geometry.ts';
import { computeNeighbours } from './neighbours.ts';
import { describeFieldErrors, fieldErrors } from '../api/apiError.ts';
import type { AreaFeature } from './boundaryFile.ts';
import type { ParishListEntry } from '../directory/parishList.ts';
import { wardDeprivation, type ImdRow } from './deprivation.ts';
import { lsoaSchema, type Lsoa } from '../entities/lsoa.ts';

export { parseBoundaryFile, type AreaFeature, type BoundaryFileResult } from './boundaryFile.ts';
export { parseParishList, type ParishListEntry, type ParishListResult } from '../directory/parishList.ts';

export interface AreaSources {
  wards: readonly AreaFeature[];
  parishBoundaries?: readonly AreaFeature[] | undefined;
  parishList?: readonly ParishListEntry[] | undefined;
  /** LSOA boundaries and their Indices of Deprivation rows: both or neither. */
  lsoas?: readonly AreaFeature[] | undefined;
  imd?: readonly ImdRow[] | undefined;
}

export interface BuiltArea {
  wards: Ward[];
  parishes: Parish[];
  /** The LSOAs with their deprivation figures and ward (empty when none were given). */
  lsoas: Lsoa[];
  errors: string[];
}

/** A point guaranteed inside the boundary (a centroid can fall outside a crescent-shaped ward). */
function interiorPoint(boundary: Boundary): Position {
  const [lon = 0, lat = 0] = pointOnFeature({ type: 'Feature', properties: {}, geometry: boundary }).geometry
    .coordinates;
  return [lon, lat];
}

/** Even-odd test over every ring, so holes count as outside. */
function contains(boundary: Boundary, [x, y]: Position): boolean {
  let inside = false;
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as Position;
        const [xj, yj] = ring[j] as Position;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

// A parish given only as a boundary: estimate its wards by sampling points inside it. Parish and ward
// boundaries are generalised separately, so a ward holding only a thin sliver is noise, not membership.
const SAMPLES_PER_SIDE = 24;
const MIN_SHARE = 0.03;

function wardsUnder(parish: Boundary, wards: readonly AreaFeature[]): string[] {
  const [west, south, east, north] = boundsOf(parish);
  const candidates = wards
    .map((ward) => ({ ward, box: boundsOf(ward.boundary) }))
    .filter(({ box }) => box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south);
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < SAMPLES_PER_SIDE; i++) {
    for (let j = 0; j < SAMPLES_PER_SIDE; j++) {
      const point: Position = [
        west + ((i + 0.5) / SAMPLES_PER_SIDE) * (east - west),
        south + ((j + 0.5) / SAMPLES_PER_SIDE) * (north - south),
      ];
      if (!contains(parish, point)) continue;
      total++;
      const hit = candidates.find(
        ({ ward, box }) => point[0] >= box[0] && point[0] <= box[2] && contains(ward.boundary, point),
      );
      if (hit !== undefined) counts.set(hit.ward.code, (counts.get(hit.ward.code) ?? 0) + 1);
    }
  }
  const codes = [...counts].filter(([, count]) => count >= MIN_SHARE * total).map(([code]) => code);
  const centre = interiorPoint(parish);
  const home = candidates.find(({ ward }) => contains(ward.boundary, centre));
  if (home !== undefined && !codes.includes(home.ward.code)) codes.push(home.ward.code);
  return codes.sort();
}

interface ParishDraft {
  code: string;
  name: string;
  wardCodes: string[];
  boundary: Boundary | null;
}

function mergeParishes(sources: AreaSources, errors: string[]): ParishDraft[] {
  const drafts = new Map<string, ParishDraft>();
  const listedCodes = new Set<string>();
  for (const entry of sources.parishList ?? []) {
    if (listedCodes.has(entry.code.toUpperCase()))
      errors.push(`Parish ${entry.code} ("${entry.name}") is listed twice.`);
    else {
      listedCodes.add(entry.code.toUpperCase());
      drafts.set(entry.code, {
        code: entry.code,
        name: entry.name,
        wardCodes: [...entry.wardCodes],
        boundary: null,
      });
    }
  }
  const withBoundary = new Set<string>();
  for (const feature of sources.parishBoundaries ?? []) {
    if (withBoundary.has(feature.code)) {
      errors.push(`Parish ${feature.code} ("${feature.name}") has two boundaries.`);
      continue;
    }
    withBoundary.add(feature.code);
    const listed = drafts.get(feature.code);
    if (listed !== undefined) {
      listed.boundary = feature.boundary;
      continue;
    }
    const wardCodes = wardsUnder(feature.boundary, sources.wards);
    if (wardCodes.length === 0) {
      errors.push(`Parish "${feature.name}" (${feature.code}) lies outside every ward being loaded.`);
      continue;
    }
    drafts.set(feature.code, {
      code: feature.code,
      name: feature.name,
      wardCodes,
      boundary: feature.boundary,
    });
  }
  return [...drafts.values()];
}

/** Turns checked file contents into valid ward and parish records, or says what is wrong. */
export function buildArea(sources: AreaSources): BuiltArea {
  const errors: string[] = [];
  if (sources.wards.length === 0) errors.push('No wards were given: load a boundary file of the wards.');

  const wardNames = new Map<string, string>();
  // One code in two cases is one code (see boundaryFile.ts), across files as within one.
  const wardCases = new Map<string, string>();
  for (const ward of sources.wards) {
    const earlier = wardCases.get(ward.code.toUpperCase());
    if (earlier !== undefined)
      errors.push(`Ward code ${ward.code} is used twice ("${earlier}" and "${ward.name}").`);
    else {
      wardNames.set(ward.code, ward.name);
      wardCases.set(ward.code.toUpperCase(), ward.name);
    }
  }

  const drafts = mergeParishes(sources, errors);
  const parishedWards = new Set<string>();
  for (const parish of drafts) {
    for (const code of parish.wardCodes) {
      if (wardNames.has(code)) parishedWards.add(code);
      else {
        errors.push(
          `Parish "${parish.name}" (${parish.code}) lies in ward ${code}, which is not among the wards being loaded.`,
        );
      }
    }
  }

  const lsoas = sources.lsoas ?? [];
  const imd = sources.imd ?? [];
  if (lsoas.length > 0 && imd.length === 0)
    errors.push(
      'LSOA boundaries were given without the deprivation figures (an IMD CSV): give both or neither.',
    );
  if (imd.length > 0 && lsoas.length === 0)
    errors.push('Deprivation figures were given without LSOA boundaries: give both or neither.');
  const deprivation =
    lsoas.length > 0 && imd.length > 0 ? wardDeprivation(sources.wards, lsoas, imd) : undefined;
  if (deprivation) errors.push(...deprivation.errors);

  const neighbours = computeNeighbours(sources.wards);
  const wards: Ward[] = [];
  for (const feature of sources.wards) {
    const result = wardSchema.safeParse({
      code: feature.code,
      name: feature.name,
      boundary: feature.boundary,
      centre: interiorPoint(feature.boundary),
      parished: parishedWards.has(feature.code),
      neighbours: neighbours.get(feature.code) ?? [],
      ...(deprivation?.wards.has(feature.code) ? { deprivation: deprivation.wards.get(feature.code) } : {}),
    });
    if (result.success) wards.push(result.data);
    else
      errors.push(
        `Ward "${feature.name}" (${feature.code}): ${describeFieldErrors(fieldErrors(result.error))}.`,
      );
  }

  const parishes: Parish[] = [];
  for (const draft of drafts) {
    const result = parishSchema.safeParse({
      ...draft,
      communityEmergencyPlan: { has: false, link: null },
      charterRole: { agreed: false, date: null },
    });
    if (result.success) parishes.push(result.data);
    else
      errors.push(
        `Parish "${draft.name}" (${draft.code}): ${describeFieldErrors(fieldErrors(result.error))}.`,
      );
  }

  const imdByCode = new Map(imd.map((row) => [row.code, row]));
  const lsoaRecords: Lsoa[] = [];
  for (const feature of deprivation ? lsoas : []) {
    const row = imdByCode.get(feature.code);
    if (!row) continue;
    const result = lsoaSchema.safeParse({
      code: feature.code,
      name: feature.name,
      boundary: feature.boundary,
      wardCode: deprivation?.lsoaWard.get(feature.code) ?? null,
      imd: { rank: row.rank, decile: row.decile, score: row.score },
    });
    if (result.success) lsoaRecords.push(result.data);
    else
      errors.push(
        `LSOA "${feature.name}" (${feature.code}): ${describeFieldErrors(fieldErrors(result.error))}.`,
      );
  }

  return errors.length > 0
    ? { wards: [], parishes: [], lsoas: [], errors }
    : { wards, parishes, lsoas: lsoaRecords, errors };
}
