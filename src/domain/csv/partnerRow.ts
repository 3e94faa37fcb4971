// A partner as one row of text cells, and back: the columns of the partners CSV (import and export)
// and of the partner edit form. A column left out of a file keeps what the directory holds for an
// existing partner, so a short list from the voluntary-sector body updates only what it names.
import { partnerSchema, PARTNER_KINDS, type Partner } from '../entities/partner.ts';
import { CAPABILITIES } from '../entities/capabilities.ts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { formatHoursText, parseHoursText } from '../ranking/hoursText.ts';
import {
  CellError,
  areaChoices,
  dateOrNull,
  listOf,
  lookUp,
  numberOrNull,
  postcodeOrNull,
  rowReader,
  rowResult,
  schemaColumns,
  textOrNull,
  yesNo,
  yesNoText,
  type AreaLookup,
  type ColumnDoc,
  type RowContext,
  type RowResult,
} from './csvValues.ts';

/** The partners CSV's columns, in order, with what each holds: shown on the import page. */
export const PARTNER_COLUMNS = [
  {
    column: 'id',
    field: 'id',
    meaning: 'Blank for a new partner. Export fills it, so a re-import updates the same partner.',
  },
  { column: 'name', field: 'name', meaning: 'Required.' },
  {
    column: 'kind',
    field: 'kind',
    meaning:
      'A kind such as "Voluntary or community group" or "GP surgery". Blank: voluntary or community group.',
  },
  {
    column: 'capabilities',
    field: 'capabilities',
    meaning: 'What it can help with, separated by ; (e.g. "Food; Transport"). At least one.',
  },
  { column: 'wards', field: 'coverage.wards', meaning: 'Wards it covers, codes or names separated by ;.' },
  {
    column: 'parishes',
    field: 'coverage.parishes',
    meaning: 'Parishes it covers, codes or names separated by ;.',
  },
  {
    column: 'borough_wide',
    field: 'coverage.boroughWide',
    meaning: 'yes or no. An active partner needs a ward, a parish or borough_wide yes.',
  },
  { column: 'address', field: 'base.address', meaning: 'Its base.' },
  { column: 'postcode', field: 'base.postcode', meaning: 'A UK postcode, or blank.' },
  { column: 'lat', field: 'base.lat', meaning: 'Latitude of its base, e.g. 51.2724, or blank.' },
  { column: 'lon', field: 'base.lon', meaning: 'Longitude of its base, e.g. 0.5227, or blank.' },
  { column: 'phone', field: 'phone', meaning: 'Required: digits and spaces, e.g. 01632 960123.' },
  { column: 'out_of_hours_phone', field: 'availability.outOfHoursPhone', meaning: 'Or blank.' },
  { column: 'email', field: 'email', meaning: 'Or blank.' },
  { column: 'always_open', field: 'availability.always', meaning: 'yes for 24 hours, 7 days.' },
  {
    column: 'hours',
    field: 'availability.hours',
    meaning: 'Opening hours, e.g. "Mon-Fri 09:00-17:00; Sat 10:00-13:00".',
  },
  { column: 'capacity_notes', field: 'capacityNotes', meaning: 'Free text.' },
  {
    column: 'emergency_plan_agreed',
    field: 'emergencyPlan.agreed',
    meaning: 'yes if it agreed to be named in the emergency plan (a strategic partner).',
  },
  {
    column: 'emergency_plan_date',
    field: 'emergencyPlan.date',
    meaning: 'The date it agreed, YYYY-MM-DD or DD/MM/YYYY. Needed when agreed.',
  },
  {
    column: 'local_compact_signed',
    field: 'localCompact.agreed',
    meaning: 'yes if it signed the Local Compact.',
  },
  {
    column: 'local_compact_date',
    field: 'localCompact.date',
    meaning: 'The date it signed. Needed when signed.',
  },
  { column: 'listed_publicly', field: 'listedPublicly', meaning: 'yes to show it in the public directory.' },
  {
    column: 'last_verified',
    field: 'lastVerified',
    meaning: 'The date its details were last confirmed. Blank: the day of the import.',
  },
  { column: 'status', field: 'status', meaning: 'active, paused or closed. Blank: active.' },
] as const satisfies readonly ColumnDoc[];

export type PartnerColumn = (typeof PARTNER_COLUMNS)[number]['column'];
/** A row: text by column; undefined when the file has no such column. */
export type PartnerRow = Partial<Record<PartnerColumn, string>>;

/** Schema field path → column, so the schema's messages land on the right column. */
const SCHEMA_COLUMNS = schemaColumns(PARTNER_COLUMNS);

const kindChoices = PARTNER_KINDS.map((kind) => ({ id: kind.id, name: kind.label }));
const capabilityChoices = CAPABILITIES.map((capability) => ({ id: capability.id, name: capability.label }));

export function partnerToRow(partner: Partner): Record<PartnerColumn, string> {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    id: partner.id,
    name: partner.name,
    kind: PARTNER_KINDS.find((kind) => kind.id === partner.kind)?.label ?? partner.kind,
    capabilities: partner.capabilities
      .map((id) => capabilityChoices.find((c) => c.id === id)?.name ?? id)
      .join('; '),
    wards: partner.coverage.wards.join('; '),
    parishes: partner.coverage.parishes.join('; '),
    borough_wide: yesNoText(partner.coverage.boroughWide),
    address: partner.base.address,
    postcode: text(partner.base.postcode),
    lat: text(partner.base.lat),
    lon: text(partner.base.lon),
    phone: partner.phone,
    out_of_hours_phone: text(partner.availability.outOfHoursPhone),
    email: text(partner.email),
    always_open: yesNoText(partner.availability.always),
    hours: formatHoursText(partner.availability.hours),
    capacity_notes: partner.capacityNotes,
    emergency_plan_agreed: yesNoText(partner.emergencyPlan.agreed),
    emergency_plan_date: text(partner.emergencyPlan.date),
    local_compact_signed: yesNoText(partner.localCompact.agreed),
    local_compact_date: text(partner.localCompact.date),
    listed_publicly: yesNoText(partner.listedPublicly),
    last_verified: partner.lastVerified,
    status: partner.status,
  };
}

