// A conflict: two people changed the same field while apart. The later change (by hybrid logical
// clock) is kept in the record; the other value is kept here, shown to people, and settled by one of
// them — either accepting the kept value or putting the other one back.
import { z } from 'zod';
import { isoDateTimeSchema } from './common.ts';

export const conflictSchema = z.object({
  id: z.string().max(200),
  entity: z.string(),
  recordId: z.string(),
  /** What the record is called, so the list of conflicts reads well. */
  recordLabel: z.string(),
  field: z.string(),
  keptValue: z.unknown(),
  keptBy: z.string(),
  keptAt: z.string(),
  otherValue: z.unknown(),
  otherBy: z.string(),
  otherAt: z.string(),
  status: z.enum(['open', 'settled']),
  settledBy: z.string().nullable(),
  settledAt: isoDateTimeSchema.nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;
