// A request's timeline: notes and status changes, append-only (who, when, what). Entries are only
// ever added, never edited, so two people writing at once both keep their words: no conflicts.
import { z } from 'zod';
import { linesText } from './text.ts';
import { idSchema, isoDateTimeSchema } from './common.ts';
import { requestStatusSchema } from './request.ts';

// Every line says something (the app writes "Logged the request", "Assigned to …", the note itself),
// and a status line names the status it moved to, which the dashboard's history reads; a note or an
// assignment names none. A pushed note of spaces, or a "status" line with no status, was stored as sent.
export const timelineEntrySchema = z
  .object({
    id: idSchema,
    requestId: idSchema,
    at: isoDateTimeSchema,
    by: idSchema,
    byName: z.string().max(200),
    kind: z.enum(['created', 'note', 'status', 'assigned']),
    text: linesText().min(1, 'write the note').max(2000, 'a note is at most 2,000 characters'),
    status: requestStatusSchema.nullable(),
  })
  .refine((entry) => entry.kind !== 'status' || entry.status !== null, {
    message: 'a status line names the status',
    path: ['status'],
  })
  .refine((entry) => (entry.kind !== 'note' && entry.kind !== 'assigned') || entry.status === null, {
    message: 'a note or an assignment changes no status',
    path: ['status'],
  });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
