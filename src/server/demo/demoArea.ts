// The demo borough for a fresh machine with no boundary files: 20 fictional wards laid out as a
// jittered 5 × 4 grid (a town of 6 unparished wards ringed by 14 rural ones) and 16 parishes. Cells
// share exact edges so neighbours come out right, and it is built through buildArea so it obeys the
// same rules as a council's real import. Deterministic: the same borough on every machine.
import type { Parish, Ward } from '../../domain/geo/area.ts';
import type { Boundary, Position } from '../../domain/geo/geometry.ts';
import { buildArea } from '../../domain/geo/areaImport.ts';
import type { AreaFeature, ParishListEntry } from '../../domain/geo/areaImport.ts';
import { SeededRandom } from './random.ts';
import type { ImdRow } from '../../domain/geo/deprivation.ts';
import type { Lsoa } from '../../domain/entities/lsoa.ts';

const SEED = 20_210_611;
const COLUMNS = 5;
const ROWS = 4;
const WEST = 0.4;
const SOUTH = 51.17;
const CELL_LON = 0.06; // about 4.2 km at this latitude
const CELL_LAT = 0.04; // about 4.4 km

// Rows from the south; the middle 3 × 2 cells are the town. None is a real Maidstone ward name.
const WARD_NAMES: readonly (readonly string[])[] = [
  ['Ashcombe', 'Brambledown', 'Oakham Vale', 'Underhill', 'Willowbank'],
  ['Dunmere', 'Riverside', 'Millbrook', 'Elmstead Park', 'Rookwood'],
  ['Hollowmere', 'Castlegate', 'Kingsmead', 'Orchard Rise', 'Saxonbury'],
  ['Greywell', 'Fernhill', 'Pennyfold', 'Thistledown', 'Yewcroft'],
];

/** Parish name, the wards it lies in, and whether it comes with a boundary of its own. */
const PARISHES: readonly (readonly [string, readonly string[], boolean])[] = [
  ['Wealdmere St Mary', ['Greywell'], true],
  ['Fernhill', ['Fernhill'], false],
  ['Pennyfold and Stonebridge', ['Pennyfold', 'Thistledown'], false],
  ['Thistledown Green', ['Thistledown'], true],
  ['Yewcroft Cross', ['Yewcroft'], false],
  ['Hartsgate', ['Yewcroft', 'Saxonbury'], false],
  ['Saxonbury', ['Saxonbury'], true],
  ['Rookwood Marsh', ['Rookwood'], false],
  ['Willowbank', ['Willowbank'], true],
  ['Underhill with Copse End', ['Underhill', 'Willowbank'], false],
  ['Acorn Vale', ['Oakham Vale'], true],
  ['Little Brambledown', ['Brambledown'], false],
  ['Ashcombe Parva', ['Ashcombe'], true],
  ['Dunmere', ['Dunmere', 'Ashcombe'], false],
  ['Hollowmere', ['Hollowmere'], false],
  ['Coldharbour Green', ['Hollowmere', 'Greywell'], false],
];

const code = (prefix: 'W' | 'P', index: number) => `DEMO-${prefix}${String(index + 1).padStart(2, '0')}`;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The grid's corners, jittered, and a jittered point on every cell edge. Both cells beside an edge use
 * the same points, so they share it exactly; the outer corners stay put so the borough edge is tidy.
 */
function layOut(random: SeededRandom) {
  const jitter = (size: number) => (random.next() - 0.5) * size;
  const corners: Position[][] = [];
  for (let x = 0; x <= COLUMNS; x++) {
    corners.push([]);
    for (let y = 0; y <= ROWS; y++) {
      const inner = x > 0 && x < COLUMNS && y > 0 && y < ROWS;
      corners[x]?.push([
        round(WEST + x * CELL_LON + (inner ? jitter(CELL_LON * 0.4) : 0)),
        round(SOUTH + y * CELL_LAT + (inner ? jitter(CELL_LAT * 0.4) : 0)),
      ]);
    }
  }
  const corner = (x: number, y: number) => corners[x]?.[y] as Position;
  const midpoints = new Map<string, Position>();
  /** A point near the middle of the edge from one corner to another, pushed a little to one side. */
  const midpoint = (from: [number, number], to: [number, number]): Position => {
    const key = [from.join(','), to.join(',')].sort().join('|');
    let point = midpoints.get(key);
    if (point === undefined) {
      const [a, b] = [corner(...from), corner(...to)];
      const outer =
        (from[0] === to[0] && (from[0] === 0 || from[0] === COLUMNS)) ||
        (from[1] === to[1] && (from[1] === 0 || from[1] === ROWS));
      const push = outer ? 0 : jitter(0.3);
      point = [
        round((a[0] + b[0]) / 2 - (b[1] - a[1]) * push),
        round((a[1] + b[1]) / 2 + (b[0] - a[0]) * push),
      ];
      midpoints.set(key, point);
    }
    return point;
  };
  return { corner, midpoint };
}

