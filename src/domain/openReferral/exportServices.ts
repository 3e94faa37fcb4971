// Our partners as an Open Referral UK 3.0 feed: each partner a full service (GET /services/{id}) with
// an organization, one location (address, postcode, latitude and longitude), weekly schedules, service
// areas for its coverage and taxonomy terms for its needs and kind; pages as GET /services answers.
// Phone numbers, which the UK profile has no place for, go out as HSDS `phones` (extra properties are
// allowed), so a feed carries them to systems that read HSDS, and back to us. What a feed carries
// depends on who it is for (see Audience).
import { capabilityLabel } from '../entities/capabilities.ts';
import { PARTNER_KINDS, type Partner } from '../entities/partner.ts';
import { schedulesFromHours } from './schedules.ts';
import { serviceAreasFromCoverage, type AreaNames } from './serviceAreas.ts';
import { stableId } from './stableId.ts';
import { KINDS_TAXONOMY, NEEDS_TAXONOMY } from './termMapping.ts';

export const ORUK_VERSION = 'HSDS-UK-3.0';
export const ORUK_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';
export const ORUK_OPENAPI_URL = 'https://openreferraluk.org/specifications/3.0/openapi.json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id a partner is published under: the ORUK id it was imported with when that is a UUID (so feeds
 * that follow both see one service), else our own. ORUK 3.0 wants every service id a UUID, and an older
 * feed's "svc-7" made our feed fail validation; a re-import of our feed still matches by our id.
 */
export const orukServiceId = (partner: Partner) =>
  partner.orukId && UUID.test(partner.orukId) ? partner.orukId : partner.id;

const STATUS: Record<Partner['status'], string> = {
  active: 'active',
  paused: 'temporarily closed',
  closed: 'defunct',
};

function term(taxonomy: string, code: string, label: string) {
  const id = stableId(`${taxonomy}/${code}`);
  return {
    id,
    name: label,
    description: `${label} (${taxonomy})`,
    taxonomy,
    term: code,
  };
}

function attribute(partnerId: string, taxonomy: string, code: string, label: string) {
  const taxonomyTerm = term(taxonomy, code, label);
  return {
    id: stableId(`${partnerId}/attribute/${taxonomy}/${code}`),
    taxonomy_term_id: taxonomyTerm.id,
    link_type: 'service',
    taxonomy_term: taxonomyTerm,
  };
}

function location(partner: Partner) {
  const { address, postcode, lat, lon } = partner.base;
  if (!address && !postcode && lat === null && lon === null) return [];
  const comma = address.lastIndexOf(', ');
  const locationId = stableId(`${partner.id}/location`);
  return [
    {
      id: stableId(`${partner.id}/service_at_location`),
      location_id: locationId,
      location: {
        id: locationId,
        location_type: 'physical',
        ...(lat !== null && lon !== null ? { latitude: lat, longitude: lon } : {}),
        addresses:
          address || postcode
            ? [
                {
                  id: stableId(`${partner.id}/address`),
                  address_1: comma > 0 ? address.slice(0, comma) : address,
                  city: comma > 0 ? address.slice(comma + 2) : '',
                  state_province: '',
                  postal_code: postcode ?? '',
                  country: 'GB',
                  address_type: 'physical',
                },
              ]
            : [],
      },
    },
  ];
}

function phones(partner: Partner, audience: Audience) {
  const night = partner.availability.outOfHoursPhone;
  return [
    { id: stableId(`${partner.id}/phone/main`), number: partner.phone, description: 'Main number' },
    ...(audience === 'council' && night
      ? [{ id: stableId(`${partner.id}/phone/out-of-hours`), number: night, description: 'Out of hours' }]
      : []),
  ];
}

/**
 * Who a feed is for. The public feed carries what the public directory shows (name, needs, where,
 * address and position, main phone, hours, when last checked) and nothing else: no email, capacity
 * notes or out-of-hours number. The council's own export (an admin's download, to move the directory
 * to another system) carries every field ORUK can hold.
 */
export type Audience = 'public' | 'council';

/** One partner as a full ORUK service. */
export function serviceFromPartner(
  partner: Partner,
  areas: AreaNames,
  audience: Audience = 'public',
): Record<string, unknown> {
  const council = audience === 'council';
  const description = council ? partner.capacityNotes : '';
  const email = council ? partner.email : null;
  const id = orukServiceId(partner);
  const organizationId = stableId(`${partner.id}/organization`);
  const kindLabel = PARTNER_KINDS.find((kind) => kind.id === partner.kind)?.label ?? partner.kind;
  return {
    id,
    name: partner.name,
    ...(description ? { description } : {}),
    ...(email ? { email } : {}),
    status: STATUS[partner.status],
    assured_date: partner.lastVerified,
    last_modified: partner.updatedAt,
    organization_id: organizationId,
    organization: {
      id: organizationId,
      name: partner.name,
      description: description || partner.name,
      ...(email ? { email } : {}),
    },
    service_at_locations: location(partner),
    schedules: schedulesFromHours(partner),
    service_areas: serviceAreasFromCoverage(partner.id, partner.coverage, areas),
    contacts: [],
    attributes: [
      ...partner.capabilities.map((need) =>
        attribute(partner.id, NEEDS_TAXONOMY, need, capabilityLabel(need)),
      ),
      attribute(partner.id, KINDS_TAXONOMY, partner.kind, kindLabel),
    ],
    phones: phones(partner, audience),
  };
}

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** Page `pageNumber` (from 1) of `perPage` items, with ORUK's paging fields. */
export function orukPage<T>(items: readonly T[], pageNumber: number, perPage: number): OrukPage<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The body of GET / on an ORUK feed. */
export const orukApiDetails = () => ({
  version: ORUK_VERSION,
  profile: ORUK_PROFILE,
  openapi_url: ORUK_OPENAPI_URL,
});
