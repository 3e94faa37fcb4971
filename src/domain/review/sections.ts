// A review round's sections: the directory split the way the office hands it out — one section per
// ward (its parish emergency contacts and the partners working only there), then the borough-wide
// partners, the partners working in several wards, and the contacts with no parish (council officers,
// partners' people). Every partner that is not closed and every contact that is not retired is in
// exactly one section, so a round's progress counts each record once.
import type { Parish, Ward } from '../geo/area.ts';
import type { Contact } from '../entities/contact.ts';
import { localWardsOf } from '../gaps/gapAnalysis.ts';
import { PARTNER_KINDS, type Partner } from '../entities/partner.ts';
import type { SectionCode } from './reviewRound.ts';
import { isolated } from '../words/isolated.ts';

export interface ReviewItem {
  entity: 'partner' | 'contact';
  id: string;
  name: string;
  /** A partner's kind, or a contact's role and organisation or parish. */
  detail: string;
  phone: string;
  lastVerified: string;
}

export interface ReviewSection {
  code: SectionCode;
  name: string;
  items: ReviewItem[];
}

const kindLabel = new Map<string, string>(PARTNER_KINDS.map((kind) => [kind.id, kind.label]));
const byName = (a: ReviewItem, b: ReviewItem) =>
  a.name.localeCompare(b.name, 'en-GB') || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id);

export const itemKey = (item: { entity: string; id: string }) => `${item.entity}:${item.id}`;

const FIXED_SECTIONS = {
  borough: 'Borough-wide partners',
  several: 'Partners working in several wards',
  other: 'Council and other contacts',
} as const;

/** Which section a partner is checked in. */
export function partnerSection(partner: Partner, parishWards: ReadonlyMap<string, readonly string[]>) {
  if (partner.coverage.boroughWide) return 'borough';
  const wards = [...localWardsOf(partner, parishWards)];
  if (wards.length === 1) return `ward:${wards[0]}`;
  return wards.length === 0 ? 'other' : 'several';
}

/** Which section a contact is checked in: its parish's ward (the first by name when it spans several). */
export function contactSection(
  contact: Contact,
  parishWards: ReadonlyMap<string, readonly string[]>,
  wardNames: ReadonlyMap<string, string>,
): SectionCode {
  const wards = (contact.parishCode ? (parishWards.get(contact.parishCode) ?? []) : []).filter((code) =>
    wardNames.has(code),
  );
  if (wards.length === 0) return 'other';
  const first = [...wards].sort((a, b) => wardNames.get(a)!.localeCompare(wardNames.get(b)!, 'en-GB'))[0]!;
  return `ward:${first}`;
}

export function reviewSections(
  wards: readonly Ward[],
  parishes: readonly Parish[],
  partners: readonly Partner[],
  contacts: readonly Contact[],
): ReviewSection[] {
  const liveParishes = parishes.filter((parish) => !parish.retired);
  const parishWards = new Map(liveParishes.map((parish) => [parish.code, parish.wardCodes]));
  const parishNames = new Map(parishes.map((parish) => [parish.code, parish.name]));
  const wardNames = new Map(wards.map((ward) => [ward.code, ward.name]));
  const items = new Map<SectionCode, ReviewItem[]>();
  const add = (code: SectionCode, item: ReviewItem) => items.set(code, [...(items.get(code) ?? []), item]);

  for (const partner of partners) {
    if (partner.status === 'closed') continue;
    // A partner naming a ward the area no longer has is checked with those working in several wards.
    let code = partnerSection(partner, parishWards);
    if (code.startsWith('ward:') && !wardNames.has(code.slice(5))) code = 'several';
    add(code, {
      entity: 'partner',
      id: partner.id,
      name: partner.name,
      detail: kindLabel.get(partner.kind) ?? partner.kind,
      phone: partner.phone,
      lastVerified: partner.lastVerified,
    });
  }
  for (const contact of contacts) {
    if (contact.retired) continue;
    const parish = contact.parishCode ? parishNames.get(contact.parishCode) : undefined;
    add(contactSection(contact, parishWards, wardNames), {
      entity: 'contact',
      id: contact.id,
      name: contact.name,
      // Typed words isolated: a role or organisation in Arabic keeps the comma between them in place.
      detail: [
        contact.role && isolated(contact.role),
        contact.organisation ? isolated(contact.organisation) : parish ? `${parish} parish` : '',
      ]
        .filter(Boolean)
        .join(', '),
      phone: contact.phones.main,
      lastVerified: contact.lastVerified,
    });
  }

  const section = (code: SectionCode, name: string): ReviewSection[] => {
    const list = items.get(code);
    return list ? [{ code, name, items: list.sort(byName) }] : [];
  };
  return [
    ...section('borough', FIXED_SECTIONS.borough),
    ...[...wards]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code))
      .flatMap((ward) => section(`ward:${ward.code}`, ward.name)),
    ...section('several', FIXED_SECTIONS.several),
    ...section('other', FIXED_SECTIONS.other),
  ];
}
