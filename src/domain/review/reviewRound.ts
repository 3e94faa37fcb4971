// The quarterly review of the directory (issue 14), as three synced records: a round (started by an
// admin with a name and a due date), the assignment of one of its sections to a person, and a check —
// one person confirming one partner or contact, kept for good (append-only), so the round's record of
// who verified what and when is the checks themselves.
import { z } from 'zod';
import { lineText } from '../entities/text.ts';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '../entities/common.ts';

export const reviewRoundSchema = z.object({
  id: idSchema,
  name: lineText().min(1, 'name the round').max(120, 'the name is at most 120 characters'),
  dueDate: isoDateSchema,
  startedAt: isoDateTimeSchema,
  /** Who started it: set by the server from the signed-in user. */
  startedBy: z.string().max(200),
  startedByName: z.string().max(200),
  /** A closed round is kept for its record but no longer offered for checking. */
  closed: z.boolean(),
  updatedAt: isoDateTimeSchema,
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;

/**
 * A round's section: one ward (its parish contacts, and the partners working only there), the
 * borough-wide partners, the partners working in several wards, or the contacts with no parish.
 */
export const sectionCodeSchema = z
  .string()
  .regex(
    /^(borough|several|other|ward:[A-Za-z0-9_-]{1,20})$/,
    'must be borough, several, other or ward:<code>',
  );
export type SectionCode = z.infer<typeof sectionCodeSchema>;

/** The id of a section's assignment: one per round and section, so two admins assigning it meet. */
export const assignmentId = (roundId: string, section: SectionCode) => `${roundId}/${section}`;

export const reviewAssignmentSchema = z
  .object({
    id: z.string().min(1).max(100),
    roundId: idSchema,
    section: sectionCodeSchema,
    /** The person checking it; null when the section is handed back. */
    assigneeId: idSchema.nullable(),
    assigneeName: lineText().max(100),
    updatedAt: isoDateTimeSchema,
  })
  .refine((assignment) => assignment.id === assignmentId(assignment.roundId, assignment.section), {
    message: 'must be the round id and the section, as roundId/section',
    path: ['id'],
  });
export type ReviewAssignment = z.infer<typeof reviewAssignmentSchema>;

export const REVIEW_OUTCOMES = ['still_correct', 'edited'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const reviewCheckSchema = z.object({
  id: idSchema,
  roundId: idSchema,
  entity: z.enum(['partner', 'contact']),
  recordId: idSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
  /** When it was checked on the device (which may have been offline), not when it reached the server. */
  checkedAt: isoDateTimeSchema,
  /** Who checked it: set by the server from the signed-in user. */
  by: z.string().max(200),
  byName: z.string().max(200),
});
export type ReviewCheck = z.infer<typeof reviewCheckSchema>;
