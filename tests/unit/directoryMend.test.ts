// What a new area does to the directory, by property: over random directories and random new areas,
// every mended partner and contact names only places that still exist and still passes its schema; a
// partner left covering nothing (and not borough-wide) is no longer active; records that named no
// removed place are left alone; the report names exactly the records changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mendContacts, mendPartners, type NewArea } from '../../src/domain/directory/directoryMend.ts';
import { partnerSchema, type Partner } from '../../src/domain/entities/partner.ts';
import { contactSchema, type Contact } from '../../src/domain/entities/contact.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';

const WARDS = ['W1', 'W2', 'W3', 'W4', 'W5'];
const PARISHES = ['P1', 'P2', 'P3'];
const NOW = '2026-11-29T12:00:00.000Z';

const someOf = (codes: string[]) => fc.subarray(codes);

const partnerArb = fc
  .record({
    wards: someOf(WARDS),
    parishes: someOf(PARISHES),
    boroughWide: fc.boolean(),
    status: fc.constantFrom('active', 'paused', 'closed' as const),
  })
  .map(({ wards, parishes, boroughWide, status }) =>
    aPartner({
      coverage: { boroughWide: boroughWide || wards.length + parishes.length === 0, wards, parishes },
      status: status as Partner['status'],
    }),
  );
const contactArb = fc
  .record({
    parish: fc.option(fc.constantFrom(...PARISHES)),
    organisation: fc.option(fc.constant('Parish Council')),
  })
  .map(({ parish, organisation }) =>
    aContact({ parishCode: parish, organisation: parish === null ? 'Council' : organisation }),
  );
const areaArb = fc
  .record({ wards: someOf(WARDS), parishes: someOf(PARISHES) })
  .map(({ wards, parishes }): NewArea => ({
    wardCodes: new Set(wards),
    parishCodes: new Set(parishes),
    wardName: (code) => `Ward ${code}`,
    parishName: (code) => `Parish ${code}`,
    now: NOW,
  }));

describe('mending the directory for a new area', () => {
  it('partners name only places that exist, stay valid, and stop being offered when they cover nothing', () => {
    fc.assert(
      fc.property(fc.array(partnerArb, { maxLength: 12 }), areaArb, (partners, area) => {
        const { changes, report } = mendPartners(partners, area);
        expect(report.map((entry) => entry.id)).toEqual(changes.map((change) => change.id));
        for (const partner of partners) {
          const change = changes.find((entry) => entry.id === partner.id);
          const mended = { ...partner, ...change?.changes };
          const named = [...partner.coverage.wards, ...partner.coverage.parishes];
          const gone = named.some((code) => !area.wardCodes.has(code) && !area.parishCodes.has(code));
          expect(change !== undefined, 'changed exactly when it named a place now gone').toBe(gone);
          expect(mended.coverage.wards.every((code) => area.wardCodes.has(code))).toBe(true);
          expect(mended.coverage.parishes.every((code) => area.parishCodes.has(code))).toBe(true);
          expect(partnerSchema.safeParse(mended).success).toBe(true);
          const coversNothing =
            !mended.coverage.boroughWide &&
            mended.coverage.wards.length + mended.coverage.parishes.length === 0;
          if (coversNothing) expect(mended.status).not.toBe('active');
          if (partner.status === 'closed') expect(mended.status).toBe('closed');
        }
      }),
    );
  });

  it('contacts of a parish that is gone keep saying where they were from, and stay valid', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 12 }), areaArb, (contacts: Contact[], area) => {
        const { changes, report } = mendContacts(contacts, area);
        expect(report.map((entry) => entry.id)).toEqual(changes.map((change) => change.id));
        for (const contact of contacts) {
          const change = changes.find((entry) => entry.id === contact.id);
          const mended = { ...contact, ...change?.changes };
          const gone = contact.parishCode !== null && !area.parishCodes.has(contact.parishCode);
          expect(change !== undefined).toBe(gone);
          if (gone)
            expect(mended.organisation).toBe(
              contact.organisation ?? `Former parish: Parish ${contact.parishCode}`,
            );
          expect(mended.parishCode === null || area.parishCodes.has(mended.parishCode)).toBe(true);
          expect(contactSchema.safeParse(mended).success).toBe(true);
        }
      }),
    );
  });
});
