// A tiny directory for the directory tests: two wards, one parish, partners and contacts built from
// valid defaults, so each test states only what matters to it; and the ranking and gap tests' partner.
import { randomUUID } from 'node:crypto';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { partnerSchema, type Partner } from '../../src/domain/entities/partner.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';
import type { RowContext } from '../../src/domain/csv/csvValues.ts';
import { aParish, aWard } from './area.ts';

export const WARDS: Ward[] = [
  aWard('W1', 'Marden', 0.3, { neighbours: ['W2'] }),
  aWard('W2', 'Shepway North', 0.4, { parished: false, neighbours: ['W1'] }),
];

export const PARISHES: Parish[] = [
  aParish('P1', 'Marden', ['W1'], {
    communityEmergencyPlan: { has: true, link: 'https://example.org/marden-plan' },
    charterRole: { agreed: true, date: '2025-04-01' },
  }),
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
    retired: false,
    updatedAt: NOW,
    ...overrides,
  };
}

let serial = 0;
/**
 * A partner for the ranking and gap tests: numbered ids in the order made (so ties break the same way
 * every run), open all hours, named in the emergency plan, covering W1, and checked by the schema.
 */
export function aStrategicPartner(overrides: Partial<Partner> & { name: string }): Partner {
  serial += 1;
  return partnerSchema.parse({
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    kind: 'voluntary_group',
    capabilities: ['food'],
    coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
    base: { address: '1 High Street', postcode: 'ME15 6AA', lat: 51.25, lon: 0.35 },
    phone: '01632 960001',
    email: null,
    availability: { always: true, hours: [], outOfHoursPhone: null },
    capacityNotes: '',
    emergencyPlan: { agreed: true, date: '2025-01-01' },
    localCompact: { agreed: false, date: null },
    listedPublicly: true,
    lastVerified: '2026-11-01',
    status: 'active',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  });
}
