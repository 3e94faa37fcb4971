// Where an ORUK service is based: the first (physical) location's address, postcode and position, and
// the ward that position lies in. Values that are not what they claim (a latitude of 100, a postcode
// that is not a UK one) are named in the notes and not kept.
import { postcodeSchema } from '../entities/common.ts';
import type { Partner } from '../entities/partner.ts';
import type { Ward } from '../geo/area.ts';
import { wardAt } from '../entities/place.ts';
import { unreadFields } from './notKept.ts';
import type { OrukAddress, OrukLocation, OrukService } from './orukSchemas.ts';

const LOCATION_FIELDS_READ = ['id', 'location_type', 'latitude', 'longitude', 'addresses', 'phones'];
const ADDRESS_FIELDS_READ = ['id', 'address_1', 'address_2', 'city', 'postal_code', 'address_type'];

function chosenLocation(service: OrukService): OrukLocation | null {
  const locations = (service.service_at_locations ?? []).flatMap((at) => (at.location ? [at.location] : []));
  return locations.find((location) => location.location_type === 'physical') ?? locations[0] ?? null;
}

function coordinate(raw: number | string | null | undefined, limit: number): number | null | 'bad' {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'bad';
}

const addressLine = (address: OrukAddress) =>
  [address.address_1, address.address_2, address.city]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(', ');

export interface BaseFromLocation {
  base: Partner['base'];
  ward: Ward | undefined;
  notes: string[];
}

/** The base the service's locations give (empty when it lists none). */
export function baseFromLocations(service: OrukService, wards: readonly Ward[]): BaseFromLocation {
  const notes: string[] = [];
  let ward: Ward | undefined;
  let base: Partner['base'] = { address: '', postcode: null, lat: null, lon: null };
  const locations = service.service_at_locations ?? [];
  if (locations.length > 1) notes.push(`${locations.length - 1} more location(s): only the first is kept`);
  const location = chosenLocation(service);
  if (!location) return { base, ward, notes };
  const lat = coordinate(location.latitude, 90);
  const lon = coordinate(location.longitude, 180);
  if (lat === 'bad' || lon === 'bad' || (lat === null) !== (lon === null))
    notes.push(
      `location latitude ${String(location.latitude)}, longitude ${String(location.longitude)} is not a place on Earth: not kept`,
    );
  else if (lat !== null && lon !== null) {
    base = { ...base, lat, lon };
    ward = wardAt(wards, lat, lon);
    if (!ward) notes.push(`its location (${lat}, ${lon}) lies in none of our wards`);
  }
  const addresses = location.addresses ?? [];
  const address = addresses.find((one) => one.address_type === 'physical') ?? addresses[0];
  if (address) {
    const line = addressLine(address);
    base.address = line.length > 300 ? line.slice(0, 300) : line;
    const postcode = postcodeSchema.safeParse(address.postal_code ?? '');
    if (postcode.success) base.postcode = postcode.data;
    else if (address.postal_code)
      notes.push(`postcode "${address.postal_code}" is not a UK postcode: not kept`);
    const unread = unreadFields(address, ADDRESS_FIELDS_READ, 'address ');
    if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);
    if (addresses.length > 1) notes.push(`${addresses.length - 1} more address(es): not kept`);
  }
  const unread = unreadFields(location, LOCATION_FIELDS_READ, 'location ');
  if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);
  return { base, ward, notes };
}
