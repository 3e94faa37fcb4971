// The generated demo borough: valid records, valid geometry (it passes the same boundary checks as a
// council's file), the same borough every time, connected wards and an unparished town centre.
import { describe, it, expect } from 'vitest';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { parseBoundaryFile } from '../../src/domain/geo/areaImport.ts';
import { parishSchema, wardSchema } from '../../src/domain/geo/area.ts';

// prettier-ignore
const MAIDSTONE_WARDS = [
  'Allington', 'Barming', 'Bearsted', 'Boughton Monchelsea and Chart Sutton', 'Boxley', 'Bridge',
  'Coxheath and Hunton', 'Detling and Thurnham', 'Downswood and Otham', 'East', 'Fant', 'Harrietsham and Lenham',
  'Headcorn', 'Heath', 'High Street', 'Leeds', 'Loose', 'Marden and Yalding', 'North', 'North Downs', 'Park Wood',
  'Shepway North', 'Shepway South', 'South', 'Staplehurst', 'Sutton Valence and Langley',
];

describe('generateDemoArea', () => {
  const area = generateDemoArea();

  it('gives about 20 wards and 16 parishes that all pass their schemas', () => {
    expect(area.wards).toHaveLength(20);
    expect(area.parishes).toHaveLength(16);
    for (const ward of area.wards) expect(wardSchema.safeParse(ward).success, ward.name).toBe(true);
    for (const parish of area.parishes)
      expect(parishSchema.safeParse(parish).success, parish.name).toBe(true);
    expect(area.wards[0]?.code).toBe('DEMO-W01');
    expect(area.parishes.map((parish) => parish.code)).toContain('DEMO-P01');
  });

  it('has boundaries that pass the importer’s geometry checks', () => {
    const asFile = (features: { code: string; name: string; boundary: unknown }[]) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: features.map(({ code, name, boundary }) => ({
          type: 'Feature',
          properties: { code, name },
          geometry: boundary,
        })),
      });
    expect(parseBoundaryFile('demo-wards.geojson', asFile(area.wards)).kind).toBe('wards');
    const withBoundaries = area.parishes.filter((parish) => parish.boundary !== null);
    expect(withBoundaries.length).toBeGreaterThan(0);
    expect(withBoundaries.length).toBeLessThan(area.parishes.length);
    expect(parseBoundaryFile('demo-parishes.geojson', asFile(withBoundaries)).kind).toBe('parishes');
  });

  it('is the same borough every time', () => {
    expect(generateDemoArea()).toEqual(area);
  });

  it('sits near lon 0.55, lat 51.25', () => {
    for (const ward of area.wards) {
      expect(Math.abs(ward.centre[0] - 0.55)).toBeLessThan(0.2);
      expect(Math.abs(ward.centre[1] - 51.25)).toBeLessThan(0.1);
    }
  });

  it('gives every ward a neighbour, symmetrically', () => {
    const byCode = new Map(area.wards.map((ward) => [ward.code, ward]));
    for (const ward of area.wards) {
      expect(ward.neighbours.length, ward.name).toBeGreaterThanOrEqual(2);
      for (const code of ward.neighbours) expect(byCode.get(code)?.neighbours).toContain(ward.code);
    }
  });

  it('has an unparished town centre of 6 wards and parishes only in the outer wards', () => {
    const unparished = area.wards.filter((ward) => !ward.parished);
    expect(unparished).toHaveLength(6);
    const unparishedCodes = new Set(unparished.map((ward) => ward.code));
    for (const parish of area.parishes) {
      expect(parish.wardCodes.length).toBeGreaterThanOrEqual(1);
      expect(parish.wardCodes.length).toBeLessThanOrEqual(2);
      for (const code of parish.wardCodes) expect(unparishedCodes.has(code)).toBe(false);
    }
    // Central wards border only central or outer wards, and each has four neighbours.
    for (const ward of unparished) expect(ward.neighbours).toHaveLength(4);
  });

  it('uses distinct made-up ward names, none of them a Maidstone ward', () => {
    const names = area.wards.map((ward) => ward.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(MAIDSTONE_WARDS).not.toContain(name);
  });
});