/** What a new partner starts as, for columns a file leaves out. */
function blankPartner(context: RowContext): Partner {
  return {
    id: context.newId(),
    name: '',
    kind: 'voluntary_group',
    capabilities: [],
    coverage: { boroughWide: false, wards: [], parishes: [] },
    base: { address: '', postcode: null, lat: null, lon: null },
    phone: '',
    email: null,
    availability: { always: false, hours: [], outOfHoursPhone: null },
    capacityNotes: '',
    emergencyPlan: { agreed: false, date: null },
    localCompact: { agreed: false, date: null },
    listedPublicly: false,
    lastVerified: context.today,
    status: 'active',
    updatedAt: context.now,
  };
}

/**
 * The ward a position given latitude for longitude lies in when read the other way round, if it lies in
 * none as given (51.25, 0.35 typed as 0.35, 51.25 is off Somalia, and ranks the partner from there).
 */
function swappedInto(wards: AreaLookup['wards'], lat: number | null, lon: number | null): string | undefined {
  if (lat === null || lon === null || Math.abs(lon) > 90) return undefined;
  const holding = (x: number, y: number) =>
    wards.find((ward) => ward.boundary && booleanPointInPolygon([x, y], ward.boundary));
  return holding(lon, lat) ? undefined : holding(lat, lon)?.name;
}

/**
 * Reads a row into a partner: `existing` (matched by the caller) supplies what the row leaves out.
 * Every bad cell is reported, by column, not only the first.
 */
export function partnerFromRow(
  row: PartnerRow,
  existing: Partner | null,
  context: RowContext,
): RowResult<Partner> {
  const base = existing ?? blankPartner(context);
  const { cell, errors } = rowReader<PartnerColumn>(row);
  const hours = cell('hours', base.availability.hours, (text) => {
    const parsed = parseHoursText(text);
    if (!parsed.ok) throw new CellError(parsed.message);
    return parsed.hours;
  });
  const status = cell('status', base.status, (text) => {
    const value = text.toLowerCase() || 'active';
    if (value !== 'active' && value !== 'paused' && value !== 'closed') {
      throw new CellError(`must be active, paused or closed, not "${text}"`);
    }
    return value;
  });
  const candidate = {
    id: existing ? existing.id : cell('id', base.id, (text) => text || base.id),
    name: cell('name', base.name, (text) => text),
    kind: cell('kind', base.kind, (text) =>
      text === '' ? 'voluntary_group' : lookUp([text], kindChoices, 'a kind of partner')[0],
    ),
    capabilities: cell('capabilities', base.capabilities, (text) =>
      lookUp(listOf(text), capabilityChoices, 'a capability'),
    ),
    coverage: {
      boroughWide: cell('borough_wide', base.coverage.boroughWide, yesNo),
      wards: cell('wards', base.coverage.wards, (text) =>
        lookUp(listOf(text), areaChoices(context.area.wards), 'a ward here', 'ward'),
      ),
      parishes: cell('parishes', base.coverage.parishes, (text) =>
        lookUp(listOf(text), areaChoices(context.area.parishes), 'a parish here', 'parish'),
      ),
    },
    base: {
      address: cell('address', base.base.address, (text) => text),
      postcode: cell('postcode', base.base.postcode, postcodeOrNull),
      lat: cell('lat', base.base.lat, (text) => numberOrNull(text, '51.2724')),
      lon: cell('lon', base.base.lon, (text) => numberOrNull(text, '0.5227')),
    },
    phone: cell('phone', base.phone, (text) => text),
    email: cell('email', base.email, textOrNull),
    availability: {
      always: cell('always_open', base.availability.always, yesNo),
      hours,
      outOfHoursPhone: cell('out_of_hours_phone', base.availability.outOfHoursPhone, textOrNull),
    },
    capacityNotes: cell('capacity_notes', base.capacityNotes, (text) => text),
    emergencyPlan: {
      agreed: cell('emergency_plan_agreed', base.emergencyPlan.agreed, yesNo),
      date: cell('emergency_plan_date', base.emergencyPlan.date, dateOrNull),
    },
    localCompact: {
      agreed: cell('local_compact_signed', base.localCompact.agreed, yesNo),
      date: cell('local_compact_date', base.localCompact.date, dateOrNull),
    },
    listedPublicly: cell('listed_publicly', base.listedPublicly, yesNo),
    lastVerified: cell('last_verified', base.lastVerified, (text) => dateOrNull(text) ?? context.today),
    status,
    updatedAt: context.now,
  };
  // An empty phone is missing, not badly written.
  if (candidate.phone.trim() === '') errors.phone ??= 'is required';
  const swapped = swappedInto(context.area.wards, candidate.base.lat, candidate.base.lon);
  if (swapped)
    errors.lat ??= `${candidate.base.lat} with lon ${candidate.base.lon} lies in none of our wards, and the other way round in ${swapped}: lat and lon look swapped`;
  return rowResult(partnerSchema, candidate, errors, SCHEMA_COLUMNS);
}
