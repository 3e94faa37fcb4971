// The Open Referral UK 3.0 shapes we read: a service with its organization, locations, contacts,
// schedules, service areas and taxonomy terms. Loose on purpose: ORUK allows extra properties, and HSDS
// feeds add some (phones above all), so anything we do not name passes through untouched. Types are
// checked (a number where text belongs refuses the record); formats (an email that is not one) are
// checked field by field when mapping, so one bad field is reported, not the whole record lost.
import { z } from 'zod';

const text = z.string().nullish();
/** Latitude and longitude are numbers in ORUK; some feeds send them as strings. */
const coordinate = z.union([z.number(), z.string()]).nullish();
const listOf = <T extends z.ZodType>(schema: T) => z.array(schema).nullish();

/** HSDS phones: removed by the UK profile, but extra properties are allowed and many feeds keep them. */
export const orukPhoneSchema = z.looseObject({ id: text, number: z.string(), description: text });
export type OrukPhone = z.infer<typeof orukPhoneSchema>;

export const orukTaxonomyTermSchema = z.looseObject({
  id: text,
  name: text,
  description: text,
  code: text,
  term: text,
  taxonomy: text,
  taxonomy_id: text,
  parent_id: text,
  term_uri: text,
});
export type OrukTaxonomyTerm = z.infer<typeof orukTaxonomyTermSchema>;

export const orukAttributeSchema = z.looseObject({
  id: text,
  taxonomy_term_id: text,
  link_type: text,
  taxonomy_term: orukTaxonomyTermSchema.nullish(),
});

export const orukScheduleSchema = z.looseObject({
  id: text,
  freq: text,
  interval: z.number().nullish(),
  byday: text,
  bymonthday: text,
  opens_at: text,
  closes_at: text,
  valid_from: text,
  valid_to: text,
  dtstart: text,
  until: text,
  description: text,
  notes: text,
});
export type OrukSchedule = z.infer<typeof orukScheduleSchema>;

export const orukAddressSchema = z.looseObject({
  id: text,
  address_1: text,
  address_2: text,
  city: text,
  region: text,
  state_province: text,
  postal_code: text,
  country: text,
  address_type: text,
});
export type OrukAddress = z.infer<typeof orukAddressSchema>;

export const orukLocationSchema = z.looseObject({
  id: text,
  location_type: text,
  name: text,
  description: text,
  latitude: coordinate,
  longitude: coordinate,
  addresses: listOf(orukAddressSchema),
  phones: listOf(orukPhoneSchema),
});
export type OrukLocation = z.infer<typeof orukLocationSchema>;

export const orukServiceAtLocationSchema = z.looseObject({
  id: text,
  location_id: text,
  location: orukLocationSchema.nullish(),
  phones: listOf(orukPhoneSchema),
});

export const orukOrganizationSchema = z.looseObject({
  id: text,
  name: text,
  description: text,
  email: text,
  website: text,
  phones: listOf(orukPhoneSchema),
});
export type OrukOrganization = z.infer<typeof orukOrganizationSchema>;

export const orukContactSchema = z.looseObject({
  id: text,
  name: text,
  title: text,
  email: text,
  phones: listOf(orukPhoneSchema),
});

export const orukServiceAreaSchema = z.looseObject({
  id: text,
  name: text,
  description: text,
  extent: text,
  extent_type: text,
  uri: text,
});
export type OrukServiceArea = z.infer<typeof orukServiceAreaSchema>;

export const orukServiceSchema = z.looseObject({
  id: z.string().trim().min(1, 'id is required'),
  name: z.string().trim().min(1, 'name is required'),
  status: z.string().nullish(),
  description: text,
  url: text,
  email: text,
  assured_date: text,
  last_modified: text,
  organization_id: text,
  organization: orukOrganizationSchema.nullish(),
  service_at_locations: listOf(orukServiceAtLocationSchema),
  schedules: listOf(orukScheduleSchema),
  contacts: listOf(orukContactSchema),
  attributes: listOf(orukAttributeSchema),
  service_areas: listOf(orukServiceAreaSchema),
  phones: listOf(orukPhoneSchema),
});
export type OrukService = z.infer<typeof orukServiceSchema>;

/** A page of a collection, as `GET /services` answers. */
export const orukPageSchema = z.looseObject({
  total_items: z.number().nullish(),
  total_pages: z.number().nullish(),
  page_number: z.number().nullish(),
  size: z.number().nullish(),
  contents: z.array(z.unknown()),
});
