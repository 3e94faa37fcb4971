// One search over the whole directory — partners, contacts and parishes — typo-tolerant (MiniSearch),
// by name, capability, kind, ward, parish, postcode, role and organisation, with the Directory
// screen's filters. Pure: built from records and queried in memory, offline, in the browser. Retired
// contacts and parishes are left out unless asked for: nobody should call someone who has moved on.
import MiniSearch from 'minisearch';
import type { Parish, Ward } from '../geo/area.ts';
import type { Contact } from '../entities/contact.ts';
import type { Partner, PartnerKind } from '../entities/partner.ts';
import { PARTNER_KINDS, isStrategic } from '../entities/partner.ts';
import { capabilityLabel, type CapabilityId } from '../entities/capabilities.ts';
import { isStale } from '../directory/stale.ts';

export type DirectoryType = 'partner' | 'contact' | 'parish';

export interface DirectoryFilters {
  /** Only this kind of record; null for all three. */
  type: DirectoryType | null;
  capability: CapabilityId | null;
  kind: PartnerKind | null;
  /** Partners naming this ward (or a parish in it), contacts of a parish in it, parishes in it. */
  wardCode: string | null;
  strategicOnly: boolean;
  staleOnly: boolean;
  /** Also show retired contacts and parishes (closed partners show either way, badged). */
  includeRetired: boolean;
}

export const NO_FILTERS: DirectoryFilters = {
  type: null,
  capability: null,
  kind: null,
  wardCode: null,
  strategicOnly: false,
  staleOnly: false,
  includeRetired: false,
};

export interface DirectoryResults {
  partners: Partner[];
  contacts: Contact[];
  parishes: Parish[];
}

export interface DirectoryData {
  partners: readonly Partner[];
  contacts: readonly Contact[];
  parishes: readonly Parish[];
  wards: readonly Ward[];
}

export interface DirectorySearch {
  /** Matches, best first when there is a query, by name when there is none; filtered. */
  search(query: string, filters: DirectoryFilters, today: string, staleDays: number): DirectoryResults;
}

interface Doc {
  id: string;
  type: DirectoryType;
  name: string;
  what: string;
  places: string;
  postcode: string;
  people: string;
}

// A full UK postcode, with or without its space, is indexed and searched as one word.
const POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/gi;
const compactPostcodes = (text: string) => text.replace(POSTCODE, '$1$2');
const kindLabels = new Map<string, string>(PARTNER_KINDS.map((kind) => [kind.id, kind.label]));

