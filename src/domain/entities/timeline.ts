// A request's timeline: notes and status changes, append-only (who, when, what). Entries are only
// ever added, never edited, so two people writing at once both keep their words: no conflicts.
import { z } from 'zod';
import { linesText } from './text.ts';
import { idSchema, isoDateTimeSchema } from './common.ts';
import { requestStatusSchema } from './request.ts';

export const timelineEntrySchema = z.object({
  id: idSchema,
  requestId: idSchema,
  at: isoDateTimeSchema,
  by: idSchema,
  byName: z.string().max(200),
  kind: z.enum(['created', 'note', 'status', 'assigned']),
  text: linesText().max(2000, 'a note is at most 2,000 characters'),
  status: requestStatusSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
