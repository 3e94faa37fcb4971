// Boundary geometry as councils bring it: full-resolution ONS files (tens of thousands of positions a
// ward) load, and every shape a boundary must not have is named by ring and place: spikes, rings
// touching themselves, holes crossing or cutting their polygon, polygons of a MultiPolygon crossing.
import { describe, expect, it } from 'vitest';
import { parseBoundaryFile, buildArea } from '../../src/domain/geo/areaImport.ts';
import type { Position } from '../../src/domain/geo/geometry.ts';
import { polygon, rectangle, square } from '../support/area.ts';

const collection = (features: { code: string; geometry: unknown }[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: features.map(({ code, geometry }) => ({
      type: 'Feature',
      properties: { code, name: `Ward ${code}` },
      geometry,
    })),
  });

/** A ring of `count` positions round a point near Maidstone, as a full-resolution boundary has. */
function circle(lon: number, lat: number, radius: number, count: number): Position[] {
  const ring: Position[] = Array.from({ length: count }, (_, index) => {
    const angle = (2 * Math.PI * index) / count;
    return [lon + radius * 1.6 * Math.cos(angle), lat + radius * Math.sin(angle)];
  });
  return [...ring, ring[0] as Position];
}

const errorsOf = (text: string) => {
  const result = parseBoundaryFile('w.geojson', text);
  return result.kind === 'invalid' ? result.errors : [];
};

describe('boundary geometry', () => {
  it('loads wards of a full-resolution file, 30,000 positions each, and their parishes', () => {
    const big = circle(0.5, 51.25, 0.05, 30_000);
    const wards = parseBoundaryFile(
      'wards.geojson',
      collection([
        { code: 'W1', geometry: polygon(big) },
        {
          code: 'W2',
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[circle(0.8, 51.25, 0.05, 30_000)], [square(1, 51)]],
          },
        },
      ]),
    );
    expect(wards.kind).toBe('wards');
    const parishes = parseBoundaryFile(
      'parishes.geojson',
      collection([{ code: 'P1', geometry: polygon(circle(0.5, 51.25, 0.02, 30_000)) }]),
    );
    expect(parishes.kind).toBe('parishes');
    if (wards.kind !== 'wards' || parishes.kind !== 'parishes') return;
    const area = buildArea({ wards: wards.wards, parishBoundaries: parishes.parishes });
    expect(area.errors).toEqual([]);
    expect(area.parishes.map((parish) => parish.wardCodes)).toEqual([['W1']]);
  });

  it('takes a position repeated one after the other as one', () => {
    const ring = square(0.5, 51.2);
    const repeated = [ring[0], ring[1], ring[1], ring[2], ring[3], ring[4]] as Position[];
    const result = parseBoundaryFile('w.geojson', collection([{ code: 'W1', geometry: polygon(repeated) }]));
    expect(result.kind === 'wards' && result.wards[0]?.boundary).toEqual(polygon(ring));
  });

  it('names a spike (a ring touching itself), a hole crossing its outer ring, and polygons crossing each other', () => {
    const spike: Position[] = [
      [0.5, 51.2],
      [0.51, 51.2],
      [0.52, 51.2],
      [0.51, 51.2],
      [0.51, 51.21],
      [0.5, 51.2],
    ];
    const outer = rectangle(0.5, 51.2, 0.52, 51.22);
    const crossingHole = rectangle(0.51, 51.21, 0.53, 51.215);
    const cuttingHole: Position[] = [
      [0.5, 51.21],
      [0.51, 51.205],
      [0.52, 51.21],
      [0.51, 51.215],
      [0.5, 51.21],
    ];
    const touchingHole: Position[] = [
      [0.5, 51.21],
      [0.51, 51.205],
      [0.51, 51.215],
      [0.5, 51.21],
    ];
    expect(
      errorsOf(
        collection([
          { code: 'W1', geometry: polygon(spike) },
          { code: 'W2', geometry: { type: 'Polygon', coordinates: [outer, crossingHole] } },
          { code: 'W3', geometry: { type: 'Polygon', coordinates: [outer, cuttingHole] } },
          {
            code: 'W4',
            geometry: { type: 'MultiPolygon', coordinates: [[square(0.6, 51.2)], [square(0.605, 51.205)]] },
          },
          { code: 'W5', geometry: { type: 'Polygon', coordinates: [outer, touchingHole] } },
        ]),
      ),
    ).toEqual([
      'w.geojson, feature 1 (code W1 "Ward W1"): is not a valid polygon: ring 1 touches itself at 0.51, 51.2',
      'w.geojson, feature 2 (code W2 "Ward W2"): is not a valid polygon: ring 1 crosses ring 2 near 0.52, 51.21',
      'w.geojson, feature 3 (code W3 "Ward W3"): is not a valid polygon: ring 1 touches ring 2 at more than one point (0.5, 51.21 and 0.52, 51.21)',
      'w.geojson, feature 4 (code W4 "Ward W4"): is not a valid polygon: polygon 1, ring 1 crosses polygon 2 near 0.605, 51.21',
    ]);
  });
});

