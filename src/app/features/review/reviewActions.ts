// What the review screens change, each saved on this device with its outbox entry (so it works offline
// and reaches the server at the next sync): starting a round, assigning a section, and checking a
// record. A check is its own record (who, when, outcome) and also moves the record's "last verified"
// date to today, which is what the stale list reads.
import {
  localDatabase,
  readMeta,
  type LocalDatabase,
  type StoredSession,
} from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { assignmentId, type ReviewOutcome, type ReviewRound } from '../../../domain/review/reviewRound.ts';
import type { User } from '../../../domain/accounts/user.ts';

export async function startRound(
  user: User,
  { name, dueDate }: { name: string; dueDate: string },
  db: LocalDatabase = localDatabase,
): Promise<ReviewRound> {
  const now = new Date().toISOString();
  const round: ReviewRound = {
    id: crypto.randomUUID(),
    name: name.trim(),
    dueDate,
    startedAt: now,
    startedBy: user.id,
    startedByName: user.displayName,
    closed: false,
    updatedAt: now,
  };
  await saveRecord(db, 'reviewRound', round);
  return round;
}

export async function assignSection(
  roundId: string,
  section: string,
  person: { id: string; displayName: string } | null,
  db: LocalDatabase = localDatabase,
): Promise<void> {
  await saveRecord(db, 'reviewAssignment', {
    id: assignmentId(roundId, section),
    roundId,
    section,
    assigneeId: person?.id ?? null,
    assigneeName: person?.displayName ?? '',
    updatedAt: new Date().toISOString(),
  });
}

/**
 * Records that `user` checked a partner or contact in the round, and marks it verified today. Both in
 * one transaction: the check and the new date are kept together or not at all.
 */
export async function recordCheck(
  user: User,
  roundId: string,
  target: { entity: 'partner' | 'contact'; id: string },
  outcome: ReviewOutcome,
  db: LocalDatabase = localDatabase,
): Promise<void> {
  const now = new Date();
  const today = ukToday(now);
  const { table } = db.tableOf(target.entity);
  const checks = db.tableOf('reviewCheck').table;
  await db.transaction('rw', [checks, table, db.outbox, db.meta], async () => {
    await saveRecord(db, 'reviewCheck', {
      id: crypto.randomUUID(),
      roundId,
      entity: target.entity,
      recordId: target.id,
      outcome,
      checkedAt: now.toISOString(),
      by: user.id,
      byName: user.displayName,
    });
    const record = (await table.get(target.id)) as { lastVerified?: string } | undefined;
    if (record && record.lastVerified !== today)
      await saveRecord(db, target.entity, {
        id: target.id,
        lastVerified: today,
        updatedAt: now.toISOString(),
      });
  });
}

/** The address of a record's edit form opened from a round: saving it counts as checked. */
export const reviewEditPath = (roundId: string, target: { entity: 'partner' | 'contact'; id: string }) =>
  `/${target.entity === 'partner' ? 'partners' : 'contacts'}/${encodeURIComponent(target.id)}/edit?review=${encodeURIComponent(roundId)}`;

/** The round an edit form was opened from, if any. */
export const reviewRoundOfPage = (): string | null => new URLSearchParams(location.search).get('review');

/** Where Cancel on an edit form opened from a round goes: back to the round. */
export const reviewReturnPath = (): string | null => {
  const roundId = reviewRoundOfPage();
  return roundId ? `/review/${encodeURIComponent(roundId)}` : null;
};

/**
 * After an edit form opened from a round is saved: the record counts as checked ("edited", or "still
 * correct" when nothing changed). Returns the round's address to go back to, or null when the form was
 * not opened from a round.
 */
export async function checkFromEditForm(
  entity: 'partner' | 'contact',
  id: string,
  changed: boolean,
): Promise<string | null> {
  const roundId = reviewRoundOfPage();
  if (!roundId) return null;
  const user = (await readMeta<StoredSession>(localDatabase, 'session'))?.user;
  if (!user) return null;
  await recordCheck(user, roundId, { entity, id }, changed ? 'edited' : 'still_correct');
  return reviewReturnPath();
}

/** Closes a round (kept for its record, no longer offered for checking) or reopens it. */
export async function setRoundClosed(
  roundId: string,
  closed: boolean,
  db: LocalDatabase = localDatabase,
): Promise<void> {
  await saveRecord(db, 'reviewRound', { id: roundId, closed, updatedAt: new Date().toISOString() });
}
