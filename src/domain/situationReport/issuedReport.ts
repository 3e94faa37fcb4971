// An issued situation report, as a synced record: when a duty officer marks a report as issued, every
// staff device learns of it, so "changes since the last report" on another officer's phone compares
// with the last report issued by anyone, not only the last one issued from that phone. Append-only:
// an issued report is history.
import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../entities/common.ts';

export const issuedReportSchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  issuedAt: isoDateTimeSchema,
  /** Open requests when it was issued. */
  open: z.number().int().nonnegative(),
  /** "wardCode:need" for each gap when it was issued. */
  gaps: z.array(z.string().max(100)).max(5000),
  /** Who issued it: set by the server from the signed-in user. */
  by: z.string().max(200),
  byName: z.string().max(200),
});
export type IssuedReportRecord = z.infer<typeof issuedReportSchema>;
