// The messages of sync. The server keeps one change-log row per record; a pull returns the current
// state of each record changed after the cursor (or a tombstone when it was deleted or is no longer
// visible to this user). The cursor is opaque to the client.
import { z } from 'zod';
import { wardSchema, parishSchema } from './area.ts';
import { partnerSchema } from './partner.ts';
import { contactSchema } from './contact.ts';

export const ENTITIES = ['ward', 'parish', 'partner', 'contact'] as const;
export const entitySchema = z.enum(ENTITIES);
export type Entity = z.infer<typeof entitySchema>;

export const PULL_PAGE_MAX = 2000;

export const pullQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d+\.\d+$/, 'since must be a cursor returned by an earlier pull')
    .optional(),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(500),
});

const tombstone = <E extends Entity>(entity: E) =>
  z.object({ entity: z.literal(entity), id: z.string(), deleted: z.literal(true) });

export const changeSchema = z.union([
  z.object({ entity: z.literal('ward'), id: z.string(), deleted: z.literal(false), record: wardSchema }),
  z.object({ entity: z.literal('parish'), id: z.string(), deleted: z.literal(false), record: parishSchema }),
  z.object({
    entity: z.literal('partner'),
    id: z.string(),
    deleted: z.literal(false),
    record: partnerSchema,
  }),
  z.object({
    entity: z.literal('contact'),
    id: z.string(),
    deleted: z.literal(false),
    record: contactSchema,
  }),
  tombstone('ward'),
  tombstone('parish'),
  tombstone('partner'),
  tombstone('contact'),
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
