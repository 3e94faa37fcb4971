// Gap analysis: each counting rule on a tiny hand-made area (each test fails if its rule is dropped),
// the one-capability shading and the per-ward partner lists agreeing with the table, the sort order, and
// the whole table equal to a brute-force count over the generated demo borough and directory.
import { describe, expect, it } from 'vitest';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { CAPABILITIES, type CapabilityId } from '../../src/domain/entities/capabilities.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import type { HelpRequest } from '../../src/domain/entities/request.ts';
import {
  analyseGaps,
  coverLevel,
  coverageForCapability,
  openRequestsByWard,
  partnersCoveringWard,
  sortGapRows,
  type GapAnalysis,
} from '../../src/domain/gaps/gapAnalysis.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { aParish, aWard } from '../support/area.ts';
import { aStrategicPartner as partner } from '../support/directoryFixtures.ts';

// Westfield (parished: Little Westfield, and Brookside which also lies in Eastbrook), Middleton
// (unparished), Eastbrook (parished: Brookside).
const wards: Ward[] = [
  aWard('W1', 'Westfield', 0.3),
  aWard('W2', 'Middleton', 0.4, { parished: false }),
  aWard('W3', 'Eastbrook', 0.5),
];
const parishes: Parish[] = [
  aParish('P1', 'Little Westfield', ['W1']),
  aParish('P2', 'Brookside', ['W1', 'W3']),
];

const cell = (analysis: GapAnalysis, wardCode: string, capability: CapabilityId) =>
  analysis.wards.find((row) => row.code === wardCode)?.counts.get(capability);

describe('counting cover', () => {
  it('counts a partner in the ward it names, and nowhere else', () => {
    const analysis = analyseGaps(wards, parishes, [partner({ name: 'Pantry' })]);
    expect(cell(analysis, 'W1', 'food')).toEqual({ total: 1, local: 1 });
    expect(cell(analysis, 'W2', 'food')).toEqual({ total: 0, local: 0 });
    expect(cell(analysis, 'W1', 'transport')).toEqual({ total: 0, local: 0 });
  });

  it('counts a partner in every ward its parish lies in', () => {
    const via = partner({
      name: 'Brookside helpers',
      coverage: { boroughWide: false, wards: [], parishes: ['P2'] },
    });
    const analysis = analyseGaps(wards, parishes, [via]);
    expect(cell(analysis, 'W1', 'food')).toEqual({ total: 1, local: 1 });
    expect(cell(analysis, 'W3', 'food')).toEqual({ total: 1, local: 1 });
    expect(cell(analysis, 'W2', 'food')).toEqual({ total: 0, local: 0 });
  });

  it('counts a borough-wide partner everywhere, but not as local', () => {
    const county = partner({ name: 'County', coverage: { boroughWide: true, wards: [], parishes: [] } });
    const analysis = analyseGaps(wards, parishes, [county]);
    for (const code of ['W1', 'W2', 'W3'])
      expect(cell(analysis, code, 'food')).toEqual({ total: 1, local: 0 });
    expect(coverLevel({ total: 1, local: 0 })).toBe('boroughWideOnly');
    expect(analysis.wards.every((row) => row.boroughWideOnly === 1)).toBe(true);
  });

  it('counts a partner that is borough-wide and names the ward (directly and by parish) once', () => {
    const both = partner({
      name: 'Both',
      coverage: { boroughWide: true, wards: ['W1'], parishes: ['P1', 'P2'] },
    });
    const analysis = analyseGaps(wards, parishes, [both]);
    expect(cell(analysis, 'W1', 'food')).toEqual({ total: 1, local: 1 });
    expect(cell(analysis, 'W2', 'food')).toEqual({ total: 1, local: 0 });
  });

  it('ignores paused and closed partners', () => {
    const analysis = analyseGaps(wards, parishes, [
      partner({ name: 'Paused', status: 'paused' }),
      partner({ name: 'Closed', status: 'closed' }),
    ]);
    expect(cell(analysis, 'W1', 'food')).toEqual({ total: 0, local: 0 });
  });

  it('counts gaps per ward and marks unparished wards with their parishes listed otherwise', () => {
    const analysis = analyseGaps(wards, parishes, [
      partner({ name: 'Pantry', capabilities: ['food', 'transport'] }),
    ]);
    const westfield = analysis.wards.find((row) => row.code === 'W1');
    const middleton = analysis.wards.find((row) => row.code === 'W2');
    expect(westfield?.gaps).toBe(CAPABILITIES.length - 2);
    expect(middleton?.gaps).toBe(CAPABILITIES.length);
    expect(middleton?.parished).toBe(false);
    expect(middleton?.parishNames).toEqual([]);
    expect(westfield?.parishNames).toEqual(['Brookside', 'Little Westfield']);
    expect(analysis.wards.map((row) => row.name)).toEqual(['Eastbrook', 'Middleton', 'Westfield']);
  });

  it('reports open requests only when they are given', () => {
    expect(analyseGaps(wards, parishes, []).wards.map((row) => row.openRequests)).toEqual([null, null, null]);
    const given = analyseGaps(wards, parishes, [], { openRequests: new Map([['W2', 3]]) });
    expect(given.wards.map((row) => [row.code, row.openRequests])).toEqual([
      ['W3', 0],
      ['W2', 3],
      ['W1', 0],
    ]);
  });
});

