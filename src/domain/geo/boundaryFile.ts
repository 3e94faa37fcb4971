// Reads one GeoJSON boundary file a council brings (ONS ward or parish boundaries of any vintage) and
// checks every feature before anything is stored. Pure: the caller reads the file. Each problem is one
// plain sentence naming the file and the feature, so the person loading it can fix the file and retry.
import type { Boundary, Position } from './geometry.ts';
import { areaCodeSchema } from './area.ts';
import { ringProblem } from './ringContacts.ts';

/** A ward or parish as a boundary file gives it, before the area is built. */
export interface AreaFeature {
  code: string;
  name: string;
  boundary: Boundary;
}

export type BoundaryFileResult =
  | { kind: 'wards'; wards: AreaFeature[] }
  | { kind: 'parishes'; parishes: AreaFeature[] }
  | { kind: 'lsoas'; lsoas: AreaFeature[] }
  | { kind: 'invalid'; errors: string[] };

interface PropertyNames {
  kind: 'wards' | 'parishes' | 'lsoas';
  code: string;
  name: string | undefined;
}

// ONS renames its fields with each edition (WD13CD, WD24CD, PAR21CD, PARNCP24CD…), so match the
// pattern rather than a list that goes stale.
const ONS_FIELDS = [
  { kind: 'wards', code: /^WD\d\dCD$/i, name: /^WD\d\dNM$/i },
  { kind: 'parishes', code: /^PAR\d\dCD$/i, name: /^PAR\d\dNM$/i },
  { kind: 'parishes', code: /^PARNCP\d\dCD$/i, name: /^PARNCP\d\dNM$/i },
  // Small areas for the Indices of Deprivation (LSOA11CD, LSOA21CD).
  { kind: 'lsoas', code: /^LSOA\d\dCD$/i, name: /^LSOA\d\dNM$/i },
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function chooseProperties(fileName: string, keys: readonly string[]): PropertyNames | undefined {
  const namedAsParishes = /parish/i.test(fileName);
  const found: PropertyNames[] = [];
  for (const fields of ONS_FIELDS) {
    const code = keys.find((key) => fields.code.test(key));
    if (code === undefined) continue;
    // Prefer the name field of the same edition as the code field.
    const sameEdition = code.slice(0, -2) + (code.endsWith('cd') ? 'nm' : 'NM');
    const name = keys.includes(sameEdition) ? sameEdition : keys.find((key) => fields.name.test(key));
    found.push({ kind: fields.kind, code, name });
  }
  const preferred =
    found.find((names) => names.kind === (namedAsParishes ? 'parishes' : 'wards')) ?? found[0];
  if (preferred !== undefined) return preferred;
  const code = keys.find((key) => key.toLowerCase() === 'code');
  if (code === undefined) return undefined;
  return {
    kind: namedAsParishes ? 'parishes' : 'wards',
    code,
    name: keys.find((key) => key.toLowerCase() === 'name'),
  };
}

function propertyText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

// British National Grid eastings run 0–700 km and northings 0–1,300 km; no WGS84 position is that big.
function looksLikeNationalGrid(position: readonly number[]): boolean {
  const [x = 0, y = 0] = position;
  return x > 180 && x <= 800_000 && y > 90 && y <= 1_300_000;
}

// Great Britain and Northern Ireland, generously: every council this serves lies inside.
const IN_THE_UK = { west: -9, east: 2, south: 49.5, north: 61 };
const inTheUk = ([lon = 0, lat = 0]: readonly number[]) =>
  lon >= IN_THE_UK.west && lon <= IN_THE_UK.east && lat >= IN_THE_UK.south && lat <= IN_THE_UK.north;

/**
 * A file written latitude first (GeoJSON is longitude first): its positions lie nowhere near the UK
 * (Maidstone's 0.52, 51.27 read as 51.27, 0.52 is off Somalia), while read the other way round every
 * one is in it. Such a file would load wards no place or partner is ever found in.
 */
function swappedPosition(features: readonly unknown[]): number[] | undefined {
  let first: number[] | undefined;
  for (const feature of features) {
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    if (!isRecord(geometry)) continue;
    for (const position of positionsIn(geometry.coordinates)) {
      if (inTheUk(position) || !inTheUk([position[1] ?? 0, position[0] ?? 0])) return undefined;
      first ??= position;
    }
  }
  return first;
}

function* positionsIn(value: unknown): Generator<number[]> {
  if (isPosition(value)) yield value;
  else if (Array.isArray(value)) for (const item of value) yield* positionsIn(item);
}

/** To six places, as the file most likely wrote it; a number too large to round (1e308) as it is. */
function round(n: number): string {
  const rounded = Math.round(n * 1e6) / 1e6;
  return String(Number.isFinite(rounded) ? rounded : n);
}

/** Checks one ring; returns its 2-D positions or the problem with it. */
function checkRing(ring: unknown): Position[] | string {
  if (!Array.isArray(ring)) return 'is not a list of positions';
  const bad = ring.findIndex((position) => !isPosition(position));
  if (bad >= 0) return `position ${bad + 1} is not a pair of numbers`;
  // Heights (a third number) are dropped: boundaries are flat. A position repeated one after the other
  // draws nothing, and is dropped too (simplified boundaries often hold a few).
  const positions: Position[] = [];
  for (const [lon = 0, lat = 0] of ring as number[][]) {
    const previous = positions[positions.length - 1];
    if (previous === undefined || previous[0] !== lon || previous[1] !== lat) positions.push([lon, lat]);
  }
  const outside = positions.find(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90);
  if (outside !== undefined) {
    return `has a position outside longitude -180 to 180, latitude -90 to 90 (${round(outside[0])}, ${round(outside[1])})`;
  }
  if (positions.length < 4) return `has ${positions.length} positions; a ring needs at least 4`;
  const first = positions[0] as Position;
  const last = positions[positions.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'is not closed';
  return positions;
}

/** Checks one geometry; returns the boundary or the problems found. */
function checkGeometry(geometry: unknown): { boundary?: Boundary; problems: string[] } {
  if (!isRecord(geometry)) return { problems: ['has no geometry'] };
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { problems: [`is a ${String(type)}; only Polygon and MultiPolygon boundaries can be loaded`] };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { problems: ['has no coordinates'] };
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const problems: string[] = [];
  const cleaned: Position[][][] = [];
  polygons.forEach((polygon, p) => {
    const prefix = type === 'Polygon' ? '' : `polygon ${p + 1}, `;
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push(type === 'Polygon' ? 'the polygon has no rings' : `polygon ${p + 1} has no rings`);
      return;
    }
    const rings: Position[][] = [];
    polygon.forEach((ring: unknown, r) => {
      const checked = checkRing(ring);
      if (typeof checked === 'string') problems.push(`${prefix}ring ${r + 1} ${checked}`);
      else rings.push(checked);
    });
    cleaned.push(rings);
  });
  if (problems.length > 0) return { problems };
  const problem = ringProblem(cleaned);
  if (problem !== undefined) {
    const where = `${type === 'Polygon' ? '' : `polygon ${problem.polygon + 1}, `}ring ${problem.ring + 1} ${problem.words}`;
    return { problems: [problem.invalid ? `is not a valid polygon: ${where}` : where] };
  }
  const boundary: Boundary =
    type === 'Polygon'
      ? { type: 'Polygon', coordinates: cleaned[0] as Position[][] }
      : { type: 'MultiPolygon', coordinates: cleaned };
  return { boundary, problems: [] };
}

/** GeoJSON's geometry types: a file that is one of them names no area. */
export const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Parses and checks a GeoJSON FeatureCollection of ward or parish boundaries. */
export function parseBoundaryFile(fileName: string, content: string): BoundaryFileResult {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', errors: [`${fileName} is not valid JSON: ${(error as Error).message}`] };
  }
  // One Feature on its own (one ward exported alone) is read as a collection of one.
  if (isRecord(json) && json.type === 'Feature') json = { type: 'FeatureCollection', features: [json] };
  if (isRecord(json) && typeof json.type === 'string' && GEOMETRY_TYPES.has(json.type)) {
    return {
      kind: 'invalid',
      errors: [
        `${fileName} is a bare ${json.type} geometry, with no code or name for the area: give a GeoJSON ` +
          `FeatureCollection whose features carry the code and name as properties`,
      ],
    };
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { kind: 'invalid', errors: [`${fileName} is not a GeoJSON FeatureCollection`] };
  }
  const features: unknown[] = json.features;
  if (features.length === 0) return { kind: 'invalid', errors: [`${fileName} has no features`] };

  for (const [index, feature] of features.entries()) {
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    const nationalGrid = isRecord(geometry)
      ? [...positionsIn(geometry.coordinates)].find(looksLikeNationalGrid)
      : undefined;
    if (nationalGrid !== undefined) {
      return {
        kind: 'invalid',
        errors: [
          `${fileName}: the coordinates look like British National Grid metres (${nationalGrid[0]}, ${nationalGrid[1]} ` +
            `in feature ${index + 1}), not WGS84 longitude and latitude; export the file in WGS84 (EPSG:4326), ` +
            `for example with: ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`,
        ],
      };
    }
  }

  const swapped = swappedPosition(features);
  if (swapped !== undefined) {
    return {
      kind: 'invalid',
      errors: [
        `${fileName}: the coordinates look like latitude, longitude (${swapped[0]}, ${swapped[1]} lies nowhere ` +
          `near the UK; ${swapped[1]}, ${swapped[0]} does), but GeoJSON gives longitude first; write each ` +
          `position as [longitude, latitude]`,
      ],
    };
  }

  const keys = [
    ...new Set(
      features.flatMap((f) => (isRecord(f) && isRecord(f.properties) ? Object.keys(f.properties) : [])),
    ),
  ];
  const names = chooseProperties(fileName, keys);
  if (names === undefined) {
    return {
      kind: 'invalid',
      errors: [
        `${fileName} has no code property the importer knows: expected ONS names such as WD24CD/WD24NM ` +
          `(wards) or PAR21CD/PAR21NM (parishes), or plain code and name; its properties are ` +
          (keys.length > 0 ? keys.join(', ') : 'empty'),
      ],
    };
  }

  const errors: string[] = [];
  const loaded: AreaFeature[] = [];
  // Keyed in capitals: "e05004982" and "E05004982" are one ONS code, and a CSV cell naming a ward is
  // matched whatever its case (lookUp in csvValues.ts), so two such wards could never be told apart.
  const firstWithCode = new Map<string, number>();
  features.forEach((feature, index) => {
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const code = propertyText(properties[names.code]);
    const name = names.name === undefined ? '' : propertyText(properties[names.name]);
    const label = [code && `code ${code}`, name && `"${name}"`].filter(Boolean).join(' ');
    const say = (problem: string) =>
      errors.push(`${fileName}, feature ${index + 1}${label ? ` (${label})` : ''}: ${problem}`);
    if (!isRecord(feature) || feature.type !== 'Feature') return say('is not a GeoJSON Feature');
    if (code === '') say(`has no code (${names.code})`);
    else {
      const codeCheck = areaCodeSchema.safeParse(code);
      if (!codeCheck.success) say(`the code "${code}" cannot be used: ${codeCheck.error.issues[0]?.message}`);
      const earlier = firstWithCode.get(code.toUpperCase());
      if (earlier !== undefined) say(`the code ${code} is also used by feature ${earlier + 1}`);
      else firstWithCode.set(code.toUpperCase(), index);
    }
    if (name === '') say(`has no name${names.name === undefined ? '' : ` (${names.name})`}`);
    const { boundary, problems } = checkGeometry(feature.geometry);
    for (const problem of problems) say(problem);
    if (boundary !== undefined && code !== '' && name !== '') loaded.push({ code, name, boundary });
  });

  if (errors.length > 0) return { kind: 'invalid', errors };
  if (names.kind === 'lsoas') return { kind: 'lsoas', lsoas: loaded };
  return names.kind === 'wards' ? { kind: 'wards', wards: loaded } : { kind: 'parishes', parishes: loaded };
}
