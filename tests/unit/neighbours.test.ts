// Neighbouring wards: a shared edge makes neighbours, a shared corner does not; checked on a synthetic
// grid and on Maidstone's real 2013 wards (skipped when the shared data folder is absent).
import { describe, it, expect } from 'vitest';
import { sharedDataPath } from '../support/sharedData.ts';
import { existsSync, readFileSync } from 'node:fs';
import { computeNeighbours } from '../../src/domain/geo/neighbours.ts';
import { parseBoundaryFile } from '../../src/domain/geo/areaImport.ts';
import type { Boundary, Position } from '../../src/domain/geo/geometry.ts';

function square(x: number, y: number, clockwise = false): Boundary {
  const ring: Position[] = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [clockwise ? ring.reverse() : ring] };
}

/** A 3 × 3 grid of unit squares named by column letter and row number: A1 is south-west. */
function grid(): { code: string; boundary: Boundary }[] {
  const cells = [];
  for (let y = 0; y < 3; y++) {
    for (let x = 0; x < 3; x++) {
      cells.push({ code: `${'ABC'[x]}${y + 1}`, boundary: square(x, y, (x + y) % 2 === 1) });
    }
  }
  return cells;
}

describe('computeNeighbours on a grid', () => {
  const neighbours = computeNeighbours(grid());

  it('gives the middle cell its four edge neighbours, sorted, whichever way the rings run', () => {
    expect(neighbours.get('B2')).toEqual(['A2', 'B1', 'B3', 'C2']);
  });

  it('does not count cells touching only at a corner', () => {
    expect(neighbours.get('A1')).toEqual(['A2', 'B1']);
    expect(neighbours.get('A1')).not.toContain('B2');
    expect(neighbours.get('C3')).toEqual(['B3', 'C2']);
  });

  it('is symmetric', () => {
    for (const [code, codes] of neighbours) {
      for (const other of codes) expect(neighbours.get(other)).toContain(code);
    }
  });

  it('matches vertices that differ only beyond the seventh decimal', () => {
    const noisy: Boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [1.00000000004, 0],
          [2, 0],
          [2, 1],
          [1, 0.99999999996],
          [1.00000000004, 0],
        ],
      ],
    };
    const result = computeNeighbours([
      { code: 'W', boundary: square(0, 0) },
      { code: 'E', boundary: noisy },
    ]);
    expect(result.get('W')).toEqual(['E']);
  });

  it('does not count wards that overlap along a line without sharing an edge', () => {
    // The second square's west side runs from (1, 0.5) to (1, 1.5): on the first one's east side but
    // with different vertices, so no edge is shared.
    const shifted: Boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0.5],
          [2, 0.5],
          [2, 1.5],
          [1, 1.5],
          [1, 0.5],
        ],
      ],
    };
    const result = computeNeighbours([
      { code: 'W', boundary: square(0, 0) },
      { code: 'E', boundary: shifted },
    ]);
    expect(result.get('W')).toEqual([]);
    expect(result.get('E')).toEqual([]);
  });

  it('handles MultiPolygon wards and lists every ward, even one with no neighbour', () => {
    const island: Boundary = {
      type: 'MultiPolygon',
      coordinates: [square(5, 5).coordinates as Position[][]],
    };
    const split: Boundary = {
      type: 'MultiPolygon',
      coordinates: [square(-1, 0).coordinates as Position[][], square(10, 10).coordinates as Position[][]],
    };
    const result = computeNeighbours([
      { code: 'A', boundary: square(0, 0) },
      { code: 'B', boundary: split },
      { code: 'I', boundary: island },
    ]);
    expect(result.get('A')).toEqual(['B']);
    expect(result.get('B')).toEqual(['A']);
    expect(result.get('I')).toEqual([]);
  });
});

const WARDS_2013 = sharedDataPath('maidstone', 'wards-2013.geojson');

describe.skipIf(!existsSync(WARDS_2013))('computeNeighbours on Maidstone 2013 wards', () => {
  const parsed = parseBoundaryFile(
    'wards-2013.geojson',
    existsSync(WARDS_2013) ? readFileSync(WARDS_2013, 'utf8') : '',
  );
  const wards = parsed.kind === 'wards' ? parsed.wards : [];
  const neighbours = computeNeighbours(wards);
  const codeOf = (name: string) => wards.find((ward) => ward.name === name)?.code ?? name;

  it('is symmetric and gives every one of the 26 wards a neighbour', () => {
    expect(wards).toHaveLength(26);
    for (const ward of wards) {
      const codes = neighbours.get(ward.code) ?? [];
      expect(codes.length, ward.name).toBeGreaterThanOrEqual(1);
      for (const other of codes) expect(neighbours.get(other)).toContain(ward.code);
    }
  });

  it('knows wards that border each other from those that do not', () => {
    expect(neighbours.get(codeOf('Bearsted'))).toContain(codeOf('Downswood and Otham'));
    expect(neighbours.get(codeOf('Headcorn'))).toContain(codeOf('Staplehurst'));
    expect(neighbours.get(codeOf('Allington'))).not.toContain(codeOf('Staplehurst'));
  });
});
