// Best placed: one test per ranking rule, each built so that it fails if that rule is removed, plus
// eligibility, reasons, determinism and a property test that shuffling the input changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestPlaced, type BestPlacedQuery } from '../../src/domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../src/domain/ranking/bestPlacedIndex.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import type { Ward, Parish } from '../../src/domain/geo/area.ts';
import { aParish, aWard } from '../support/area.ts';
import { aStrategicPartner as partner } from '../support/directoryFixtures.ts';

// Three wards in a row, west to east, about 7 km apart: Westfield | Middleton | Eastbrook.
const wards: Ward[] = [
  aWard('W1', 'Westfield', 0.3, { neighbours: ['W2'] }),
  aWard('W2', 'Middleton', 0.4, { parished: false, neighbours: ['W1', 'W3'] }),
  aWard('W3', 'Eastbrook', 0.5, { neighbours: ['W2'] }),
];
const parishes: Parish[] = [aParish('P1', 'Little Westfield', ['W1'])];

// Monday 23 November 2026, 10:00 in London (GMT).
const MONDAY_10AM = new Date('2026-11-23T10:00:00Z');
const query = (overrides: Partial<BestPlacedQuery> = {}): BestPlacedQuery => ({
  needs: ['food'],
  place: { kind: 'ward', code: 'W1' },
  at: MONDAY_10AM,
  urgency: 'today',
  ...overrides,
});
const names = (partners: Partner[], q: BestPlacedQuery) =>
  bestPlaced(buildBestPlacedIndex(partners, wards, parishes), q).ranked.map((entry) => entry.partner.name);

describe('eligibility', () => {
  it('offers only active partners with a needed capability', () => {
    const partners = [
      partner({ name: 'Pantry' }),
      partner({ name: 'Paused pantry', status: 'paused' }),
      partner({ name: 'Taxi firm', capabilities: ['transport'] }),
    ];
    expect(names(partners, query())).toEqual(['Pantry']);
  });

  it('offers strategic partners only, unless asked to include the rest', () => {
    const partners = [
      partner({ name: 'Strategic' }),
      partner({ name: 'Not agreed', emergencyPlan: { agreed: false, date: null } }),
    ];
    expect(names(partners, query())).toEqual(['Strategic']);
    expect(names(partners, query({ includeNonStrategic: true }))).toEqual(['Not agreed', 'Strategic']);
  });
});

