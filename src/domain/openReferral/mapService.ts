// One ORUK service (with its organization, locations, contacts, schedules, service areas and taxonomy
// terms) as one of our partners. Pure: the caller passes the wards and parishes, the admins' term
// mappings, the partner it updates (matched by ORUK id) and the clock. The answer is the partner and
// notes naming everything that was not kept and why, or the reasons it cannot be a partner.
// On an update, what the feed does not say (a list page without locations, the phone ORUK 3.0 has no
// place for, our agreements) keeps the value we hold.
import { emailSchema, idSchema, isoDateSchema, phoneSchema } from '../entities/common.ts';
import { partnerSchema, type Coverage, type Partner } from '../entities/partner.ts';
import type { Parish, Ward } from '../geo/area.ts';
import { fieldErrors } from '../api/apiError.ts';
import { sameValue } from '../sync/merge.ts';
import { hoursFromSchedules } from './schedules.ts';
import { coverageFromServiceAreas } from './serviceAreas.ts';
import { needsInWords, type TermMapping } from './termMapping.ts';
import { unreadFields } from './notKept.ts';
import { baseFromLocations } from './locationBase.ts';
import { needsFromTerms } from './serviceNeeds.ts';
import type { OrukPhone, OrukService } from './orukSchemas.ts';

export interface MapContext {
  wards: readonly Ward[];
  parishes: readonly Parish[];
  termMappings: readonly TermMapping[];
  /** Phones an admin typed in the preview for services whose feed has none, by ORUK id. */
  phones: Readonly<Record<string, string>>;
  today: string;
  now: string;
  newId: () => string;
}

export type MappedService =
  | { ok: true; partner: Partner; notes: string[] }
  | { ok: false; reasons: string[]; needsPhone: boolean; unmappedTerms: string[] };

const SERVICE_FIELDS_READ = [
  'id',
  'name',
  'status',
  'description',
  'email',
  'assured_date',
  'last_modified',
  'organization',
  'organization_id',
  'service_at_locations',
  'schedules',
  'attributes',
  'service_areas',
  'phones',
  'contacts',
];
const ORGANIZATION_FIELDS_READ = ['id', 'name', 'description', 'email', 'phones'];
const SCHEDULE_FIELDS_READ = [
  'id',
  'freq',
  'interval',
  'byday',
  'bymonthday',
  'opens_at',
  'closes_at',
  'valid_from',
  'valid_to',
];
const OUT_OF_HOURS = /out[- ]of[- ]hours|emergenc|24[- ]?h/i;

const STATUS: Record<string, Partner['status']> = {
  active: 'active',
  inactive: 'paused',
  'temporarily closed': 'paused',
  defunct: 'closed',
};

function partnerName(service: OrukService): string {
  const organisation = service.organization?.name?.trim();
  const name = service.name.trim();
  const full = !organisation || organisation === name ? name : `${organisation} — ${name}`;
  return full.length > 200 ? full.slice(0, 200) : full;
}

function phonesOf(service: OrukService): OrukPhone[] {
  return [
    ...(service.phones ?? []),
    ...(service.service_at_locations ?? []).flatMap((at) => [
      ...(at.phones ?? []),
      ...(at.location?.phones ?? []),
    ]),
    ...(service.organization?.phones ?? []),
    ...(service.contacts ?? []).flatMap((contact) => contact.phones ?? []),
  ];
}

function keepOrder<T>(held: readonly T[] | undefined, read: T[]): T[] {
  if (!held || held.length !== read.length) return read;
  const key = (values: readonly T[]) => values.map((value) => JSON.stringify(value)).sort();
  return sameValue(key(held), key(read)) ? [...held] : read;
}