describe('boundary files written the wrong way', () => {
  it('refuses a file written latitude first, saying so in one line', () => {
    const latitudeFirst = (ring: Position[]) => ring.map(([lon, lat]): Position => [lat, lon]);
    const errors = errorsOf(
      collection([
        { code: 'W1', geometry: polygon(latitudeFirst(square(0.5, 51.2))) },
        { code: 'W2', geometry: polygon(latitudeFirst(square(-2.5, 53.4))) },
      ]),
    );
    expect(errors).toEqual([
      'w.geojson: the coordinates look like latitude, longitude (51.2, 0.5 lies nowhere near the UK; 0.5, 51.2 does), but GeoJSON gives longitude first; write each position as [longitude, latitude]',
    ]);
    // Longitude first, anywhere in the UK (Northern Ireland, Shetland) or outside it, is read as given.
    const fine = collection([
      { code: 'W1', geometry: polygon(square(-7.3, 54.6)) },
      { code: 'W2', geometry: polygon(square(-1.2, 60.2)) },
    ]);
    expect(parseBoundaryFile('w.geojson', fine).kind).toBe('wards');
    expect(
      parseBoundaryFile('w.geojson', collection([{ code: 'W1', geometry: polygon(square(10, 20)) }])).kind,
    ).toBe('wards');
  });

  it('reads one Feature on its own as a file of one, and says a bare geometry names no area', () => {
    const feature = {
      type: 'Feature',
      properties: { code: 'W1', name: 'Alone' },
      geometry: polygon(square(0.5, 51.2)),
    };
    const one = parseBoundaryFile('ward.geojson', JSON.stringify(feature));
    expect(one.kind === 'wards' && one.wards.map((ward) => ward.name)).toEqual(['Alone']);
    expect(parseBoundaryFile('ward.geojson', JSON.stringify(feature.geometry))).toEqual({
      kind: 'invalid',
      errors: [
        'ward.geojson is a bare Polygon geometry, with no code or name for the area: give a GeoJSON FeatureCollection whose features carry the code and name as properties',
      ],
    });
  });

  it('takes two codes differing only in case as one code, in one file and across files', () => {
    expect(
      errorsOf(
        collection([
          { code: 'E05004982', geometry: polygon(square(0.5, 51.2)) },
          { code: 'e05004982', geometry: polygon(square(0.51, 51.2)) },
        ]),
      ),
    ).toEqual([
      'w.geojson, feature 2 (code e05004982 "Ward e05004982"): the code e05004982 is also used by feature 1',
    ]);
    const [first, second] = ['W1', 'w1'].map((code, index) => {
      const result = parseBoundaryFile(
        `${code}.geojson`,
        collection([{ code, geometry: polygon(square(0.5 + index / 100, 51.2)) }]),
      );
      if (result.kind !== 'wards') throw new Error('expected wards');
      return result.wards[0]!;
    });
    const area = buildArea({
      wards: [first!, second!],
      parishList: [
        { code: 'P1', name: 'One', wardCodes: ['W1'] },
        { code: 'p1', name: 'Again', wardCodes: ['W1'] },
      ],
    });
    expect(area.errors).toEqual([
      'Ward code w1 is used twice ("Ward W1" and "Ward w1").',
      'Parish p1 ("Again") is listed twice.',
    ]);
  });
});
