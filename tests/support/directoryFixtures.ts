// A tiny directory for the directory tests: two wards, one parish, partners and contacts built from
// valid defaults, so each test states only what matters to it.
import { randomUUID } from 'node:crypto';
import type { Parish, Ward } from '../../src/domain/area.ts';
import type { Partner } from '../../src/domain/partner.ts';
import type { Contact } from '../../src/domain/contact.ts';
import type { RowContext } from '../../src/domain/partnerRow.ts';

const square = (west: number): Ward['boundary'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 51.2],
      [west + 0.1, 51.2],
      [west + 0.1, 51.3],
      [west, 51.3],
      [west, 51.2],
    ],
  ],
});

export const WARDS: Ward[] = [
  {
    code: 'W1',
    name: 'Marden',
    boundary: square(0.3),
    centre: [0.35, 51.25],
    parished: true,
    neighbours: ['W2'],
  },
  {
    code: 'W2',
    name: 'Shepway North',
    boundary: square(0.4),
    centre: [0.45, 51.25],
    parished: false,
    neighbours: ['W1'],
  },
];

export const PARISHES: Parish[] = [
  {
    code: 'P1',
    name: 'Marden',
    wardCodes: ['W1'],
    boundary: null,
    communityEmergencyPlan: { has: true, link: 'https://example.org/marden-plan' },
    charterRole: { agreed: true, date: '2025-04-01' },
  },
];

export const TODAY = '2026-03-01';
export const NOW = '2026-03-01T10:00:00.000Z';

export function rowContext(): RowContext {
  return { area: { wards: WARDS, parishes: PARISHES }, today: TODAY, now: NOW, newId: randomUUID };
}

export function aPartner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: randomUUID(),
    name: 'Marden Food Bank',
    kind: 'voluntary_group',
    capabilities: ['food'],
    coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
    base: { address: '1 High Street, Marden', postcode: 'TN12 9AA', lat: 51.17, lon: 0.49 },
    phone: '01632 960001',
    email: 'food@example.org',
    availability: {
      always: false,
      hours: [{ day: 0, opens: '09:00', closes: '17:00' }],
      outOfHoursPhone: null,
    },
    capacityNotes: '',
    emergencyPlan: { agreed: false, date: null },
    localCompact: { agreed: false, date: null },
    listedPublicly: true,
    lastVerified: '2026-02-01',
    status: 'active',
    updatedAt: NOW,
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: randomUUID(),
    name: 'Alex Example',
    role: 'Parish clerk',
    organisation: 'Marden Parish Council',
    parishCode: 'P1',
    phones: { main: '01632 960100', outOfHours: null },
    email: 'clerk@example.org',
    visibility: 'public',
    lastVerified: '2026-02-01',
    updatedAt: NOW,
    ...overrides,
  };
}
