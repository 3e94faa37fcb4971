// The Directory's one search box over partners, contacts and parishes: typo-tolerant, by name,
// capability, ward, parish, postcode, role and organisation; and each of its filters.
import { describe, expect, it } from 'vitest';
import {
  buildDirectorySearch,
  NO_FILTERS,
  type DirectoryFilters,
} from '../../src/domain/ranking/directorySearch.ts';
import { aContact, aPartner, PARISHES, WARDS } from '../support/directoryFixtures.ts';
import { aParish } from '../support/area.ts';

const foodBank = aPartner({ name: 'Marden Food Bank', capabilities: ['food'], lastVerified: '2026-02-20' });
const taxis = aPartner({
  name: 'Weald Community Transport',
  kind: 'business',
  capabilities: ['transport'],
  coverage: { boroughWide: false, wards: ['W2'], parishes: [] },
  base: { address: 'Unit 3, Park Road', postcode: 'ME15 6AA', lat: null, lon: null },
  emergencyPlan: { agreed: true, date: '2025-01-01' },
  lastVerified: '2025-01-01',
});
const viaParish = aPartner({
  name: 'Village Helpers',
  capabilities: ['welfare_check'],
  coverage: { boroughWide: false, wards: [], parishes: ['P1'] },
});
const clerk = aContact({ name: 'Priya Sharma', role: 'Parish clerk', organisation: 'Marden Parish Council' });
const duty = aContact({
  name: 'Duty manager',
  role: 'Out of hours',
  organisation: 'Kent Fire and Rescue',
  parishCode: null,
  lastVerified: '2024-01-01',
});

const search = buildDirectorySearch({
  partners: [foodBank, taxis, viaParish],
  contacts: [clerk, duty],
  parishes: PARISHES,
  wards: WARDS,
});
const TODAY = '2026-03-01';
const find = (query: string, filters: Partial<DirectoryFilters> = {}) => {
  const results = search.search(query, { ...NO_FILTERS, ...filters }, TODAY, 90);
  return {
    partners: results.partners.map((partner) => partner.name),
    contacts: results.contacts.map((contact) => contact.name),
    parishes: results.parishes.map((parish) => parish.name),
  };
};

describe('directory search', () => {
  it('finds partners, contacts and parishes from one box, grouped by type', () => {
    expect(find('marden')).toEqual({
      partners: ['Marden Food Bank', 'Village Helpers'],
      contacts: ['Priya Sharma'],
      parishes: ['Marden'],
    });
  });

  it('tolerates typos', () => {
    expect(find('Wealdd Comunity').partners).toEqual(['Weald Community Transport']);
    expect(find('Sharmaa').contacts).toEqual(['Priya Sharma']);
  });

  it('finds by capability, kind, ward name, postcode, role and organisation', () => {
    expect(find('transport').partners).toEqual(['Weald Community Transport']);
    expect(find('business').partners).toEqual(['Weald Community Transport']);
    expect(find('shepway').partners).toEqual(['Weald Community Transport']);
    expect(find('me156aa').partners).toEqual(['Weald Community Transport']);
    expect(find('ME15 6AA').partners).toEqual(['Weald Community Transport']);
    expect(find('clerk').contacts).toEqual(['Priya Sharma']);
    expect(find('fire rescue').contacts).toEqual(['Duty manager']);
  });

  it('with no query lists everything by name; nothing matches nonsense', () => {
    expect(find('').partners).toEqual(['Marden Food Bank', 'Village Helpers', 'Weald Community Transport']);
    expect(find('zzzzqqq')).toEqual({ partners: [], contacts: [], parishes: [] });
  });
});

describe('directory filters', () => {
  it('capability, kind and strategic only keep partners (contacts and parishes have none)', () => {
    expect(find('', { capability: 'food' })).toEqual({
      partners: ['Marden Food Bank'],
      contacts: [],
      parishes: [],
    });
    expect(find('', { kind: 'business' }).partners).toEqual(['Weald Community Transport']);
    expect(find('', { strategicOnly: true })).toEqual({
      partners: ['Weald Community Transport'],
      contacts: [],
      parishes: [],
    });
  });

  it('ward keeps partners working there (named, or through a parish), its parishes and their contacts', () => {
    expect(find('', { wardCode: 'W1' })).toEqual({
      partners: ['Marden Food Bank', 'Village Helpers'],
      contacts: ['Priya Sharma'],
      parishes: ['Marden'],
    });
    expect(find('', { wardCode: 'W2' })).toEqual({
      partners: ['Weald Community Transport'],
      contacts: [],
      parishes: [],
    });
  });

  it('stale only keeps what was not verified within the days given', () => {
    expect(find('', { staleOnly: true })).toEqual({
      partners: ['Weald Community Transport'],
      contacts: ['Duty manager'],
      parishes: [],
    });
  });

  it('type shows one kind of record, and filters combine with the query', () => {
    expect(find('marden', { type: 'contact' })).toEqual({
      partners: [],
      contacts: ['Priya Sharma'],
      parishes: [],
    });
    expect(find('marden', { capability: 'welfare_check' }).partners).toEqual(['Village Helpers']);
  });
});

describe('retired contacts and parishes', () => {
  const movedOn = aContact({ name: 'Morgan Retired', role: 'Parish clerk', retired: true });
  const merged = aParish('P2', 'Old Marden', ['W1'], { retired: true });
  const withRetired = buildDirectorySearch({
    partners: [foodBank],
    contacts: [clerk, movedOn],
    parishes: [...PARISHES, merged],
    wards: WARDS,
  });
  const names = (query: string, includeRetired: boolean) => {
    const results = withRetired.search(query, { ...NO_FILTERS, includeRetired }, TODAY, 90);
    return {
      contacts: results.contacts.map((contact) => contact.name),
      parishes: results.parishes.map((parish) => parish.name),
    };
  };

  it('are left out by default, with a query or without', () => {
    expect(names('', false)).toEqual({ contacts: ['Priya Sharma'], parishes: ['Marden'] });
    expect(names('morgan', false)).toEqual({ contacts: [], parishes: [] });
    expect(names('old marden', false).parishes).toEqual([]);
  });

  it('are shown when "include retired" is on', () => {
    expect(names('', true)).toEqual({
      contacts: ['Morgan Retired', 'Priya Sharma'],
      parishes: ['Marden', 'Old Marden'],
    });
    expect(names('morgan', true).contacts).toEqual(['Morgan Retired']);
    expect(names('old marden', true).parishes).toEqual(['Old Marden']);
  });
});
