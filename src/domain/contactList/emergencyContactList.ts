// The emergency plan's contact list: the paper copy in the grab bag for when every device is flat.
// Strategic partners (those that agreed to be named in the plan) and parish emergency contacts,
// grouped by ward and, within a ward, by parish; borough-wide partners once at the top; council and
// other contacts with no parish at the end. A contact appears only if this user may see it
// (access.ts canSeeContact), so a printout never carries what its reader's role may not read. Retired
// contacts and parishes, and partners that are not active, are left out.
import type { Parish, Ward } from '../geo/area.ts';
import { canSeeContact } from '../entities/access.ts';
import type { Contact } from '../entities/contact.ts';
import { localWardsOf } from '../gaps/gapAnalysis.ts';
import { PARTNER_KINDS, isStrategic, type Partner } from '../entities/partner.ts';
import type { User } from '../accounts/user.ts';

export interface ListedContact {
  id: string;
  name: string;
  /** The role, or for a partner its kind ("Faith group"). */
  role: string;
  organisation: string;
  phone: string;
  outOfHours: string | null;
  email: string | null;
  restricted: boolean;
}

export interface ParishSection {
  code: string;
  name: string;
  contacts: ListedContact[];
}

export interface WardSection {
  code: string;
  name: string;
  parished: boolean;
  /** Strategic partners naming the ward or a parish in it (borough-wide ones are listed once, above). */
  partners: ListedContact[];
  parishes: ParishSection[];
}

export interface EmergencyContactList {
  boroughWide: ListedContact[];
  wards: WardSection[];
  /** Contacts with no parish (council officers, partners' people), by organisation then name. */
  others: ListedContact[];
}

const kindLabel = new Map<string, string>(PARTNER_KINDS.map((kind) => [kind.id, kind.label]));
const byName = (a: { name: string; id?: string }, b: { name: string; id?: string }) =>
  a.name.localeCompare(b.name) || (a.id ?? '').localeCompare(b.id ?? '');

function fromPartner(partner: Partner): ListedContact {
  return {
    id: partner.id,
    name: partner.name,
    role: kindLabel.get(partner.kind) ?? partner.kind,
    organisation: partner.name,
    phone: partner.phone,
    outOfHours: partner.availability.always ? null : partner.availability.outOfHoursPhone,
    email: partner.email,
    restricted: false,
  };
}

function fromContact(contact: Contact, parishName: string | null): ListedContact {
  return {
    id: contact.id,
    name: contact.name,
    role: contact.role,
    organisation: contact.organisation ?? (parishName ? `${parishName} Parish Council` : ''),
    phone: contact.phones.main,
    outOfHours: contact.phones.outOfHours,
    email: contact.email,
    restricted: contact.visibility === 'restricted',
  };
}

export function emergencyContactList(
  user: User,
  wards: readonly Ward[],
  parishes: readonly Parish[],
  partners: readonly Partner[],
  contacts: readonly Contact[],
): EmergencyContactList {
  const liveParishes = parishes.filter((parish) => !parish.retired);
  const parishWards = new Map(liveParishes.map((parish) => [parish.code, parish.wardCodes]));
  const strategic = partners.filter((partner) => partner.status === 'active' && isStrategic(partner));
  const visible = contacts.filter((contact) => !contact.retired && canSeeContact(user, contact));
  const parishNames = new Map(parishes.map((parish) => [parish.code, parish.name]));

  const contactsByParish = new Map<string, ListedContact[]>();
  const others: ListedContact[] = [];
  for (const contact of visible) {
    if (contact.parishCode === null || !parishWards.has(contact.parishCode)) {
      others.push(
        fromContact(contact, contact.parishCode ? (parishNames.get(contact.parishCode) ?? null) : null),
      );
      continue;
    }
    const list = contactsByParish.get(contact.parishCode) ?? [];
    list.push(fromContact(contact, parishNames.get(contact.parishCode) ?? null));
    contactsByParish.set(contact.parishCode, list);
  }

  const partnersByWard = new Map<string, ListedContact[]>();
  for (const partner of strategic)
    for (const code of localWardsOf(partner, parishWards)) {
      const list = partnersByWard.get(code) ?? [];
      list.push(fromPartner(partner));
      partnersByWard.set(code, list);
    }

  const sections = [...wards].sort(byName).map((ward): WardSection => ({
    code: ward.code,
    name: ward.name,
    parished: ward.parished,
    partners: (partnersByWard.get(ward.code) ?? []).sort(byName),
    parishes: liveParishes
      .filter((parish) => parish.wardCodes.includes(ward.code))
      .sort(byName)
      .map((parish) => ({
        code: parish.code,
        name: parish.name,
        contacts: (contactsByParish.get(parish.code) ?? []).sort(byName),
      })),
  }));

  return {
    boroughWide: strategic
      .filter((partner) => partner.coverage.boroughWide)
      .map(fromPartner)
      .sort(byName),
    wards: sections,
    others: others.sort((a, b) => a.organisation.localeCompare(b.organisation) || byName(a, b)),
  };
}

/** Every row of the list once per place it is listed, for CSV: ward, parish, group and the contact. */
export interface ContactListRow {
  ward: string;
  parish: string;
  group: 'Strategic partner (borough-wide)' | 'Strategic partner' | 'Parish contact' | 'Other contact';
  contact: ListedContact;
}

export function contactListRows(list: EmergencyContactList): ContactListRow[] {
  const rows: ContactListRow[] = list.boroughWide.map((contact) => ({
    ward: 'Borough-wide',
    parish: '',
    group: 'Strategic partner (borough-wide)',
    contact,
  }));
  for (const ward of list.wards) {
    for (const contact of ward.partners)
      rows.push({ ward: ward.name, parish: '', group: 'Strategic partner', contact });
    for (const parish of ward.parishes)
      for (const contact of parish.contacts)
        rows.push({ ward: ward.name, parish: parish.name, group: 'Parish contact', contact });
  }
  for (const contact of list.others) rows.push({ ward: '', parish: '', group: 'Other contact', contact });
  return rows;
}