export function mapService(
  service: OrukService,
  existing: Partner | undefined,
  context: MapContext,
): MappedService {
  const notes: string[] = [];
  const reasons: string[] = [];
  const says = (field: string) => Object.prototype.hasOwnProperty.call(service, field);

  // Email: the service's own, else its organization's.
  let email = existing?.email ?? null;
  const rawEmail = service.email?.trim() || service.organization?.email?.trim() || null;
  if (rawEmail) {
    if (emailSchema.safeParse(rawEmail).success) email = rawEmail;
    else notes.push(`email "${rawEmail}" is not an email address: not kept`);
  } else if (says('email')) email = null;

  // Phones: ORUK 3.0 has none; HSDS phones are read when a feed carries them.
  const phones = phonesOf(service);
  const goodPhones = phones.filter((phone) => phoneSchema.safeParse(phone.number).success);
  for (const phone of phones)
    if (!goodPhones.includes(phone)) notes.push(`phone "${phone.number}" is not a phone number: not kept`);
  const outOfHours = goodPhones.find((phone) => OUT_OF_HOURS.test(phone.description ?? ''));
  const main = goodPhones.find((phone) => phone !== outOfHours) ?? outOfHours;
  const typedPhone = context.phones[service.id]?.trim() || undefined;
  const typedOk = typedPhone !== undefined && phoneSchema.safeParse(typedPhone).success;
  const phone = main?.number.trim() ?? (typedOk ? typedPhone : existing?.phone);
  let needsPhone = false;
  if (!phone) {
    needsPhone = true;
    reasons.push(
      typedPhone === undefined
        ? 'no phone number: ORUK 3.0 has no place for one, and duty officers must be able to call'
        : `the phone typed for it, "${typedPhone}", is not a phone number of digits and spaces`,
    );
  }

  // Where it is based: the first (physical) location's address and position; the wards of them all.
  let base = existing?.base ?? { address: '', postcode: null, lat: null, lon: null };
  let locatedIn: Ward[] = [];
  if (says('service_at_locations')) {
    const located = baseFromLocations(service, context.wards);
    ({ base, wards: locatedIn } = located);
    notes.push(...located.notes);
  }

  // Where it helps: named service areas, else what we held, else the wards its locations lie in.
  let coverage: Coverage = existing?.coverage ?? { boroughWide: false, wards: [], parishes: [] };
  const fromAreas = coverageFromServiceAreas(service.service_areas ?? [], {
    wards: new Map(context.wards.map((one) => [one.code, one])),
    parishes: new Map(context.parishes.map((one) => [one.code, one])),
  });
  notes.push(...fromAreas.notes);
  let status: Partner['status'] = existing?.status ?? 'active';
  if (service.status) {
    const mapped = STATUS[service.status.toLowerCase()];
    if (mapped) status = mapped;
    else notes.push(`status "${service.status}" is not an ORUK status: counted as active`);
  }
  if (fromAreas.coverage) coverage = fromAreas.coverage;
  else if (!existing && locatedIn.length > 0 && status === 'active') {
    // An active partner must help somewhere; where it is found is the best the feed tells us.
    coverage = { boroughWide: false, wards: locatedIn.map((ward) => ward.code), parishes: [] };
    const names = locatedIn.map((ward) => ward.name);
    notes.push(
      locatedIn.length === 1
        ? `covers ${names[0]} ward, where it is based (the feed names no area of ours)`
        : `covers ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} wards, where its locations are (the feed names no area of ours)`,
    );
  }
  const covers = coverage.boroughWide || coverage.wards.length + coverage.parishes.length > 0;
  if (status === 'active' && !covers) {
    status = 'paused';
    notes.push(
      `status ${service.status ?? 'active'}: paused here until someone sets where it helps, as the feed places it in none of our wards or parishes`,
    );
  }

  // What it can do, and what kind of partner it is, from its taxonomy terms.
  const read = needsFromTerms(service.attributes ?? [], context.termMappings);
  notes.push(...read.notes);
  const { needs, kind, unmappedTerms, guessed } = read;
  if (guessed) notes.push('some needs were read from the words of its taxonomy terms: check them');
  if (needs.size === 0 && says('attributes') === false && existing)
    existing.capabilities.forEach((need) => needs.add(need));
  if (needs.size === 0) {
    const fromWords = needsInWords(`${service.name} ${service.description ?? ''}`);
    if (fromWords.length > 0) {
      fromWords.forEach((need) => needs.add(need));
      notes.push(`needs guessed from its name and description (${fromWords.join(', ')}): check them`);
    }
  }
  if (needs.size === 0 && existing) {
    existing.capabilities.forEach((need) => needs.add(need));
    notes.push('no taxonomy term maps to a need here: the needs held here are kept');
  }
  if (needs.size === 0)
    reasons.push(
      unmappedTerms.length > 0
        ? `none of its taxonomy terms (${unmappedTerms.join(', ')}) means a need here: map them to a need and preview again`
        : 'it names no need it helps with (no taxonomy terms), and none could be read from its description',
    );
  if (!kind && !existing) notes.push('the feed does not say what kind of partner it is: set to Other');
  const partnerKind = kind ?? existing?.kind ?? 'other';

  // Opening hours from weekly schedules.
  let availability = existing?.availability ?? { always: false, hours: [], outOfHoursPhone: null };
  if (says('schedules')) {
    const fromSchedules = hoursFromSchedules(service.schedules ?? []);
    notes.push(...fromSchedules.notes);
    (service.schedules ?? []).forEach((schedule, index) => {
      const unread = unreadFields(schedule, SCHEDULE_FIELDS_READ, `schedule ${index + 1} `);
      if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);
    });
    availability = { ...availability, always: fromSchedules.always, hours: fromSchedules.hours };
  }
  if (outOfHours) availability = { ...availability, outOfHoursPhone: outOfHours.number.trim() };

  let capacityNotes = existing?.capacityNotes ?? '';
  if (says('description')) {
    capacityNotes = service.description?.trim() ?? '';
    if (capacityNotes.length > 2000) {
      capacityNotes = capacityNotes.slice(0, 2000);
      notes.push('description is longer than 2000 characters: cut to fit the capacity notes');
    }
  }

  let lastVerified = existing?.lastVerified ?? context.today;
  const assured = service.assured_date?.slice(0, 10);
  if (assured && isoDateSchema.safeParse(assured).success) lastVerified = assured;
  else if (assured) notes.push(`assured date "${service.assured_date}" is not a date: not kept`);
  else if (!existing) notes.push('no assured date: counted as checked today');

  for (const contact of service.contacts ?? [])
    notes.push(
      `contact ${[contact.name, contact.title].filter(Boolean).join(', ') || contact.id}: not imported as a contact ` +
        '(ORUK 3.0 contacts carry no phone number); add them by hand if they should be called',
    );
  const unread = [
    ...unreadFields(service, SERVICE_FIELDS_READ),
    ...unreadFields(service.organization, ORGANIZATION_FIELDS_READ, 'organization '),
  ];
  const organizationDescription = service.organization?.description;
  if (
    organizationDescription &&
    organizationDescription !== service.description &&
    organizationDescription !== service.organization?.name
  )
    unread.push('organization description');
  if (unread.length > 0) notes.push(`not kept (no place for them here): ${unread.join(', ')}`);

  if (reasons.length > 0) return { ok: false, reasons, needsPhone, unmappedTerms };

  // The same set in another order is no change: keep the order held here.
  const capabilities = keepOrder(existing?.capabilities, [...needs]);
  coverage = {
    ...coverage,
    wards: keepOrder(existing?.coverage.wards, coverage.wards),
    parishes: keepOrder(existing?.coverage.parishes, coverage.parishes),
  };
  availability = { ...availability, hours: keepOrder(existing?.availability.hours, availability.hours) };

  // A UUID in capitals is our id in lower case (ids are written one way), keeping the feed's as orukId.
  const ownId = service.id.toLowerCase();
  const id = existing?.id ?? (idSchema.safeParse(ownId).success ? ownId : context.newId());
  const candidate = {
    id,
    name: partnerName(service),
    kind: partnerKind,
    capabilities,
    coverage,
    base,
    phone,
    email,
    availability,
    capacityNotes,
    emergencyPlan: existing?.emergencyPlan ?? { agreed: false, date: null },
    localCompact: existing?.localCompact ?? { agreed: false, date: null },
    listedPublicly: existing?.listedPublicly ?? false,
    lastVerified,
    status,
    updatedAt: context.now,
    ...(id === service.id ? (existing?.orukId ? { orukId: existing.orukId } : {}) : { orukId: service.id }),
  };
  const checked = partnerSchema.safeParse(candidate);
  if (!checked.success)
    return {
      ok: false,
      reasons: Object.entries(fieldErrors(checked.error)).map(([field, message]) => `${field}: ${message}`),
      needsPhone: false,
      unmappedTerms,
    };
  return { ok: true, partner: checked.data, notes };
}