/** Each ward cell's ring, anticlockwise from its south-west corner, as GeoJSON asks of outer rings. */
function cellRing(layout: ReturnType<typeof layOut>, x: number, y: number): Position[] {
  const { corner, midpoint } = layout;
  const sw: [number, number] = [x, y];
  const se: [number, number] = [x + 1, y];
  const ne: [number, number] = [x + 1, y + 1];
  const nw: [number, number] = [x, y + 1];
  return [
    corner(...sw),
    midpoint(sw, se),
    corner(...se),
    midpoint(se, ne),
    corner(...ne),
    midpoint(ne, nw),
    corner(...nw),
    midpoint(nw, sw),
    corner(...sw),
  ];
}

/**
 * A parish's own boundary: a quarter of its ward cell, from one corner to the middle of the cell.
 * The ring ends are points of the cell ring, so the parish sits inside its ward.
 */
function quarterOf(ring: readonly Position[], quarter: number): Boundary {
  const at = (i: number) => ring[i % 8] as Position;
  const middle = [0, 2, 4, 6].map((i) => at(i));
  const centre: Position = [
    round(middle.reduce((sum, p) => sum + p[0], 0) / 4),
    round(middle.reduce((sum, p) => sum + p[1], 0) / 4),
  ];
  const start = quarter * 2;
  const cornerPoint = at(start);
  return {
    type: 'Polygon',
    coordinates: [[cornerPoint, at(start + 1), centre, at(start + 7), cornerPoint]],
  };
}

/** The town's wards: unparished, and where the demo's most deprived small areas are. */
const TOWN = new Set(['Riverside', 'Millbrook', 'Elmstead Park', 'Castlegate', 'Kingsmead', 'Orchard Rise']);

/**
 * Four small areas (LSOAs) per ward, each a quarter of its cell, with made-up deprivation deciles: the
 * town's mostly in England's most deprived fifth, the villages mostly in the least deprived half, and
 * one deprived village so parished deprivation shows too. Its own random sequence, so the rest of the
 * demo borough is the same as before deprivation was added.
 */
function demoDeprivation(wards: readonly AreaFeature[], rings: ReadonlyMap<string, Position[]>) {
  const random = new SeededRandom(SEED + 1);
  const lsoas: AreaFeature[] = [];
  const imd: ImdRow[] = [];
  for (const ward of wards) {
    const ring = rings.get(ward.name);
    if (!ring) continue;
    for (let quarter = 0; quarter < 4; quarter++) {
      const lsoaCode = `DEMO-L${String(lsoas.length + 1).padStart(3, '0')}`;
      const name = `${ward.name} ${String.fromCharCode(65 + quarter)}`;
      lsoas.push({ code: lsoaCode, name, boundary: quarterOf(ring, quarter) });
      const decile = TOWN.has(ward.name)
        ? random.int(1, 5)
        : ward.name === 'Hollowmere' && quarter === 0
          ? 2
          : random.int(4, 10);
      const rank = Math.min(32_844, (decile - 1) * 3284 + random.int(1, 3284));
      imd.push({ code: lsoaCode, name, score: null, rank, decile });
    }
  }
  return { lsoas, imd };
}

export function generateDemoArea(): { wards: Ward[]; parishes: Parish[]; lsoas: Lsoa[] } {
  const random = new SeededRandom(SEED);
  const layout = layOut(random);
  const wards: AreaFeature[] = [];
  const rings = new Map<string, Position[]>();
  WARD_NAMES.forEach((row, y) =>
    row.forEach((name, x) => {
      const ring = cellRing(layout, x, y);
      rings.set(name, ring);
      wards.push({
        code: code('W', y * COLUMNS + x),
        name,
        boundary: { type: 'Polygon', coordinates: [ring] },
      });
    }),
  );
  const wardCode = new Map(wards.map((ward) => [ward.name, ward.code]));

  const parishList: ParishListEntry[] = [];
  const parishBoundaries: AreaFeature[] = [];
  PARISHES.forEach(([name, inWards, hasBoundary], index) => {
    const parishCode = code('P', index);
    parishList.push({ code: parishCode, name, wardCodes: inWards.map((ward) => wardCode.get(ward) ?? ward) });
    const ring = rings.get(inWards[0] ?? '');
    if (hasBoundary && ring !== undefined) {
      parishBoundaries.push({ code: parishCode, name, boundary: quarterOf(ring, random.int(0, 3)) });
    }
  });

  const { lsoas, imd } = demoDeprivation(wards, rings);
  const area = buildArea({ wards, parishBoundaries, parishList, lsoas, imd });
  // The inputs are fixed, so an error here is a bug in this file, not bad data.
  if (area.errors.length > 0) throw new Error(`the demo area is invalid: ${area.errors.join(' ')}`);
  return { wards: area.wards, parishes: area.parishes, lsoas: area.lsoas };
}
