// The messages of sync. The server keeps one change-log row per record; a pull returns the current
// state of each record changed after the cursor (or a tombstone when it was deleted or is no longer
// visible to this user). The cursor is opaque to the client. The entities and their schemas come from
// the registry (entities/registry.ts).
import { z } from 'zod';
import { wholeNumberParam } from '../api/paging.ts';
import { ENTITIES, entityRegistry, type Entity, type RecordOf } from '../entities/registry.ts';
import { withStampsAsPulled } from './pulledStamps.ts';

export { ENTITIES, type Entity } from '../entities/registry.ts';

export const entitySchema = z.enum(ENTITIES as [Entity, ...Entity[]]);

export const PULL_PAGE_MAX = 2000;

/** A pull page's cursor and whether more follows, also sent as headers (read before the body). */
export const PULL_CURSOR_HEADER = 'Pull-Cursor';
export const PULL_HAS_MORE_HEADER = 'Pull-Has-More';

/** The largest value of a PostgreSQL bigint: a cursor part beyond it names no change. */
const BIGINT_MAX = 9223372036854775807n;
const CURSOR = /^\d{1,20}\.\d{1,20}$/;
const cursorSchema = z
  .string()
  .refine(
    (cursor) => CURSOR.test(cursor) && cursor.split('.').every((part) => BigInt(part) <= BIGINT_MAX),
    'since must be a cursor returned by an earlier pull',
  );

export const pullQuerySchema = z.strictObject({
  since: cursorSchema.optional(),
  limit: wholeNumberParam(1, PULL_PAGE_MAX).default(500),
});

/**
 * Each field's clock stamp as the server holds it: the base of the next edit on the device. As sent,
 * "*" stands for every field of the record not named on its own (pulledStamps.ts reads them back).
 */
const clocks = z
  .record(z.string(), z.string())
  .describe('Each field’s clock stamp; "*" stands for every field of the record not named on its own.');

const tombstoneSchema = z.object({ entity: entitySchema, id: z.string(), deleted: z.literal(true) });
const liveSchema = <E extends Entity>(entity: E) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    deleted: z.literal(false),
    record: entityRegistry[entity].schema,
    clocks,
  });

// Nested discriminated unions: zod picks the one schema to check by `deleted`, then by `entity`,
// instead of trying every entity in turn (a first pull checks tens of thousands of these).
const anyChangeSchema = z.discriminatedUnion('deleted', [
  tombstoneSchema,
  z.discriminatedUnion(
    'entity',
    ENTITIES.map(liveSchema) as unknown as [
      ReturnType<typeof liveSchema>,
      ...ReturnType<typeof liveSchema>[],
    ],
  ),
]);

/** A record as pulled: live with its fields' clocks, or a tombstone. */
export type LiveChange = {
  [E in Entity]: {
    entity: E;
    id: string;
    deleted: false;
    record: RecordOf<E>;
    clocks: Record<string, string>;
  };
}[Entity];
export type Change = z.infer<typeof tombstoneSchema> | LiveChange;

// The union above checks exactly this; its inferred type is only wider (any entity with any record).
export const changeSchema = anyChangeSchema as unknown as z.ZodType<Change>;

/**
 * A pull page as the server sends it: each change's clock stamps as sent, "*" standing for those its
 * record's fields share (pulledStamps.ts). The app reads pages so and stores the stamps so (one by one
 * they were more than half of a phone-logged request's row); it reads them back only to edit (clocksOf).
 */
export const pullPageSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.string(),
  /**
   * More follows now: ask again from the cursor. False may still leave a staff phone up to about a
   * second behind while many pull (the server's shared segments): its next pull goes on from there.
   */
  hasMore: z.boolean(),
  /**
   * Records the user may see in all, so the app can show progress on a first pull (on a first page
   * only; 0 after). Counted while the log is small, estimated on a very large one: not a promise.
   */
  total: z.number().int().nonnegative(),
  /**
   * Changes are committed but held back behind a transaction still open on the database: the server
   * hands them out once it ends (a long-open transaction shows here instead of silently).
   */
  heldBack: z.boolean().optional(),
});

/** A pull page with each change's stamps read back, one per field, before it is checked. */
export const pullResponseSchema = pullPageSchema.extend({
  changes: z.preprocess(
    (changes) => (Array.isArray(changes) ? changes.map(withStampsAsPulled) : changes),
    z.array(changeSchema),
  ),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Age of the oldest open writing transaction on the database cluster (null: not known or PGlite). */
  oldestTransactionSeconds: z.number().nonnegative().nullable(),
  /** Committed changes are waiting behind an open transaction: pulls do not hand them out yet. */
  pullsHeldBack: z.boolean(),
});
