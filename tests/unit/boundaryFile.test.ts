// Reading a council's GeoJSON boundary files: ONS property names of any vintage, plain code/name, and
// every problem (geometry, coordinates, codes, JSON) named by file and feature so it can be fixed.
import { describe, it, expect } from 'vitest';
import { parseBoundaryFile } from '../../src/domain/geo/areaImport.ts';
import type { AreaFeature } from '../../src/domain/geo/areaImport.ts';
import type { Position } from '../../src/domain/geo/geometry.ts';
import { polygon, square } from '../support/area.ts';

function collection(features: { properties: Record<string, unknown>; geometry: unknown }[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((feature) => ({ type: 'Feature', ...feature })),
  });
}

/** Two wards side by side near Maidstone, with ONS 2013 property names. */
const twoWards = collection([
  {
    properties: { WD13CD: 'E05000001', WD13NM: 'Alpha', WD13NMW: null },
    geometry: polygon(square(0.5, 51.2)),
  },
  {
    properties: { WD13CD: 'E05000002', WD13NM: 'Beta', WD13NMW: null },
    geometry: polygon(square(0.51, 51.2)),
  },
]);

function wardsOf(text: string): AreaFeature[] {
  const result = parseBoundaryFile('wards.geojson', text);
  if (result.kind !== 'wards') throw new Error(`expected wards, got ${JSON.stringify(result)}`);
  return result.wards;
}

function errorsOf(fileName: string, text: string): string[] {
  const result = parseBoundaryFile(fileName, text);
  return result.kind === 'invalid' ? result.errors : [];
}