describe('the map and the ward panel agree with the table', () => {
  const partners = [
    partner({ name: 'Pantry', capabilities: ['food', 'transport'] }),
    partner({
      name: 'County',
      capabilities: ['food'],
      coverage: { boroughWide: true, wards: [], parishes: [] },
    }),
    partner({
      name: 'Brookside',
      capabilities: ['food'],
      coverage: { boroughWide: false, wards: [], parishes: ['P2'] },
    }),
  ];

  it('shades by the same counts for one capability', () => {
    const analysis = analyseGaps(wards, parishes, partners);
    for (const capability of ['food', 'transport', 'pets'] as const) {
      const shading = coverageForCapability(capability, wards, parishes, partners);
      for (const row of analysis.wards) expect(shading.get(row.code)).toEqual(row.counts.get(capability));
    }
  });

  it('lists local partners apart from borough-wide ones, by name', () => {
    const cover = partnersCoveringWard('W1', parishes, partners);
    expect(cover.get('food')?.local.map((p) => p.name)).toEqual(['Brookside', 'Pantry']);
    expect(cover.get('food')?.boroughWide.map((p) => p.name)).toEqual(['County']);
    expect(cover.get('transport')?.local.map((p) => p.name)).toEqual(['Pantry']);
    expect(partnersCoveringWard('W2', parishes, partners).get('food')?.local).toEqual([]);
  });
});

describe('sorting', () => {
  const partners = [
    partner({
      name: 'A',
      capabilities: ['food'],
      coverage: { boroughWide: false, wards: ['W1', 'W3'], parishes: [] },
    }),
    partner({
      name: 'B',
      capabilities: ['food', 'pets'],
      coverage: { boroughWide: false, wards: ['W3'], parishes: [] },
    }),
  ];
  const rows = analyseGaps(wards, parishes, partners).wards;
  const codes = (sorted: { code: string }[]) => sorted.map((row) => row.code);

  it('sorts by ward name both ways', () => {
    expect(codes(sortGapRows(rows, 'ward', 'ascending'))).toEqual(['W3', 'W2', 'W1']);
    expect(codes(sortGapRows(rows, 'ward', 'descending'))).toEqual(['W1', 'W2', 'W3']);
  });

  it('sorts by number of gaps, most first when descending', () => {
    expect(codes(sortGapRows(rows, 'gaps', 'descending'))).toEqual(['W2', 'W1', 'W3']);
    expect(codes(sortGapRows(rows, 'gaps', 'ascending'))).toEqual(['W3', 'W1', 'W2']);
  });

  it('sorts by a capability column, gaps first when ascending', () => {
    expect(codes(sortGapRows(rows, 'food', 'ascending'))).toEqual(['W2', 'W1', 'W3']);
    expect(codes(sortGapRows(rows, 'food', 'descending'))).toEqual(['W3', 'W1', 'W2']);
  });
});

/** The obvious, slow way: for each cell, filter every partner against the rules written out again. */
function bruteForce(area: { wards: Ward[]; parishes: Parish[] }, partners: readonly Partner[]) {
  const result = new Map<string, { total: number; local: number }>();
  for (const w of area.wards) {
    for (const { id: capability } of CAPABILITIES) {
      const offering = partners.filter((p) => p.status === 'active' && p.capabilities.includes(capability));
      const isLocal = (p: Partner) =>
        p.coverage.wards.includes(w.code) ||
        p.coverage.parishes.some((code) =>
          area.parishes.find((x) => x.code === code)?.wardCodes.includes(w.code),
        );
      result.set(`${w.code}/${capability}`, {
        total: offering.filter((p) => p.coverage.boroughWide || isLocal(p)).length,
        local: offering.filter(isLocal).length,
      });
    }
  }
  return result;
}

describe('equals a brute-force count over generated data', () => {
  const area = generateDemoArea();
  it.each([
    [12, 1],
    [40, 2],
    [150, 2021],
    [600, 9],
  ])('with %i generated partners (seed %i)', (size, seed) => {
    const { partners: generated } = generateDemoDirectory(area, {
      partners: size,
      contacts: 0,
      seed,
      today: '2026-11-23',
    });
    // Every seventh partner also works borough-wide while keeping its wards, so "counted once" is exercised.
    const partners = generated.map((p, i) =>
      i % 7 === 3 ? { ...p, coverage: { ...p.coverage, boroughWide: true } } : p,
    );
    const analysis = analyseGaps(area.wards, area.parishes, partners);
    const expected = bruteForce(area, partners);
    const actual = new Map<string, { total: number; local: number }>();
    for (const row of analysis.wards)
      for (const [capability, count] of row.counts) actual.set(`${row.code}/${capability}`, count);
    expect(actual.size).toBe(area.wards.length * CAPABILITIES.length);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));

    for (const row of analysis.wards) {
      const zero = [...row.counts.values()].filter((count) => count.total === 0).length;
      expect(row.gaps).toBe(zero);
      expect(row.parished).toBe(area.parishes.some((p) => p.wardCodes.includes(row.code)));
    }
    if (size <= 40) {
      // Small directories must leave gaps and thin cover, or the comparison above proves little.
      expect(analysis.wards.some((row) => row.gaps > 0)).toBe(true);
      expect(analysis.wards.some((row) => row.boroughWideOnly > 0)).toBe(true);
    }
  });
});

describe('open requests per ward', () => {
  const request = (status: HelpRequest['status'], wardCode: string | null, parishCode: string | null) => ({
    status,
    place: { wardCode, parishCode, lat: null, lon: null, address: '' },
  });

  it('counts open requests by ward, through a parish lying in one ward, and never twice', () => {
    const counts = openRequestsByWard(
      [
        request('new', 'W2', null),
        request('assigned', 'W2', null),
        request('done', 'W2', null),
        request('cancelled', 'W1', null),
        request('new', null, 'P1'), // Little Westfield lies in Westfield only
        request('new', null, 'P2'), // Brookside spans two wards: not placed in either
        request('new', 'W3', 'P2'), // the ward given wins
      ],
      parishes,
    );
    expect(Object.fromEntries(counts)).toEqual({ W1: 1, W2: 2, W3: 1 });
  });
});
