// Changes a phone holds that were made by someone other than the person signing in (a parish's phone
// handed on, its last coordinator gone or disabled): who made them, in words, and the file they are
// saved to before they are set aside. The file is for people first (who made each change, when, to
// which record, what it changed) and complete enough for the changes to be sent to the server later:
// each carries its mutation as it was queued and its maker's id. Pure: it reads queued changes only.
import { z } from 'zod';
import { mutationSchema, type Mutation } from './mutation.ts';
import { describeRecords } from './outboxWords.ts';

/** Who made a change, as the device recorded it. */
export interface Maker {
  id: string;
  username: string;
  displayName: string;
}

/** The part of a queued change this needs. */
export interface MadeChange extends Mutation {
  seq?: number;
  queuedAt: string;
  madeBy: Maker;
}

/** One person's changes still waiting on this device. */
export interface WaitingFrom {
  madeBy: Maker;
  /** How many changes (a request logged is two: the request and its timeline line). */
  count: number;
  /** The records they are to, in words: "1 request and 1 contact". */
  records: string;
  /** When the oldest was made (ISO). */
  oldestAt: string;
}

/** "Dee Duty (duty)", or the name alone when the username is unknown. */
export const makerWords = (maker: Maker) =>
  maker.username ? `${maker.displayName} (${maker.username})` : maker.displayName;

/** Changes made by anyone but `userId`, by who made them, in the order their first change was made. */
export function waitingFromOthers(queue: readonly MadeChange[], userId: string | null): WaitingFrom[] {
  const byMaker = new Map<string, MadeChange[]>();
  for (const change of queue) {
    if (change.madeBy.id === userId) continue;
    byMaker.set(change.madeBy.id, [...(byMaker.get(change.madeBy.id) ?? []), change]);
  }
  return [...byMaker.values()].map((changes) => ({
    madeBy: changes[0]!.madeBy,
    count: changes.length,
    records: describeRecords(changes) ?? `${changes.length} changes`,
    oldestAt: changes.reduce(
      (at, change) => (change.queuedAt < at ? change.queuedAt : at),
      changes[0]!.queuedAt,
    ),
  }));
}

/** "2 requests from Dee Duty (duty) and 1 contact from Sam Lee (sam)", or null when none. */
export function describeWaitingFrom(groups: readonly WaitingFrom[]): string | null {
  const parts = groups.map((group) => `${group.records} from ${makerWords(group.madeBy)}`);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export const SET_ASIDE_KIND = 'Resilience Hub changes set aside';

const makerSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

/** One change in the file: words for a person, then what the server needs to take it. */
export const setAsideChangeSchema = z.object({
  madeBy: z.string(),
  madeAt: z.string(),
  record: z.string(),
  kind: z.string(),
  changed: z.record(z.string(), z.unknown()),
  maker: makerSchema,
  mutation: mutationSchema,
});

export const setAsideFileSchema = z.object({
  kind: z.literal(SET_ASIDE_KIND),
  fileVersion: z.literal(1),
  about: z.string(),
  savedAt: z.string(),
  savedBy: z.string(),
  device: z.string(),
  madeBy: z.array(z.string()),
  changes: z.array(setAsideChangeSchema),
});
export type SetAsideFile = z.infer<typeof setAsideFileSchema>;

export interface SetAsideContext {
  /** What each change's record is called (its label, as lists of conflicts name it). */
  recordOf(change: MadeChange): string;
  /** What the kind of record is called ("request", "timeline note"). */
  kindOf(change: MadeChange): string;
  savedAt: string;
  savedBy: Maker;
  device: string;
}

/** The file the changes are saved to, in the order they were made. */
export function setAsideFile(queue: readonly MadeChange[], context: SetAsideContext): SetAsideFile {
  const sorted = [...queue].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const makers = waitingFromOthers(sorted, null).map((group) => makerWords(group.madeBy));
  return {
    kind: SET_ASIDE_KIND,
    fileVersion: 1,
    about:
      `Changes made on a Resilience Hub device by ${makers.join(' and ')} that never reached the ` +
      'server, because they could not sign in on it again. Send this file to the council’s policy & ' +
      'information team: each change below is kept whole (its "mutation", and its maker\'s id), so ' +
      'that it can be put into the server later as it was made.',
    savedAt: context.savedAt,
    savedBy: makerWords(context.savedBy),
    device: context.device,
    madeBy: makers,
    changes: sorted.map((change) => ({
      madeBy: makerWords(change.madeBy),
      madeAt: change.queuedAt,
      record: context.recordOf(change),
      kind: context.kindOf(change),
      changed: change.changes,
      maker: {
        id: change.madeBy.id,
        username: change.madeBy.username,
        displayName: change.madeBy.displayName,
      },
      mutation: {
        id: change.id,
        entity: change.entity,
        recordId: change.recordId,
        hlc: change.hlc,
        changes: change.changes,
        base: change.base,
      },
    })),
  };
}

/** "changes-from-duty-2026-12-02.json" (the first maker's username, or "changes-set-aside-…"). */
export function setAsideFileName(queue: readonly MadeChange[], savedAt: string): string {
  const first = queue[0]?.madeBy.username.replace(/[^A-Za-z0-9_-]/g, '') ?? '';
  return `${first ? `changes-from-${first}` : 'changes-set-aside'}-${savedAt.slice(0, 10)}.json`;
}
