// The review screens' records, read live from this device's database (so they work offline): rounds,
// assignments and checks, and the directory and area the sections are made from.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { ReviewAssignment, ReviewCheck, ReviewRound } from '../../../domain/review/reviewRound.ts';

const rounds = () => localDatabase.table<ReviewRound, string>('reviewRounds');
const assignments = () => localDatabase.table<ReviewAssignment, string>('reviewAssignments');
const checks = () => localDatabase.table<ReviewCheck, string>('reviewChecks');

/** Every round, newest first; undefined while loading. */
export function useReviewRounds(): ReviewRound[] | undefined {
  return useLiveQuery(async () =>
    (await rounds().toArray()).sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
  );
}

export interface RoundData {
  round: ReviewRound | null;
  assignments: ReviewAssignment[];
  checks: ReviewCheck[];
}

export function useRoundData(roundId: string): RoundData | undefined {
  return useLiveQuery(
    async () => ({
      round: (await rounds().get(roundId)) ?? null,
      assignments: await assignments().where('roundId').equals(roundId).toArray(),
      checks: await checks().where('roundId').equals(roundId).toArray(),
    }),
    [roundId],
  );
}

/** Every check of every round: the rounds list's progress figures. */
export function useAllChecks(): ReviewCheck[] | undefined {
  return useLiveQuery(() => checks().toArray());
}

export function useDirectory() {
  return useLiveQuery(async () => ({
    wards: await localDatabase.wards.toArray(),
    parishes: await localDatabase.parishes.toArray(),
    partners: await localDatabase.partners.toArray(),
    contacts: await localDatabase.contacts.toArray(),
  }));
}

/** Review checks made on this device and not yet sent. */
export function useChecksWaiting(): number | undefined {
  return useLiveQuery(() => localDatabase.outbox.filter((entry) => entry.entity === 'reviewCheck').count());
}
