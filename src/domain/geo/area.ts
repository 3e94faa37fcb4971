// Wards and parishes: the geography every partner's coverage and every request's place is named in.
// A ward is parished when at least one parish lies in it; an unparished ward has no parish council,
// which the map and the gap report must show. A retired parish (merged or wound up) stays on record, so
// old requests still name it, but is not offered for new ones; parishes stored before `retired`
// existed read as not retired.
import { z } from 'zod';
import { lineText } from '../entities/text.ts';
import { boundarySchema, positionSchema } from './geometry.ts';
import { isoDateSchema, onceEach, webLinkSchema } from '../entities/common.ts';
import { wardDeprivationSchema } from './deprivation.ts';

export const areaCodeSchema = z
  .string()
  .trim()
  .min(1, 'code is required')
  .max(20, 'code is at most 20 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'code may hold letters, digits, - and _ only');

/** More wards or parishes than any council has: a list past it is a broken or hostile client, and a
 *  synced record goes to every device that sees it. */
export const MAX_AREA_CODES = 2000;

/** A list of ward or parish codes in a record (a partner's coverage, an incident's wards…). */
/** Each ward or parish once (an incident's wards, a partner's coverage), as capabilityListSchema. */
export const areaCodeListSchema = z
  .array(areaCodeSchema)
  .max(MAX_AREA_CODES, `lists at most ${MAX_AREA_CODES} wards or parishes`)
  .overwrite(onceEach);

export const wardSchema = z.object({
  code: areaCodeSchema,
  name: lineText().min(1, 'name is required').max(120),
  boundary: boundarySchema,
  /** A point inside the ward for labels and distances. */
  centre: positionSchema,
  parished: z.boolean(),
  /** Wards sharing an edge with this one, computed from the boundaries when they are loaded. */
  neighbours: areaCodeListSchema,
  /** Its LSOAs' deprivation (Indices of Deprivation), when they were loaded with the area. */
  deprivation: wardDeprivationSchema.optional(),
});
export type Ward = z.infer<typeof wardSchema>;

export const parishSchema = z.object({
  code: areaCodeSchema,
  name: lineText().min(1, 'name is required').max(120),
  wardCodes: areaCodeListSchema.min(1, 'a parish lies in at least one ward'),
  boundary: boundarySchema.nullable(),
  communityEmergencyPlan: z.object({ has: z.boolean(), link: webLinkSchema.nullable() }),
  charterRole: z.object({ agreed: z.boolean(), date: isoDateSchema.nullable() }),
  retired: z.boolean().default(false),
});
export type Parish = z.infer<typeof parishSchema>;
