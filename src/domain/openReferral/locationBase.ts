// Where an ORUK service is based: the first (physical) location's address, postcode and position, and
// the wards its physical locations lie in. A partner has one base, so every other location gives only
// its ward (for where it helps, when the feed names no area of ours); its address and position are
// named in the notes as not kept. Values that are not what they claim (a latitude of 100, a postcode
// that is not a UK one) are named in the notes and not kept.
import { postcodeSchema } from '../entities/common.ts';
import type { Partner } from '../entities/partner.ts';
import type { Ward } from '../geo/area.ts';
import { wardAt } from '../entities/place.ts';
import { unreadFields } from './notKept.ts';
import type { OrukAddress, OrukLocation, OrukService } from './orukSchemas.ts';

const LOCATION_FIELDS_READ = ['id', 'location_type', 'latitude', 'longitude', 'addresses', 'phones'];
const ADDRESS_FIELDS_READ = ['id', 'address_1', 'address_2', 'city', 'postal_code', 'address_type'];

const locationsOf = (service: OrukService): OrukLocation[] =>
  (service.service_at_locations ?? []).flatMap((at) => (at.location ? [at.location] : []));

const chosenLocation = (locations: readonly OrukLocation[]): OrukLocation | null =>
  locations.find((location) => location.location_type === 'physical') ?? locations[0] ?? null;

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
  /** Every ward one of its locations lies in, once each: the base's first, then in the feed's order. */
  wards: Ward[];
  notes: string[];
}

/**
 * A location's position, or null (with a note) when it has none or one that is nowhere on Earth. A
 * position given the wrong way round (latitude 0.35, longitude 51.25: off Somalia), which lies in none
 * of our wards while the other way round lies in one, is read the other way round, with a note: kept
 * as given it would rank the partner thousands of kilometres from every place in the borough.
 */
function positionOf(location: OrukLocation, label: string, notes: string[], wards: readonly Ward[]) {
  const lat = coordinate(location.latitude, 90);
  const lon = coordinate(location.longitude, 180);
  if (lat === 'bad' || lon === 'bad' || (lat === null) !== (lon === null)) {
    notes.push(
      `${label} latitude ${String(location.latitude)}, longitude ${String(location.longitude)} is not a place on Earth: not kept`,
    );
    return null;
  }
  if (lat === null || lon === null) return null;
  if (Math.abs(lon) <= 90 && !wardAt(wards, lat, lon) && wardAt(wards, lon, lat)) {
    notes.push(
      `${label} latitude ${lat}, longitude ${lon} lies in none of our wards and looks swapped: read as latitude ${lon}, longitude ${lat}`,
    );
    return { lat: lon, lon: lat };
  }
  return { lat, lon };
}

const physicalAddress = (location: OrukLocation): OrukAddress | undefined => {
  const addresses = location.addresses ?? [];
  return addresses.find((one) => one.address_type === 'physical') ?? addresses[0];
};

/** How a note names a location that is not the base: its address, else its position, else its id. */
function describeLocation(location: OrukLocation, position: { lat: number; lon: number } | null) {
  const address = physicalAddress(location);
  const words = address
    ? [addressLine(address), address.postal_code?.trim() ?? ''].filter((part) => part !== '').join(', ')
    : '';
  if (words !== '') return words;
  return position ? `${position.lat}, ${position.lon}` : location.id;
}

/** The base the service's locations give (empty when it lists none), and the wards they lie in. */
export function baseFromLocations(service: OrukService, wards: readonly Ward[]): BaseFromLocation {
  const notes: string[] = [];
  const inWards: Ward[] = [];
  let base: Partner['base'] = { address: '', postcode: null, lat: null, lon: null };
  const locations = locationsOf(service);
  const location = chosenLocation(locations);
  if (!location) return { base, wards: inWards, notes };
  const position = positionOf(location, 'location', notes, wards);
  if (position) {
    base = { ...base, ...position };
    const ward = wardAt(wards, position.lat, position.lon);
    if (ward) inWards.push(ward);
    else notes.push(`its location (${position.lat}, ${position.lon}) lies in none of our wards`);
  }
  locations.forEach((other, index) => {
    if (other === location) return;
    const label = `location ${index + 1} of ${locations.length}`;
    const at = positionOf(other, label, notes, wards);
    // A postal or virtual location is not where it helps: its position says nothing of its wards.
    const physical = !other.location_type || other.location_type === 'physical';
    const ward = at && physical ? wardAt(wards, at.lat, at.lon) : undefined;
    if (ward && !inWards.includes(ward)) inWards.push(ward);
    notes.push(
      `${label} (${describeLocation(other, at)}): its address and position not kept, as a partner has one base` +
        (!physical
          ? `; a ${other.location_type} location, not a place where it helps`
          : ward
            ? `; it lies in ${ward.name} ward`
            : at
              ? '; it lies in none of our wards'
              : ''),
    );
  });
  const addresses = location.addresses ?? [];
  const address = physicalAddress(location);
  if (address) {
    const line = addressLine(address);
    base.address = line.length > 300 ? line.slice(0, 300) : line;
    const postcode = postcodeSchema.safeParse(address.postal_code ?? '');
    if (postcode.success) base.postcode = postcode.data;
    else if (address.postal_code)
      notes.push(`postcode "${address.postal_code}" is not a UK postcode: not kept`);
    const unread = unreadFields(address, ADDRESS_FIELDS_READ, 'address ');
    if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);
    for (const other of addresses)
      if (other !== address)
        notes.push(`address "${addressLine(other) || other.id}": not kept, as a partner has one address`);
  }
  const unread = unreadFields(location, LOCATION_FIELDS_READ, 'location ');
  if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);
  return { base, wards: inWards, notes };
}
