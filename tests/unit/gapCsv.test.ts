// The "missing services" CSV: one row per ward with total and local counts per capability, unparished
// wards said in words, open requests only when known, and a ward name that looks like a spreadsheet
// formula written so a spreadsheet shows it instead of running it.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { CAPABILITIES } from '../../src/domain/entities/capabilities.ts';
import { analyseGaps } from '../../src/domain/gaps/gapAnalysis.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { gapReportCsv } from '../../src/app/features/gaps/gapCsv.ts';
import { aParish } from '../support/area.ts';

const boundary: Ward['boundary'] = {
  type: 'Polygon',
  coordinates: [
    [
      [0.3, 51.2],
      [0.4, 51.2],
      [0.4, 51.3],
      [0.3, 51.2],
    ],
  ],
};
const wards: Ward[] = [
  { code: 'W1', name: 'Westfield', boundary, centre: [0.35, 51.22], parished: true, neighbours: [] },
  {
    code: 'W2',
    name: '=HYPERLINK("http://x")',
    boundary,
    centre: [0.35, 51.22],
    parished: false,
    neighbours: [],
  },
];
const parishes: Parish[] = [aParish('P1', 'Little Westfield', ['W1'])];
const pantry = partnerSchema.parse({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Pantry',
  kind: 'voluntary_group',
  capabilities: ['food'],
  coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
  base: { address: '', postcode: null, lat: null, lon: null },
  phone: '01632 960001',
  email: null,
  availability: { always: true, hours: [], outOfHoursPhone: null },
  capacityNotes: '',
  emergencyPlan: { agreed: false, date: null },
  localCompact: { agreed: false, date: null },
  listedPublicly: true,
  lastVerified: '2026-11-01',
  status: 'active',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe('gap report CSV', () => {
  it('writes a row per ward with total and local counts per capability', () => {
    const { data, meta } = parse(gapReportCsv(analyseGaps(wards, parishes, [pantry])));
    expect(meta.fields).toHaveLength(6 + 2 * CAPABILITIES.length);
    expect(meta.fields).not.toContain('Open requests');
    const westfield = data.find((row) => row['Ward code'] === 'W1');
    expect(westfield).toMatchObject({
      Ward: 'Westfield',
      Parished: 'Yes',
      Parishes: 'Little Westfield',
      Gaps: String(CAPABILITIES.length - 1),
      'Food: partners': '1',
      'Food: local partners': '1',
      'Transport: partners': '0',
    });
    expect(data.find((row) => row['Ward code'] === 'W2')?.Parished).toBe('No (unparished)');
  });

  it('does not let a ward name run as a spreadsheet formula', () => {
    const { data } = parse(gapReportCsv(analyseGaps(wards, parishes, [pantry])));
    const name = data.find((row) => row['Ward code'] === 'W2')?.Ward;
    expect(name).toBe(`'=HYPERLINK("http://x")`);
  });

  it('adds open requests when they are known', () => {
    const csv = gapReportCsv(analyseGaps(wards, parishes, [], { openRequests: new Map([['W2', 4]]) }));
    const { data } = parse(csv);
    expect(data.map((row) => row['Open requests'])).toEqual(['4', '0']);
  });
});
