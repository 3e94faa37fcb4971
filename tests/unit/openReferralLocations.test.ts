// An ORUK service found at several places: the first physical location is its base (a partner has
// one), every location's ward counts for where it helps when the feed names no area of ours, and the
// preview names each other location's address and position as not kept.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PARISHES, WARDS, NOW, TODAY, aPartner } from '../support/directoryFixtures.ts';
import { previewOrukImport } from '../../src/domain/openReferral/importPreview.ts';
import type { MapContext } from '../../src/domain/openReferral/mapService.ts';

const context: MapContext = {
  wards: WARDS,
  parishes: PARISHES,
  termMappings: [],
  phones: {},
  today: TODAY,
  now: NOW,
  newId: randomUUID,
};

// W1 (Marden) spans longitude 0.3–0.4, W2 (Shepway North) 0.4–0.5, both latitude 51.2–51.3.
const at = (id: string, place: Record<string, unknown>) => ({ id: `sal-${id}`, location: { id, ...place } });
const address = (id: string, line: string, postcode: string) => ({
  id,
  address_1: line,
  city: 'Maidstone',
  postal_code: postcode,
  address_type: 'physical',
});

const LOCATIONS = [
  at('hall', {
    location_type: 'physical',
    latitude: 51.25,
    longitude: 0.35,
    addresses: [address('a1', '1 Church Street', 'ME15 6AA'), address('a2', 'Side door, Church Lane', '')],
  }),
  at('shop', {
    location_type: 'physical',
    latitude: 51.25,
    longitude: 0.45,
    addresses: [address('a3', '2 Mill Lane', 'ME14 5BB')],
  }),
  at('depot', { location_type: 'physical', addresses: [address('a4', '3 Quarry Road', 'ME16 8CC')] }),
  at('far', { location_type: 'physical', latitude: 52.5, longitude: -1.9 }),
  at('second-hall', { location_type: 'physical', latitude: 51.21, longitude: 0.31 }),
];

const service = (overrides: Record<string, unknown> = {}) => ({
  id: 'svc-many',
  name: 'Maidstone Pantry',
  status: 'active',
  phones: [{ id: 'p1', number: '01632 960001' }],
  attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: 'Food banks' } }],
  service_at_locations: LOCATIONS,
  ...overrides,
});

const imported = (raw: unknown, held = [] as ReturnType<typeof aPartner>[]) => {
  const preview = previewOrukImport([raw], held, context);
  const row = preview.creates[0] ?? preview.updates[0] ?? preview.unchanged[0];
  if (!row) throw new Error(JSON.stringify(preview.refused));
  return { record: row.record, notes: row.notes.join('\n') };
};

describe('ORUK services at several locations', () => {
  it('is based at the first physical location and covers every ward its locations lie in', () => {
    const { record, notes } = imported(service());
    expect(record.base).toEqual({
      address: '1 Church Street, Maidstone',
      postcode: 'ME15 6AA',
      lat: 51.25,
      lon: 0.35,
    });
    expect(record.coverage).toEqual({ boroughWide: false, wards: ['W1', 'W2'], parishes: [] });
    expect(record.status).toBe('active');
    expect(notes).toMatch(/covers Marden and Shepway North wards, where its locations are/);
  });

  it('names each other location and address as not kept, with the ward it lies in', () => {
    const { notes } = imported(service());
    expect(notes).toMatch(
      /location 2 of 5 \(2 Mill Lane, Maidstone, ME14 5BB\): its address and position not kept.*; it lies in Shepway North ward/,
    );
    expect(notes).toMatch(
      /location 3 of 5 \(3 Quarry Road, Maidstone, ME16 8CC\): its address and position not kept/,
    );
    expect(notes).toMatch(/location 4 of 5 \(52\.5, -1\.9\): .*; it lies in none of our wards/);
    expect(notes).toMatch(/location 5 of 5 \(51\.21, 0\.31\): .*; it lies in Marden ward/);
    expect(notes).toMatch(/address "Side door, Church Lane, Maidstone": not kept/);
    expect(notes).not.toMatch(/only the first is kept/);
  });

  it('takes the base from a physical location listed after a virtual one, whose position is no ward', () => {
    const [, shop] = LOCATIONS;
    const online = at('online', { location_type: 'virtual', latitude: 51.25, longitude: 0.35 });
    const { record, notes } = imported(service({ service_at_locations: [online, shop] }));
    expect(record.base.address).toBe('2 Mill Lane, Maidstone');
    expect(record.coverage.wards).toEqual(['W2']);
    expect(notes).toMatch(/location 1 of 2 .*a virtual location, not a place where it helps/);
  });

  it('stays active when only a location other than its base lies in our wards', () => {
    const [, shop] = LOCATIONS;
    const far = LOCATIONS[3];
    const { record } = imported(service({ service_at_locations: [far, shop] }));
    expect(record.base).toMatchObject({ lat: 52.5, lon: -1.9 });
    expect(record).toMatchObject({ status: 'active', coverage: { wards: ['W2'] } });
  });

  it('lets named service areas, or the coverage held here, decide where it helps', () => {
    const named = imported(service({ service_areas: [{ id: 'sa', name: 'Shepway North ward' }] })).record;
    expect(named.coverage.wards).toEqual(['W2']);
    const held = aPartner({ orukId: 'svc-many', coverage: { boroughWide: true, wards: [], parishes: [] } });
    expect(imported(service(), [held]).record.coverage).toEqual(held.coverage);
  });
});