describe('parseBoundaryFile', () => {
  it('reads ONS ward property names (WD13CD/WD13NM) as wards', () => {
    const wards = wardsOf(twoWards);
    expect(wards.map((ward) => [ward.code, ward.name])).toEqual([
      ['E05000001', 'Alpha'],
      ['E05000002', 'Beta'],
    ]);
    expect(wards[0]?.boundary).toEqual(polygon(square(0.5, 51.2)));
  });

  it('reads ONS parish property names (PAR21CD, PARNCP24CD) as parishes', () => {
    const par = parseBoundaryFile(
      'boundaries.geojson',
      collection([
        { properties: { PAR21CD: 'E04000001', PAR21NM: 'Upton' }, geometry: polygon(square(0.5, 51.2)) },
      ]),
    );
    expect(par).toEqual({
      kind: 'parishes',
      parishes: [{ code: 'E04000001', name: 'Upton', boundary: polygon(square(0.5, 51.2)) }],
    });
    const parncp = parseBoundaryFile(
      'x.geojson',
      collection([
        {
          properties: { PARNCP24CD: 'E04000002', PARNCP24NM: 'Downton' },
          geometry: polygon(square(0.5, 51.2)),
        },
      ]),
    );
    expect(parncp.kind).toBe('parishes');
  });

  it('reads plain code and name as wards, or as parishes when the file name says parish', () => {
    const text = collection([
      { properties: { code: 'W1', name: 'One' }, geometry: polygon(square(0.5, 51.2)) },
    ]);
    expect(parseBoundaryFile('boundaries.geojson', text).kind).toBe('wards');
    expect(parseBoundaryFile('Parishes-2024.geojson', text).kind).toBe('parishes');
  });

  it('accepts MultiPolygon boundaries and drops heights', () => {
    const withHeight = square(0.6, 51.2).map(([lon, lat]) => [lon, lat, 12]);
    const wards = wardsOf(
      collection([
        {
          properties: { code: 'W1', name: 'Islands' },
          geometry: { type: 'MultiPolygon', coordinates: [[square(0.5, 51.2)], [withHeight]] },
        },
      ]),
    );
    expect(wards[0]?.boundary).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square(0.5, 51.2)], [square(0.6, 51.2)]],
    });
  });

  it('names the file, feature and ring of an unclosed ring', () => {
    const open = square(0.51, 51.2)
      .slice(0, 4)
      .concat([[0.515, 51.2]]);
    const text = collection([
      { properties: { WD13CD: 'E05000001', WD13NM: 'Alpha' }, geometry: polygon(square(0.5, 51.2)) },
      { properties: { WD13CD: 'E05000002', WD13NM: 'Beta' }, geometry: polygon(open) },
    ]);
    expect(errorsOf('wards.geojson', text)).toEqual([
      'wards.geojson, feature 2 (code E05000002 "Beta"): ring 1 is not closed',
    ]);
  });

  it('names a ring with too few positions and a hole in a MultiPolygon by polygon and ring', () => {
    const tooShort: Position[] = [
      [0.5, 51.2],
      [0.51, 51.2],
      [0.5, 51.2],
    ];
    const errors = errorsOf(
      'w.geojson',
      collection([
        {
          properties: { code: 'W1', name: 'One' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[square(0.5, 51.2)], [square(0.6, 51.2), tooShort]],
          },
        },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson, feature 1 (code W1 "One"): polygon 2, ring 2 has 3 positions; a ring needs at least 4',
    ]);
  });

  it('names a position outside WGS84 range', () => {
    const errors = errorsOf(
      'w.geojson',
      collection([{ properties: { code: 'W1', name: 'One' }, geometry: polygon(square(0.5, 89.995)) }]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^w\.geojson, feature 1 \(code W1 "One"\): ring 1 has a position outside .*\(0\.5\d*, 90\.005\)/,
    );
  });

  it('names a position far outside the range as the file wrote it, not as Infinity', () => {
    const errors = errorsOf(
      'w.geojson',
      collection([
        {
          properties: { code: 'W1', name: 'One' },
          geometry: polygon([
            [0, 51],
            [1e308, 51],
            [1e308, 52],
            [0, 51],
          ]),
        },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson, feature 1 (code W1 "One"): ring 1 has a position outside longitude -180 to 180, latitude -90 to 90 (1e+308, 51)',
    ]);
  });

  it('says so when the coordinates look like British National Grid metres', () => {
    const errors = errorsOf(
      'bng.geojson',
      collection([
        { properties: { code: 'W1', name: 'One' }, geometry: polygon(square(575_000, 155_000, 100)) },
        { properties: { code: 'W2', name: 'Two' }, geometry: polygon(square(575_100, 155_000, 100)) },
      ]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('bng.geojson');
    expect(errors[0]).toContain('British National Grid');
    expect(errors[0]).toContain('EPSG:4326');
  });

  it('names a ring that crosses itself, and one that touches itself', () => {
    const bowTie: Position[] = [
      [0.5, 51.2],
      [0.51, 51.21],
      [0.51, 51.2],
      [0.5, 51.21],
      [0.5, 51.2],
    ];
    const touching: Position[] = [
      [0.51, 51.2],
      [0.5, 51.22],
      [0.5, 51.2],
      [0.52, 51.2],
      [0.52, 51.22],
      [0.51, 51.2],
    ];
    const errors = errorsOf(
      'w.geojson',
      collection([
        { properties: { code: 'W1', name: 'Bow' }, geometry: polygon(bowTie) },
        { properties: { code: 'W2', name: 'Pinch' }, geometry: polygon(touching) },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson, feature 1 (code W1 "Bow"): ring 1 crosses itself near 0.505, 51.205',
      expect.stringMatching(/^w\.geojson, feature 2 \(code W2 "Pinch"\): is not a valid polygon/),
    ]);
  });

  it('names duplicate codes, missing codes and names, and geometries that are not polygons', () => {
    const errors = errorsOf(
      'w.geojson',
      collection([
        { properties: { WD24CD: 'E05000001', WD24NM: 'Alpha' }, geometry: polygon(square(0.5, 51.2)) },
        { properties: { WD24CD: 'E05000001', WD24NM: 'Again' }, geometry: polygon(square(0.51, 51.2)) },
        { properties: { WD24NM: 'Nameless code' }, geometry: polygon(square(0.52, 51.2)) },
        { properties: { WD24CD: 'E05000004' }, geometry: polygon(square(0.53, 51.2)) },
        {
          properties: { WD24CD: 'E05000005', WD24NM: 'Line' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
        { properties: { WD24CD: 'E05000006', WD24NM: 'Empty' }, geometry: null },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson, feature 2 (code E05000001 "Again"): the code E05000001 is also used by feature 1',
      'w.geojson, feature 3 ("Nameless code"): has no code (WD24CD)',
      'w.geojson, feature 4 (code E05000004): has no name (WD24NM)',
      'w.geojson, feature 5 (code E05000005 "Line"): is a LineString; only Polygon and MultiPolygon boundaries can be loaded',
      'w.geojson, feature 6 (code E05000006 "Empty"): has no geometry',
    ]);
  });

  it('names a code that cannot be stored', () => {
    const errors = errorsOf(
      'w.geojson',
      collection([
        { properties: { code: 'E05 000001', name: 'Spaced' }, geometry: polygon(square(0.5, 51.2)) },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson, feature 1 (code E05 000001 "Spaced"): the code "E05 000001" cannot be used: code may hold letters, digits, - and _ only',
    ]);
  });

  it('gives one error naming the file for invalid JSON, and for JSON that is not a FeatureCollection', () => {
    const invalid = errorsOf('broken.geojson', '{"type": "FeatureCollection", "features": [');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatch(/^broken\.geojson is not valid JSON: \S/);
    expect(errorsOf('list.json', '[1, 2]')).toEqual(['list.json is not a GeoJSON FeatureCollection']);
  });

  it('says which properties it found when none names a code', () => {
    const errors = errorsOf(
      'msoa.geojson',
      collection([{ properties: { MSOA11CD: 'E02', MSOA11NM: 'X' }, geometry: polygon(square(0.5, 51.2)) }]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('MSOA11CD, MSOA11NM');
  });

  it('reads LSOA boundaries (for deprivation) as LSOAs, not wards', () => {
    const result = parseBoundaryFile(
      'lsoa.geojson',
      collection([
        { properties: { LSOA11CD: 'E01000001', LSOA11NM: 'X 001A' }, geometry: polygon(square(0.5, 51.2)) },
      ]),
    );
    expect(result.kind).toBe('lsoas');
    expect(result.kind === 'lsoas' && result.lsoas.map((lsoa) => [lsoa.code, lsoa.name])).toEqual([
      ['E01000001', 'X 001A'],
    ]);
  });
});