export function buildDirectorySearch(data: DirectoryData): DirectorySearch {
  const wardName = new Map(data.wards.map((ward) => [ward.code, ward.name]));
  const parishByCode = new Map(data.parishes.map((parish) => [parish.code, parish]));
  const wardsOfParish = (code: string | null) => (code ? (parishByCode.get(code)?.wardCodes ?? []) : []);
  const names = (codes: readonly string[], lookup: ReadonlyMap<string, string>) =>
    codes.map((code) => lookup.get(code) ?? code).join(' ');
  const parishName = new Map(data.parishes.map((parish) => [parish.code, parish.name]));

  /** Every ward each partner works in by name: its wards and the wards of its parishes. */
  const partnerWards = new Map(
    data.partners.map((partner) => [
      partner.id,
      new Set([
        ...partner.coverage.wards,
        ...partner.coverage.parishes.flatMap((code) => wardsOfParish(code)),
      ]),
    ]),
  );

  const docs: Doc[] = [
    ...data.partners.map((partner) => ({
      id: `partner:${partner.id}`,
      type: 'partner' as const,
      name: partner.name,
      what: [kindLabels.get(partner.kind) ?? partner.kind, ...partner.capabilities.map(capabilityLabel)].join(
        ' ',
      ),
      places: [
        names(partner.coverage.wards, wardName),
        names(partner.coverage.parishes, parishName),
        partner.coverage.boroughWide ? 'borough-wide' : '',
        partner.base.address,
      ].join(' '),
      postcode: `${compactPostcodes(partner.base.postcode ?? '')} ${(partner.base.postcode ?? '').split(' ')[0]}`,
      people: '',
    })),
    ...data.contacts.map((contact) => ({
      id: `contact:${contact.id}`,
      type: 'contact' as const,
      name: contact.name,
      what: contact.role,
      places: [
        contact.parishCode ? (parishName.get(contact.parishCode) ?? contact.parishCode) : '',
        names(wardsOfParish(contact.parishCode), wardName),
      ].join(' '),
      postcode: '',
      people: contact.organisation ?? '',
    })),
    ...data.parishes.map((parish) => ({
      id: `parish:${parish.code}`,
      type: 'parish' as const,
      name: `${parish.name} parish`,
      what: parish.code,
      places: names(parish.wardCodes, wardName),
      postcode: '',
      people: '',
    })),
  ];

  const index = new MiniSearch<Doc>({
    fields: ['name', 'what', 'places', 'postcode', 'people'],
    storeFields: ['type'],
    searchOptions: {
      boost: { name: 3, what: 2 },
      // Prefixes from three letters, as people type; about one typo in five letters, at most two.
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  index.addAll(docs);

  const partnerById = new Map(data.partners.map((partner) => [partner.id, partner]));
  const contactById = new Map(data.contacts.map((contact) => [contact.id, contact]));
  const byName = <T extends { name: string }>(records: readonly T[]) =>
    [...records].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  return {
    search(query, filters, today, staleDays) {
      const partnerOnly = filters.capability !== null || filters.kind !== null || filters.strategicOnly;
      const wants = (type: DirectoryType) =>
        (filters.type === null || filters.type === type) && (type === 'partner' || !partnerOnly);

      const keepPartner = (partner: Partner) =>
        (filters.capability === null || partner.capabilities.includes(filters.capability)) &&
        (filters.kind === null || partner.kind === filters.kind) &&
        (filters.wardCode === null || (partnerWards.get(partner.id)?.has(filters.wardCode) ?? false)) &&
        (!filters.strategicOnly || isStrategic(partner)) &&
        (!filters.staleOnly || isStale(partner.lastVerified, today, staleDays));
      const keepContact = (contact: Contact) =>
        (filters.includeRetired || !contact.retired) &&
        (filters.wardCode === null || wardsOfParish(contact.parishCode).includes(filters.wardCode)) &&
        (!filters.staleOnly || isStale(contact.lastVerified, today, staleDays));
      // Parishes carry no verified date, so "stale only" leaves them out.
      const keepParish = (parish: Parish) =>
        (filters.includeRetired || !parish.retired) &&
        (filters.wardCode === null || parish.wardCodes.includes(filters.wardCode)) &&
        !filters.staleOnly;

      const results: DirectoryResults = { partners: [], contacts: [], parishes: [] };
      const trimmed = query.trim();
      if (trimmed === '') {
        if (wants('partner')) results.partners = byName(data.partners.filter(keepPartner));
        if (wants('contact')) results.contacts = byName(data.contacts.filter(keepContact));
        if (wants('parish')) results.parishes = byName(data.parishes.filter(keepParish));
        return results;
      }
      for (const hit of index.search(compactPostcodes(trimmed))) {
        const id = String(hit.id);
        const key = id.slice(id.indexOf(':') + 1);
        if (id.startsWith('partner:')) {
          const partner = partnerById.get(key);
          if (partner && wants('partner') && keepPartner(partner)) results.partners.push(partner);
        } else if (id.startsWith('contact:')) {
          const contact = contactById.get(key);
          if (contact && wants('contact') && keepContact(contact)) results.contacts.push(contact);
        } else {
          const parish = parishByCode.get(key);
          if (parish && wants('parish') && keepParish(parish)) results.parishes.push(parish);
        }
      }
      return results;
    },
  };
}
