// What a new area (wards and parishes) means for the directory: partners' coverage of places that are
// gone is removed, and a partner left covering nothing is paused until someone names where it works
// (a partner offered for a ward that no longer exists would send a duty officer to the wrong people);
// contacts of a parish that is gone keep saying where they were from. Pure: the boundary importer
// reads the records, calls this, and writes the changes through the same path as a push.
import type { Partner } from '../entities/partner.ts';
import type { Contact } from '../entities/contact.ts';

export interface PartnerFixUp {
  id: string;
  name: string;
  /** Names of the wards and parishes taken out of its coverage. */
  removedWards: string[];
  removedParishes: string[];
  /** Its coverage names nowhere now, so it is no longer offered for any place. */
  coversNothing: boolean;
  status: Partner['status'];
}

export interface ContactFixUp {
  id: string;
  name: string;
  formerParish: string;
  organisation: string | null;
}

export interface DirectoryChange<T> {
  id: string;
  /** Only the fields that change. */
  changes: Partial<T>;
}

export interface NewArea {
  wardCodes: ReadonlySet<string>;
  parishCodes: ReadonlySet<string>;
  /** Names of places as the directory knew them, for the report. */
  wardName(code: string): string;
  parishName(code: string): string;
  now: string;
}

export function mendPartners(
  partners: readonly Partner[],
  area: NewArea,
): { changes: DirectoryChange<Partner>[]; report: PartnerFixUp[] } {
  const changes: DirectoryChange<Partner>[] = [];
  const report: PartnerFixUp[] = [];
  for (const partner of partners) {
    const { coverage } = partner;
    const goneWards = coverage.wards.filter((code) => !area.wardCodes.has(code));
    const goneParishes = coverage.parishes.filter((code) => !area.parishCodes.has(code));
    if (goneWards.length + goneParishes.length === 0) continue;
    const wards = coverage.wards.filter((code) => area.wardCodes.has(code));
    const parishes = coverage.parishes.filter((code) => area.parishCodes.has(code));
    const coversNothing = !coverage.boroughWide && wards.length + parishes.length === 0;
    // Paused, not closed: someone must name where it works now; a closed partner stays closed.
    const status = coversNothing && partner.status === 'active' ? 'paused' : partner.status;
    changes.push({
      id: partner.id,
      changes: {
        coverage: { ...coverage, wards, parishes },
        ...(status !== partner.status ? { status } : {}),
        updatedAt: area.now,
      },
    });
    report.push({
      id: partner.id,
      name: partner.name,
      removedWards: goneWards.map(area.wardName),
      removedParishes: goneParishes.map(area.parishName),
      coversNothing,
      status,
    });
  }
  return { changes, report };
}

export function mendContacts(
  contacts: readonly Contact[],
  area: NewArea,
): { changes: DirectoryChange<Contact>[]; report: ContactFixUp[] } {
  const changes: DirectoryChange<Contact>[] = [];
  const report: ContactFixUp[] = [];
  for (const contact of contacts) {
    if (contact.parishCode === null || area.parishCodes.has(contact.parishCode)) continue;
    const formerParish = area.parishName(contact.parishCode);
    // A contact must name an organisation or a parish; keep saying where they were from.
    const organisation = contact.organisation ?? `Former parish: ${formerParish}`;
    changes.push({ id: contact.id, changes: { parishCode: null, organisation, updatedAt: area.now } });
    report.push({ id: contact.id, name: contact.name, formerParish, organisation });
  }
  return { changes, report };
}
