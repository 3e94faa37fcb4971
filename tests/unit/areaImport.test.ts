// Building the area from checked file contents: derived parished flags, neighbours and centres, parish
// boundaries merged with the list, unknown wards named; and the real Maidstone files end to end
// (skipped when they are absent).
import { describe, it, expect } from 'vitest';
import { sharedDataPath } from '../support/sharedData.ts';
import { existsSync, readFileSync } from 'node:fs';
import { buildArea, parseBoundaryFile, parseParishList } from '../../src/domain/geo/areaImport.ts';
import type { AreaFeature } from '../../src/domain/geo/areaImport.ts';
import { parishSchema, wardSchema } from '../../src/domain/geo/area.ts';
import { polygon, square } from '../support/area.ts';

describe('buildArea', () => {
  const wards: AreaFeature[] = [
    { code: 'E05000001', name: 'Alpha', boundary: polygon(square(0.5, 51.2)) },
    { code: 'E05000002', name: 'Beta', boundary: polygon(square(0.51, 51.2)) },
  ];

  it('makes valid wards and parishes with derived parished, neighbours, centre and defaults', () => {
    const area = buildArea({ wards, parishList: [{ code: 'P1', name: 'Upton', wardCodes: ['E05000001'] }] });
    expect(area.errors).toEqual([]);
    for (const ward of area.wards) expect(wardSchema.safeParse(ward).success).toBe(true);
    for (const parish of area.parishes) expect(parishSchema.safeParse(parish).success).toBe(true);
    const [alpha, beta] = area.wards;
    expect(alpha).toMatchObject({ code: 'E05000001', parished: true, neighbours: ['E05000002'] });
    expect(beta).toMatchObject({ code: 'E05000002', parished: false, neighbours: ['E05000001'] });
    const [lon = 0, lat = 0] = alpha?.centre ?? [];
    expect(lon).toBeGreaterThan(0.5);
    expect(lon).toBeLessThan(0.51);
    expect(lat).toBeGreaterThan(51.2);
    expect(lat).toBeLessThan(51.21);
    expect(area.parishes).toEqual([
      {
        code: 'P1',
        name: 'Upton',
        wardCodes: ['E05000001'],
        boundary: null,
        communityEmergencyPlan: { has: false, link: null },
        charterRole: { agreed: false, date: null },
        retired: false,
      },
    ]);
  });

  it('names the parish and the unknown ward it lists', () => {
    const area = buildArea({
      wards,
      parishList: [{ code: 'P1', name: 'Upton', wardCodes: ['E05000001', 'E05999999'] }],
    });
    expect(area.errors).toEqual([
      'Parish "Upton" (P1) lies in ward E05999999, which is not among the wards being loaded.',
    ]);
    expect(area.wards).toEqual([]);
  });

  it('attaches parish boundaries to listed parishes, and finds the wards of unlisted ones', () => {
    const acrossBoth = polygon([
      [0.505, 51.201],
      [0.515, 51.201],
      [0.515, 51.209],
      [0.505, 51.209],
      [0.505, 51.201],
    ]);
    const insideBeta = polygon(square(0.512, 51.202, 0.005));
    const area = buildArea({
      wards,
      parishList: [{ code: 'P1', name: 'Upton', wardCodes: ['E05000001'] }],
      parishBoundaries: [
        { code: 'P1', name: 'Upton', boundary: insideBeta },
        { code: 'P2', name: 'Across', boundary: acrossBoth },
        { code: 'P3', name: 'Inside', boundary: insideBeta },
      ],
    });
    expect(area.errors).toEqual([]);
    expect(area.parishes.map((parish) => [parish.code, parish.wardCodes, parish.boundary !== null])).toEqual([
      ['P1', ['E05000001'], true],
      ['P2', ['E05000001', 'E05000002'], true],
      ['P3', ['E05000002'], true],
    ]);
    expect(area.wards.every((ward) => ward.parished)).toBe(true);
  });

  it('refuses an area with no wards or a ward code used twice', () => {
    expect(buildArea({ wards: [] }).errors).toEqual([
      'No wards were given: load a boundary file of the wards.',
    ]);
    expect(buildArea({ wards: [...wards, ...wards.slice(0, 1)] }).errors).toEqual([
      'Ward code E05000001 is used twice ("Alpha" and "Alpha").',
    ]);
  });
});

const WARDS_2013 = sharedDataPath('maidstone', 'wards-2013.geojson');
const PARISHES = sharedDataPath('maidstone-lists', 'parishes.json');

describe.skipIf(!existsSync(WARDS_2013) || !existsSync(PARISHES))(
  'Maidstone 2013 wards and parish list',
  () => {
    it('loads 26 wards and 41 parishes with exactly the 8 unparished wards', () => {
      const wards = parseBoundaryFile('wards-2013.geojson', readFileSync(WARDS_2013, 'utf8'));
      const parishes = parseParishList('parishes.json', readFileSync(PARISHES, 'utf8'));
      expect(wards.kind).toBe('wards');
      expect(parishes.kind).toBe('parishList');
      if (wards.kind !== 'wards' || parishes.kind !== 'parishList') return;
      const area = buildArea({ wards: wards.wards, parishList: parishes.parishes });
      expect(area.errors).toEqual([]);
      expect(area.wards).toHaveLength(26);
      expect(area.parishes).toHaveLength(41);
      expect(
        area.wards
          .filter((ward) => !ward.parished)
          .map((ward) => ward.name)
          .sort(),
      ).toEqual([
        'Allington',
        'Bridge',
        'Fant',
        'Heath',
        'High Street',
        'North',
        'Shepway North',
        'Shepway South',
      ]);
      for (const ward of area.wards) {
        expect(wardSchema.safeParse(ward).success).toBe(true);
        expect(ward.neighbours.length).toBeGreaterThanOrEqual(1);
      }
    });
  },
);