describe('ranking rules', () => {
  it('1. more of the needs met comes first', () => {
    const partners = [
      partner({ name: 'A food only' }),
      partner({
        name: 'B food and water',
        capabilities: ['food', 'bottled_water'],
        base: { address: '', postcode: null, lat: 51.25, lon: 0.6 },
      }),
    ];
    expect(names(partners, query({ needs: ['food', 'bottled_water'] }))).toEqual([
      'B food and water',
      'A food only',
    ]);
  });

  it('2. covers the place > covers a neighbouring ward > borough-wide > elsewhere', () => {
    // Bases are arranged so that distance alone would give the opposite order.
    const at = (lon: number) => ({ address: '', postcode: null, lat: 51.25, lon });
    const partners = [
      partner({
        name: 'Elsewhere',
        coverage: { boroughWide: false, wards: ['W3'], parishes: [] },
        base: at(0.35),
      }),
      partner({
        name: 'Borough-wide',
        coverage: { boroughWide: true, wards: [], parishes: [] },
        base: at(0.36),
      }),
      partner({
        name: 'Neighbour',
        coverage: { boroughWide: false, wards: ['W2'], parishes: [] },
        base: at(0.45),
      }),
      partner({
        name: 'Covers it',
        coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
        base: at(0.6),
      }),
    ];
    expect(names(partners, query())).toEqual(['Covers it', 'Neighbour', 'Borough-wide', 'Elsewhere']);
  });

  it('2. a partner covering a parish in the ward covers the ward', () => {
    const partners = [
      partner({ name: 'Neighbour', coverage: { boroughWide: false, wards: ['W2'], parishes: [] } }),
      partner({
        name: 'Parish group',
        coverage: { boroughWide: false, wards: [], parishes: ['P1'] },
        base: { address: '', postcode: null, lat: 51.25, lon: 0.6 },
      }),
    ];
    const answer = bestPlaced(buildBestPlacedIndex(partners, wards, parishes), query());
    expect(answer.ranked.map((entry) => entry.partner.name)).toEqual(['Parish group', 'Neighbour']);
    expect(answer.ranked[0]?.reasons[0]).toBe('covers a parish in Westfield ward');
  });

  it('3. for an immediate need, open now or 24/7 before closed, even when farther', () => {
    const nineToFive = {
      always: false,
      hours: [{ day: 0, opens: '09:00', closes: '17:00' }],
      outOfHoursPhone: null,
    };
    const partners = [
      partner({
        name: 'Near but closed',
        availability: {
          always: false,
          hours: [{ day: 1, opens: '09:00', closes: '17:00' }],
          outOfHoursPhone: null,
        },
      }),
      partner({
        name: 'Far but open',
        availability: nineToFive,
        base: { address: '', postcode: null, lat: 51.25, lon: 0.6 },
      }),
    ];
    expect(names(partners, query({ urgency: 'immediate' }))).toEqual(['Far but open', 'Near but closed']);
    // not immediate: nearer first, opening hours do not matter
    expect(names(partners, query({ urgency: 'this_week' }))).toEqual(['Near but closed', 'Far but open']);
  });

  it('3. hours that run past midnight count as open after midnight', () => {
    const lateNight = {
      always: false,
      hours: [{ day: 6, opens: '20:00', closes: '02:00' }],
      outOfHoursPhone: null,
    };
    const partners = [
      partner({ name: 'Closed', availability: { always: false, hours: [], outOfHoursPhone: null } }),
      partner({
        name: 'Sunday night shelter',
        availability: lateNight,
        base: { address: '', postcode: null, lat: 51.25, lon: 0.6 },
      }),
    ];
    // 01:00 on Monday morning, London
    expect(names(partners, query({ urgency: 'immediate', at: new Date('2026-11-23T01:00:00Z') }))).toEqual([
      'Sunday night shelter',
      'Closed',
    ]);
  });

  it('4. nearer base first (by distance band), before freshness', () => {
    const partners = [
      partner({
        name: 'A far and fresh',
        lastVerified: '2026-11-20',
        base: { address: '', postcode: null, lat: 51.25, lon: 0.55 },
      }),
      partner({
        name: 'B near but stale',
        lastVerified: '2026-01-01',
        base: { address: '', postcode: null, lat: 51.25, lon: 0.351 },
      }),
    ];
    expect(names(partners, query())).toEqual(['B near but stale', 'A far and fresh']);
  });

  it('5. recently verified before stale, within the same distance band', () => {
    const partners = [
      partner({ name: 'A stale', lastVerified: '2026-01-01' }),
      partner({
        name: 'B fresh',
        lastVerified: '2026-11-20',
        base: { address: '', postcode: null, lat: 51.25, lon: 0.36 },
      }),
    ];
    expect(names(partners, query())).toEqual(['B fresh', 'A stale']);
    // the stale limit is configurable: with a year's grace neither is stale and the nearer comes first
    expect(names(partners, query({ staleAfterDays: 365 }))).toEqual(['A stale', 'B fresh']);
  });

  it('6. lighter current load first', () => {
    const busy = partner({ name: 'A busy' });
    const idle = partner({ name: 'B idle', base: { address: '', postcode: null, lat: 51.25, lon: 0.36 } });
    const openRequests = new Map([[busy.id, 4]]);
    expect(names([busy, idle], query({ openRequests }))).toEqual(['B idle', 'A busy']);
  });

  it('7. ties are broken by exact distance, then name, then id — stably', () => {
    const partners = [
      partner({ name: 'Same', base: { address: '', postcode: null, lat: 51.25, lon: 0.352 } }),
      partner({ name: 'Same', base: { address: '', postcode: null, lat: 51.25, lon: 0.351 } }),
      partner({ name: 'Alpha', base: { address: '', postcode: null, lat: 51.25, lon: 0.352 } }),
    ];
    const ranked = bestPlaced(buildBestPlacedIndex(partners, wards, parishes), query()).ranked;
    expect(ranked.map((entry) => entry.partner.id)).toEqual([
      partners[1]?.id,
      partners[2]?.id,
      partners[0]?.id,
    ]);
  });

  it('gives the same answer whatever order the partners come in', () => {
    const pool = [
      partner({ name: 'P1', coverage: { boroughWide: true, wards: [], parishes: [] } }),
      partner({ name: 'P2', lastVerified: '2025-01-01' }),
      partner({ name: 'P3', availability: { always: false, hours: [], outOfHoursPhone: '07700 900001' } }),
      partner({ name: 'P4', base: { address: '', postcode: null, lat: null, lon: null } }),
      partner({ name: 'P4', coverage: { boroughWide: false, wards: ['W2'], parishes: [] } }),
      partner({ name: 'P6', capabilities: ['food', 'transport'] }),
    ];
    const expected = bestPlaced(
      buildBestPlacedIndex(pool, wards, parishes),
      query({ urgency: 'immediate' }),
    ).ranked.map((e) => e.partner.id);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }),
        (shuffled) => {
          const ids = bestPlaced(
            buildBestPlacedIndex(shuffled, wards, parishes),
            query({ urgency: 'immediate' }),
          ).ranked.map((e) => e.partner.id);
          expect(ids).toEqual(expected);
        },
      ),
    );
  });
});

describe('reasons', () => {
  it('explains each partner in plain words', () => {
    const answer = bestPlaced(
      buildBestPlacedIndex([partner({ name: 'Pantry', lastVerified: '2026-11-11' })], wards, parishes),
      query(),
    );
    expect(answer.ranked[0]?.reasons).toEqual([
      'covers Westfield ward',
      'offers food',
      'open 24/7',
      '0.0 km away',
      'verified 12 days ago',
    ]);
    expect(answer.eligible).toBe(1);
    expect(answer.place?.label).toBe('Westfield ward');
  });

  it('resolves a point to its ward, and a parish to its wards', () => {
    const partners = [
      partner({ name: 'Pantry', coverage: { boroughWide: false, wards: ['W2'], parishes: [] } }),
    ];
    const index = buildBestPlacedIndex(partners, wards, parishes);
    const atPoint = bestPlaced(index, query({ place: { kind: 'point', lat: 51.26, lon: 0.45 } }));
    expect(atPoint.place?.label).toBe('your location, in Middleton ward');
    expect(atPoint.ranked[0]?.reasons[0]).toBe('covers Middleton ward');
    const inParish = bestPlaced(index, query({ place: { kind: 'parish', code: 'P1' } }));
    expect(inParish.ranked[0]?.reasons[0]).toBe('covers neighbouring Middleton ward');
  });
});
