// The messages of push: each change made on a device travels as one mutation with an id made on the
// device (so pushing it twice applies it once), the record and the fields it changed, the clock stamp
// of the change, and the clock stamps of those fields as the editor last saw them (to spot conflicts).
import { z } from 'zod';
import { idSchema } from '../entities/common.ts';
import { HLC_PATTERN } from './hlc.ts';
import { MUTABLE_ENTITIES, type MutableEntity } from '../entities/registry.ts';
import { findUnstorableText } from './storableText.ts';

export { MUTABLE_ENTITIES, type MutableEntity } from '../entities/registry.ts';

export const mutableEntitySchema = z.enum(MUTABLE_ENTITIES as [MutableEntity, ...MutableEntity[]], {
  error: `must be one of: ${MUTABLE_ENTITIES.join(', ')}`,
});

export const PUSH_BATCH_MAX = 500;

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'field names are letters and digits');

export const mutationSchema = z.strictObject({
  id: idSchema,
  entity: mutableEntitySchema,
  recordId: z.string().min(1).max(100),
  hlc: z.string().regex(HLC_PATTERN, 'must be a clock stamp'),
  changes: z
    .record(fieldName, z.unknown())
    .refine((changes) => Object.keys(changes).length > 0, 'a mutation changes at least one field')
    // Text the database cannot hold (NUL, lone surrogates) or absurd nesting is refused here, for this
    // mutation alone, rather than failing the whole batch when it is written.
    .superRefine((changes, context) => {
      const problem = findUnstorableText(changes);
      if (problem) context.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    }),
  // The stamps the editor last saw: any other text matched no stamp, so the change was taken for one
  // made without seeing the current value and a conflict was recorded for people to settle.
  base: z.record(fieldName, z.string().regex(HLC_PATTERN, 'must be a clock stamp')).default({}),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, - or _'),
  mutations: z
    .array(z.unknown())
    .min(1, 'send at least one mutation')
    .max(PUSH_BATCH_MAX, `at most ${PUSH_BATCH_MAX} mutations in one push`),
});

/**
 * Refusals a device can put right itself, then send the same change again: it keeps such a change
 * queued rather than dropping it. `clock_ahead`: its clock is more than a day ahead of the server's.
 */
export const PUSH_HOLD_CODES = ['clock_ahead'] as const;
export type PushHoldCode = (typeof PUSH_HOLD_CODES)[number];

export const pushResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  /** Set on a refusal the device can put right itself (PUSH_HOLD_CODES): keep the change queued. */
  code: z.enum(PUSH_HOLD_CODES).optional(),
  fields: z.record(z.string(), z.string()).optional(),
  /** For a rejected change: the record as the server holds it (null when it has none), to put back. */
  current: z.unknown().optional(),
  /** The field clocks of `current`. */
  currentClocks: z.record(z.string(), z.string()).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;
