// Deprivation with the area: the IMD CSV is read strictly, each LSOA goes to the ward holding most of
// it, and on Maidstone's real wards, LSOAs and IMD 2019 the wards with England's most deprived LSOAs are
// the ones the council's report names; the need ranking puts unparished deprived wards first, in words.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildArea, parseBoundaryFile, parseParishList } from '../../src/domain/geo/areaImport.ts';
import { readImdRows, looksLikeImd, type ImdRow } from '../../src/domain/geo/deprivation.ts';
import { analyseGaps } from '../../src/domain/gaps/gapAnalysis.ts';
import { deprivationByWard, rankWardsByNeed } from '../../src/domain/ranking/needRanking.ts';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';
import { aStrategicPartner } from '../support/directoryFixtures.ts';

const csv = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

describe('reading the Indices of Deprivation', () => {
  it('reads the tidy extract and names every bad row', () => {
    const header = 'lsoa11cd,lsoa11nm,imd_score,imd_rank,imd_decile';
    expect(looksLikeImd(header.split(','))).toBe(true);
    expect(looksLikeImd(['code', 'name', 'wards'])).toBe(false);
    const good = readImdRows('imd.csv', csv(`${header}\nE01000001,Somewhere 001A,40.1,120,1\n`));
    expect(good).toEqual({
      kind: 'imd',
      rows: [{ code: 'E01000001', name: 'Somewhere 001A', score: 40.1, rank: 120, decile: 1 }],
    });
    const bad = readImdRows('imd.csv', csv(`${header}\nE01000001,A,1,0,11\nE01000001,B,x,5,3\n`));
    expect(bad.kind === 'invalid' && bad.errors).toEqual([
      'imd.csv, line 2: the rank "0" is not a whole number from 1',
      'imd.csv, line 2: the decile "11" is not a whole number from 1 to 10',
      'imd.csv, line 3: LSOA E01000001 is listed twice',
      'imd.csv, line 3: the score "x" is not a number',
    ]);
    expect(readImdRows('x.csv', csv('lsoa11cd,imd_score\nE1,3\n'))).toEqual({
      kind: 'invalid',
      errors: ['x.csv has no imd_rank, imd_decile column'],
    });
  });
});

const REAL = ['maidstone', 'maidstone-lsoa', 'maidstone-imd', 'maidstone-lists'];

describe.skipIf(!REAL.every((dir) => hasSharedData(dir)))('Maidstone: wards, LSOAs and IMD 2019', () => {
  const read = (...parts: string[]) => readFileSync(sharedDataPath(...parts), 'utf8');
  const wards = parseBoundaryFile('wards-2013.geojson', read('maidstone', 'wards-2013.geojson'));
  const lsoas = parseBoundaryFile('lsoa-2011.geojson', read('maidstone-lsoa', 'lsoa-2011.geojson'));
  const parishes = parseParishList('parishes.json', read('maidstone-lists', 'parishes.json'));
  const imd = readImdRows('imd2019-maidstone.csv', csv(read('maidstone-imd', 'imd2019-maidstone.csv')));
  if (wards.kind !== 'wards' || lsoas.kind !== 'lsoas' || parishes.kind === 'invalid' || imd.kind !== 'imd')
    throw new Error('the shared files did not parse');
  const imdRows: ImdRow[] = imd.rows;
  const area = buildArea({
    wards: wards.wards,
    parishList: parishes.parishes,
    lsoas: lsoas.lsoas,
    imd: imdRows,
  });

  it('puts all 95 LSOAs in wards and finds the 2 in the most deprived 10% and the 6 in 20%', () => {
    expect(area.errors).toEqual([]);
    const summaries = area.wards.flatMap((ward) => (ward.deprivation ? [ward.deprivation] : []));
    expect(summaries.reduce((sum, s) => sum + s.lsoas, 0)).toBe(95);
    // The LSOA records the map shades, each with its decile and ward.
    expect(area.lsoas).toHaveLength(95);
    expect(area.lsoas.find((lsoa) => lsoa.code === 'E01024389')).toMatchObject({
      name: 'Maidstone 013A',
      imd: { rank: 2915, decile: 1 },
      wardCode: area.wards.find((ward) => ward.name === 'Park Wood')?.code,
    });
    expect(summaries.reduce((sum, s) => sum + s.inMostDeprived10, 0)).toBe(2);
    expect(summaries.reduce((sum, s) => sum + s.inMostDeprived20, 0)).toBe(6);
    const deprived = Object.fromEntries(
      area.wards
        .filter((ward) => (ward.deprivation?.inMostDeprived20 ?? 0) > 0)
        .map((ward) => [
          ward.name,
          [ward.parished, ward.deprivation?.inMostDeprived10, ward.deprivation?.inMostDeprived20],
        ]),
    );
    // By area, Maidstone 013A and 013B lie in Park Wood (parished); the other four in unparished wards.
    expect(deprived).toEqual({
      'High Street': [false, 0, 1],
      'Park Wood': [true, 1, 2],
      'Shepway North': [false, 0, 1],
      'Shepway South': [false, 1, 2],
    });
  });

  it('ranks unparished deprived wards first with the reason in words', () => {
    // One borough-wide food partner: food is covered everywhere, the rest is a gap.
    const partners = [
      aStrategicPartner({
        name: 'Borough Food',
        capabilities: ['food'],
        coverage: { boroughWide: true, wards: [], parishes: [] },
      }),
    ];
    const ranked = rankWardsByNeed(
      analyseGaps(area.wards, area.parishes, partners).wards,
      deprivationByWard(area.wards),
    );
    expect(ranked.slice(0, 4).map((ward) => ward.name)).toEqual([
      'Shepway South',
      'High Street',
      'Shepway North',
      'Park Wood',
    ]);
    expect(ranked[0]?.reason).toMatch(
      /^Shepway South: no partner covers medicines collection, welfare check, befriending, transport and 10 more; 1 of its \d+ LSOAs in England's most deprived 10% \(decile 1\); no parish council$/,
    );
    expect(ranked[1]?.reason).toMatch(
      /; 1 of its \d+ LSOAs in England's most deprived 20% \(deciles 1–2\); no parish council$/,
    );
    expect(ranked[3]?.reason).not.toContain('no parish council');
    expect(ranked.slice(4, 9).every((ward) => !ward.parished)).toBe(true);
    expect(ranked.at(-1)?.reason).toMatch(/most deprived LSOA in decile \d+$/);
  });

  it('refuses LSOA boundaries without the figures, and the reverse', () => {
    expect(buildArea({ wards: wards.wards, lsoas: lsoas.lsoas }).errors).toEqual([
      'LSOA boundaries were given without the deprivation figures (an IMD CSV): give both or neither.',
    ]);
    expect(buildArea({ wards: wards.wards, imd: imdRows }).errors).toEqual([
      'Deprivation figures were given without LSOA boundaries: give both or neither.',
    ]);
  });
});
