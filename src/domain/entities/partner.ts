// A partner: an organisation that can help in an emergency. A strategic partner is one that has agreed
// (with a date) to be named in the council's emergency plan.
import { z } from 'zod';
import { lineText, linesText } from './text.ts';
import { capabilityListSchema } from './capabilities.ts';
import { areaCodeListSchema } from '../geo/area.ts';
import {
  coordinatesTogether,
  emailSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  phoneSchema,
  postcodeSchema,
} from './common.ts';

export const PARTNER_KINDS = [
  { id: 'voluntary_group', label: 'Voluntary or community group' },
  { id: 'housing_provider', label: 'Housing provider' },
  { id: 'county_service', label: 'County council service' },
  { id: 'nhs_body', label: 'NHS body' },
  { id: 'gp_surgery', label: 'GP surgery' },
  { id: 'hospice', label: 'Hospice' },
  { id: 'faith_group', label: 'Faith group' },
  { id: 'business', label: 'Business' },
  { id: 'other', label: 'Other' },
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number]['id'];
export const partnerKindSchema = z.enum(
  PARTNER_KINDS.map((kind) => kind.id) as [PartnerKind, ...PartnerKind[]],
);

export const coverageSchema = z.object({
  boroughWide: z.boolean(),
  wards: areaCodeListSchema,
  parishes: areaCodeListSchema,
});
export type Coverage = z.infer<typeof coverageSchema>;

const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time as HH:MM');

export const openingHoursSchema = z.object({
  /** 0 = Monday … 6 = Sunday. */
  day: z.number().int().min(0).max(6),
  opens: timeOfDay,
  closes: timeOfDay,
});

export const availabilitySchema = z.object({
  always: z.boolean(),
  /** A few opening times a day at most: a week of them is far under the bound. */
  hours: z.array(openingHoursSchema).max(70, 'has at most 70 opening times'),
  outOfHoursPhone: phoneSchema.nullable(),
});

export const agreementSchema = z
  .object({ agreed: z.boolean(), date: isoDateSchema.nullable() })
  .refine((agreement) => !agreement.agreed || agreement.date !== null, {
    message: 'give the date it was agreed',
    path: ['date'],
  });

/**
 * What a partner agreed to, when, and who recorded it: the reports add partners to the emergency plan
 * "with their agreement". Records from before this existed read as null, and their uses follow the
 * older fields (see agreedUses).
 */
export const partnerAgreementSchema = z.object({
  /** When the partner last confirmed it. */
  date: isoDateSchema,
  recordedBy: lineText().min(1, 'say who recorded it').max(200),
  /** Listed in the council's emergency plan (a strategic partner). */
  emergencyPlan: z.boolean(),
  /** May be contacted out of hours. */
  outOfHours: z.boolean(),
  /** Shown in the public directory. */
  shownPublicly: z.boolean(),
});
export type PartnerAgreement = z.infer<typeof partnerAgreementSchema>;

export const partnerSchema = z
  .object({
    id: idSchema,
    name: lineText().min(1, 'name is required').max(200, 'name is at most 200 characters'),
    kind: partnerKindSchema,
    capabilities: capabilityListSchema.min(1, 'choose at least one capability'),
    coverage: coverageSchema,
    base: z
      .object({
        address: linesText().max(300),
        postcode: postcodeSchema.nullable(),
        lat: z.number().min(-90).max(90).nullable(),
        lon: z.number().min(-180).max(180).nullable(),
      })
      .superRefine(coordinatesTogether),
    phone: phoneSchema,
    email: emailSchema.nullable(),
    availability: availabilitySchema,
    capacityNotes: linesText().max(2000),
    emergencyPlan: agreementSchema,
    localCompact: agreementSchema,
    listedPublicly: z.boolean(),
    agreement: partnerAgreementSchema.nullable().optional(),
    lastVerified: isoDateSchema,
    status: z.enum(['active', 'paused', 'closed']),
    updatedAt: isoDateTimeSchema,
    /** The service's id in the Open Referral UK feed it was imported from: re-imports update, not copy. */
    orukId: z.string().trim().min(1).max(200).optional(),
  })
  // A paused or closed partner may cover nothing (e.g. after its wards were replaced); an active one
  // must say where it helps, or best placed could never offer it.
  .refine(
    (partner) =>
      partner.status !== 'active' ||
      partner.coverage.boroughWide ||
      partner.coverage.wards.length + partner.coverage.parishes.length > 0,
    {
      message: 'name at least one ward or parish, or mark the partner borough-wide',
      path: ['coverage', 'wards'],
    },
  );
export type Partner = z.infer<typeof partnerSchema>;

export interface AgreedUses {
  emergencyPlan: boolean;
  outOfHours: boolean;
  shownPublicly: boolean;
  /** When it was last confirmed; null when never. */
  confirmed: string | null;
}

/**
 * What the partner has agreed their details may be used for. Without a recorded agreement, the older
 * fields stand in: named in the emergency plan (and so contacted in an emergency, at any hour) and
 * listed publicly.
 */
export function agreedUses(
  partner: Pick<Partner, 'emergencyPlan' | 'listedPublicly'> & { agreement?: PartnerAgreement | null },
): AgreedUses {
  const agreement = partner.agreement;
  if (agreement) {
    return {
      emergencyPlan: agreement.emergencyPlan,
      outOfHours: agreement.outOfHours,
      shownPublicly: agreement.shownPublicly,
      confirmed: agreement.date,
    };
  }
  return {
    emergencyPlan: partner.emergencyPlan.agreed,
    outOfHours: partner.emergencyPlan.agreed,
    shownPublicly: partner.listedPublicly,
    confirmed: partner.emergencyPlan.date,
  };
}

/** The out-of-hours number, only when the partner agreed to be contacted out of hours. */
export function outOfHoursPhoneFor(
  partner: Pick<Partner, 'emergencyPlan' | 'listedPublicly' | 'availability'> & {
    agreement?: PartnerAgreement | null;
  },
): string | null {
  return agreedUses(partner).outOfHours ? partner.availability.outOfHoursPhone : null;
}

export function isStrategic(partner: Partner): boolean {
  return agreedUses(partner).emergencyPlan;
}
