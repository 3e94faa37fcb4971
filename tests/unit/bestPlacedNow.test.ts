// Best placed at night: for an immediate need the partners that can be reached now come first (open,
// 24/7, or with an out-of-hours line), the number to call first is the one that answers now, and each
// partner says which rule put it above the next one (the name below marked isolated, as typed text).
import { describe, expect, it } from 'vitest';
import { bestPlaced, type BestPlacedQuery } from '../../src/domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../src/domain/ranking/bestPlacedIndex.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import type { Ward } from '../../src/domain/geo/area.ts';
import { aParish, aWard } from '../support/area.ts';
import { aStrategicPartner as partner } from '../support/directoryFixtures.ts';
import { isolated } from '../../src/domain/words/isolated.ts';

const wards: Ward[] = [
  aWard('W1', 'Ashcombe', 0.3, { neighbours: ['W2'] }),
  aWard('W2', 'Hazelbury', 0.4, { parished: false, neighbours: ['W1'] }),
];
const parishes = [aParish('P1', 'Little Ashcombe', ['W1'])];
// Tuesday 24 November 2026, 03:00 in London (GMT).
const THREE_AM = new Date('2026-11-24T03:00:00Z');
const at = (lon: number) => ({ address: '', postcode: null, lat: 51.25, lon });
const nineToFive = (outOfHoursPhone: string | null) => ({
  always: false,
  hours: [0, 1, 2, 3, 4].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
  outOfHoursPhone,
});
const query = (overrides: Partial<BestPlacedQuery> = {}): BestPlacedQuery => ({
  needs: ['food'],
  place: { kind: 'ward', code: 'W1' },
  at: THREE_AM,
  urgency: 'immediate',
  ...overrides,
});
const rank = (partners: Partner[], q: BestPlacedQuery = query()) =>
  bestPlaced(buildBestPlacedIndex(partners, wards, parishes), q).ranked;

describe('reachable now, for an immediate need', () => {
  const closedCoversIt = partner({
    name: 'Closed pantry in Ashcombe',
    availability: nineToFive(null),
    phone: '01632 960100',
    lastVerified: '2026-08-01',
  });
  const openAllNight = partner({
    name: 'All-night shelter',
    coverage: { boroughWide: true, wards: [], parishes: [] },
    availability: { always: true, hours: [], outOfHoursPhone: null },
    phone: '01632 960200',
    base: at(0.6),
  });
  const outOfHoursLine = partner({
    name: 'Food bank with an out-of-hours line',
    coverage: { boroughWide: false, wards: ['W2'], parishes: [] },
    availability: nineToFive('07700 900300'),
    phone: '01632 960300',
    base: at(0.5),
  });

  it('puts partners that answer at 03:00 above a closed one that covers the place itself', () => {
    const ranked = rank([closedCoversIt, openAllNight, outOfHoursLine]);
    expect(ranked.map((entry) => entry.partner.name)).toEqual([
      'Food bank with an out-of-hours line',
      'All-night shelter',
      'Closed pantry in Ashcombe',
    ]);
    expect(ranked.map((entry) => entry.score.reachableNow)).toEqual([true, true, false]);
  });

  it('ranks by coverage as before when the need can wait until the morning', () => {
    const ranked = rank([closedCoversIt, openAllNight, outOfHoursLine], query({ urgency: 'today' }));
    expect(ranked[0]?.partner.name).toBe('Closed pantry in Ashcombe');
  });

  it('dials the out-of-hours line first when the partner is closed, the main number when open', () => {
    const [first, second, third] = rank([closedCoversIt, openAllNight, outOfHoursLine]);
    expect(first?.callNow).toEqual({ phone: '07700 900300', outOfHours: true, otherPhone: '01632 960300' });
    expect(second?.callNow).toEqual({ phone: '01632 960200', outOfHours: false, otherPhone: null });
    expect(third?.callNow).toEqual({ phone: '01632 960100', outOfHours: false, otherPhone: null });
    const [daytime] = rank([outOfHoursLine], query({ at: new Date('2026-11-24T11:00:00Z') }));
    expect(daytime?.callNow).toEqual({
      phone: '01632 960300',
      outOfHours: false,
      otherPhone: '07700 900300',
    });
  });

  it('explains the rule: reachable now, and says when the number is the out-of-hours line', () => {
    const ranked = rank([closedCoversIt, openAllNight]);
    expect(ranked[0]?.decidingReason).toBe(
      `above ${isolated('Closed pantry in Ashcombe')}: can be reached now; they are closed`,
    );
    expect(ranked[1]?.reasons).toContain('closed now');
    expect(ranked[1]?.decidingReason).toBeNull();
  });
});

describe('the deciding difference from the partner below', () => {
  it('names coverage of the place itself', () => {
    const ranked = rank(
      [
        partner({ name: 'Hazelbury Pantry', coverage: { boroughWide: false, wards: ['W2'], parishes: [] } }),
        partner({ name: 'Ashcombe Larder', base: at(0.5) }),
      ],
      query({ urgency: 'today' }),
    );
    expect(ranked[0]?.decidingReason).toBe(
      `above ${isolated('Hazelbury Pantry')}: covers Ashcombe ward itself`,
    );
  });

  it('names the needs met, distance, freshness and load when they decide', () => {
    const both = partner({ name: 'Both', capabilities: ['food', 'bottled_water'], base: at(0.6) });
    const foodOnly = partner({ name: 'Food only' });
    expect(rank([foodOnly, both], query({ needs: ['food', 'bottled_water'] }))[0]?.decidingReason).toBe(
      `above ${isolated('Food only')}: offers 2 of the needs; they offer 1`,
    );

    const near = partner({ name: 'Near', base: at(0.301) });
    const far = partner({ name: 'Far', base: at(0.45) });
    expect(rank([far, near])[0]?.decidingReason).toBe(
      `above ${isolated('Far')}: nearer: 3.4 km against 7.0 km`,
    );

    const fresh = partner({ name: 'Fresh', lastVerified: '2026-11-20' });
    const stale = partner({ name: 'Stale', lastVerified: '2026-01-01' });
    expect(rank([stale, fresh])[0]?.decidingReason).toBe(
      `above ${isolated('Stale')}: details verified 4 days ago; theirs are stale`,
    );

    const idle = partner({ name: 'Idle' });
    const busy = partner({ name: 'Busy' });
    expect(rank([busy, idle], query({ openRequests: new Map([[busy.id, 3]]) }))[0]?.decidingReason).toBe(
      `above ${isolated('Busy')}: fewer open requests: 0 against 3`,
    );
  });

  it('says so when only the name separates two partners', () => {
    const ranked = rank([partner({ name: 'Beta' }), partner({ name: 'Alpha' })]);
    expect(ranked[0]?.decidingReason).toBe(`above ${isolated('Beta')}: equal on every rule; listed by name`);
  });
});
