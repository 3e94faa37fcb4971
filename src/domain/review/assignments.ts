// Who checks which section of a round, and "my sections": the sections assigned to the signed-in
// person. An assignment handed back (no assignee) counts as unassigned.
import type { ReviewAssignment } from './reviewRound.ts';
import type { ReviewSection } from './sections.ts';

/** The round's current assignment of each section, by section code. */
export function assignmentsOf(
  assignments: readonly ReviewAssignment[],
  roundId: string,
): Map<string, ReviewAssignment> {
  return new Map(
    assignments
      .filter((assignment) => assignment.roundId === roundId && assignment.assigneeId !== null)
      .map((assignment) => [assignment.section, assignment]),
  );
}

/** The sections of the round assigned to this person, in the round's order. */
export function mySections(
  sections: readonly ReviewSection[],
  assigned: ReadonlyMap<string, ReviewAssignment>,
  personId: string,
): ReviewSection[] {
  return sections.filter((section) => assigned.get(section.code)?.assigneeId === personId);
}
