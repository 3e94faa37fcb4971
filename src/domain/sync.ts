// The messages of sync. The server keeps one change-log row per record; a pull returns the current
// state of each record changed after the cursor (or a tombstone when it was deleted or is no longer
// visible to this user). The cursor is opaque to the client.
import { z } from 'zod';
import { wardSchema, parishSchema } from './area.ts';
import { partnerSchema } from './partner.ts';
import { contactSchema } from './contact.ts';
import { incidentSchema, requestSchema } from './request.ts';
import { timelineEntrySchema } from './timeline.ts';
import { conflictSchema } from './conflict.ts';

export const ENTITIES = [
  'ward',
  'parish',
  'partner',
  'contact',
  'incident',
  'request',
  'timeline',
  'conflict',
] as const;
export const entitySchema = z.enum(ENTITIES);
export type Entity = z.infer<typeof entitySchema>;

export const PULL_PAGE_MAX = 2000;

/** A cursor is a transaction id (xid8, unsigned 64-bit) and a sequence number (bigint). */
function withinCursorRange(cursor: string): boolean {
  const [xid = '', seq = ''] = cursor.split('.');
  if (!/^\d+$/.test(xid) || !/^\d+$/.test(seq)) return false;
  return BigInt(xid) <= 2n ** 64n - 1n && BigInt(seq) <= 2n ** 63n - 1n;
}

export const pullQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,20}\.\d{1,19}$/, 'since must be a cursor returned by an earlier pull')
    .refine(withinCursorRange, 'since must be a cursor returned by an earlier pull')
    .optional(),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(500),
});

/** Each field's clock stamp as the server holds it: the base of the next edit on the device. */
const clocks = z.record(z.string(), z.string());

const live = <E extends Entity, S extends z.ZodType>(entity: E, record: S) =>
  z.object({ entity: z.literal(entity), id: z.string(), deleted: z.literal(false), record, clocks });

// Nested discriminated unions: zod picks the one schema to check by `deleted`, then by `entity`,
// instead of trying all eight in turn (a first pull checks tens of thousands of these).
export const changeSchema = z.discriminatedUnion('deleted', [
  z.object({ entity: entitySchema, id: z.string(), deleted: z.literal(true) }),
  z.discriminatedUnion('entity', [
    live('ward', wardSchema),
    live('parish', parishSchema),
    live('partner', partnerSchema),
    live('contact', contactSchema),
    live('incident', incidentSchema),
    live('request', requestSchema),
    live('timeline', timelineEntrySchema),
    live('conflict', conflictSchema),
  ]),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Records the user may see in all, so the app can show progress on a first pull. */
  total: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
