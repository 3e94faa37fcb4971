// The public directory: partners that agreed to be shown publicly, with only the fields meant for
// residents and other organisations' tools — name, what they offer, where, their public phone and
// opening hours. Built field by field (never by copying and deleting), so a field added to the
// partner later stays private until someone adds it here on purpose.
import { z } from 'zod';
import { capabilitySchema } from '../entities/capabilities.ts';
import { areaCodeSchema } from '../geo/area.ts';
import { idSchema, isoDateSchema } from '../entities/common.ts';
import { nextOffsetSchema } from '../api/paging.ts';
import { agreedUses, openingHoursSchema, partnerKindSchema, type Partner } from '../entities/partner.ts';

export const publicPartnerSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    kind: partnerKindSchema,
    capabilities: z.array(capabilitySchema),
    coverage: z
      .object({ boroughWide: z.boolean(), wards: z.array(areaCodeSchema), parishes: z.array(areaCodeSchema) })
      .strict(),
    address: z.string(),
    postcode: z.string().nullable(),
    phone: z.string(),
    openingHours: z.object({ always: z.boolean(), hours: z.array(openingHoursSchema) }).strict(),
    lastVerified: isoDateSchema,
  })
  .strict();
export type PublicPartner = z.infer<typeof publicPartnerSchema>;

export const publicDirectorySchema = z.object({ partners: z.array(publicPartnerSchema) }).strict();

/** One page of GET /api/public/partners: `nextOffset` is where the next page starts, null on the last. */
export const publicDirectoryPageSchema = z
  .object({ partners: z.array(publicPartnerSchema), nextOffset: nextOffsetSchema })
  .strict();

/** Whether the partner may appear in the public directory at all. */
export function isShownPublicly(partner: Partner): boolean {
  return partner.status === 'active' && agreedUses(partner).shownPublicly;
}

export function toPublicPartner(partner: Partner): PublicPartner {
  return {
    id: partner.id,
    name: partner.name,
    kind: partner.kind,
    capabilities: [...partner.capabilities],
    coverage: {
      boroughWide: partner.coverage.boroughWide,
      wards: [...partner.coverage.wards],
      parishes: [...partner.coverage.parishes],
    },
    address: partner.base.address,
    postcode: partner.base.postcode,
    phone: partner.phone,
    openingHours: {
      always: partner.availability.always,
      hours: partner.availability.hours.map((slot) => ({
        day: slot.day,
        opens: slot.opens,
        closes: slot.closes,
      })),
    },
    lastVerified: partner.lastVerified,
  };
}

/** The public directory by name, as residents read it (the API pages it in the database's order). */
export function byName(partners: readonly PublicPartner[]): PublicPartner[] {
  return [...partners].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}
