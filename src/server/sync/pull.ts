// Pull: the records a user may see that changed after their cursor.
//
// The cursor is (xid, seq) of the last change-log row returned. Rows are read in (xid, seq) order and
// only while xid is below the oldest transaction still running (pg_snapshot_xmin), so a slow
// transaction that commits after a later one is never skipped: its rows stay invisible to every pull
// until it ends, and then come after the cursor. A plain serial cursor would skip them.
//
// A page is read by one statement (pullPageSql.ts), so it and the records it names come from one
// snapshot, and is sent as the JSON text PostgreSQL built.
import type { Database } from '../storage/database.ts';
import { pullResponseSchema, type PullResponse } from '../../domain/sync/sync.ts';
import type { User } from '../../domain/accounts/user.ts';
import { readableScopes } from '../../domain/entities/scope.ts';
import {
  boundedPageStatement,
  estimatedTotalSql,
  pageStatement,
  totalStatement,
  type PageRow,
} from './pullPageSql.ts';
import { fillInChanges, NO_HELD_TEXTS, type ChangeTexts } from './changeTexts.ts';
import { HttpError } from '../http/errors.ts';

export const START_CURSOR = '0.0';

/**
 * A pull page's JSON text in two parts: `head`, the changes (`{"changes":[…`), and `tail`, the rest
 * (`],"cursor":…}`). A full page's head can be kept and sent again (pullPageCache.ts); the tail holds
 * what is said afresh on every request.
 */
export interface PullPageText {
  head: string;
  tail: string;
  cursor: string;
  hasMore: boolean;
  /** Change-log rows in the page. */
  rows: number;
  /** Everything the reader may see (a first page only; 0 on later pages). */
  total: number;
  /** Committed changes wait behind an open transaction (said on a last page only). */
  heldBack: boolean;
}

export interface PullPage {
  /** The JSON text of a PullResponse, ready to send. */
  body: string;
  cursor: string;
  hasMore: boolean;
}

/**
 * Who a page is for: staff read everything; anyone else the scopes they may read, which the
 * statements take as their last parameter (`scopeParams`).
 */
export function readerOf(user: User): { staff: boolean; scopes: string[]; scopeParams: string[][] } {
  const readable = readableScopes(user);
  return readable === 'all'
    ? { staff: true, scopes: [], scopeParams: [] }
    : { staff: false, scopes: readable, scopeParams: [readable] };
}

/**
 * Up to this many log rows (by the planner's estimate) a first page counts what its reader may see
 * exactly; over it, the estimate is the progress bar's end. Counting reads the whole log, about 75 ns
 * a row: 19 ms here, but 0.75 s of a new phone's first page at 10M rows, where the page itself took
 * 13 ms. The app takes the bar's end as at least what it has received, so an estimate under the truth
 * only makes the bar's end grow near the finish.
 */
export const EXACT_TOTAL_BELOW = 250_000;

interface PlanRow extends Record<string, unknown> {
  'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
}

/** Everything this user may see in all: the progress bar's end, said on a first pull only. */
export async function visibleTotal(
  db: Database,
  user: User,
  since: string | undefined,
  exactBelow = EXACT_TOTAL_BELOW,
): Promise<number> {
  if (since !== undefined) return 0;
  const { staff, scopeParams } = readerOf(user);
  const [plan] = await db.query<PlanRow>(estimatedTotalSql(staff), scopeParams);
  const estimate = Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  if (estimate >= exactBelow) return estimate;
  const [count] = await db.query<{ n: number }>(totalStatement(staff), scopeParams);
  return count?.n ?? 0;
}

/** The rest of a page's text after its changes. */
export function pageTail(rest: Omit<PullResponse, 'changes'>): string {
  return `],${JSON.stringify(rest).slice(1)}`;
}

/**
 * `texts`: the change texts this process holds, to use and add to (null: none, as in tests).
 * `until` (staff only): a position the page ends at; read to it, the page's cursor is that position,
 * whether or not a row is still there (staffSegments.ts).
 */
export async function readPullPage(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
  texts: ChangeTexts | null = null,
  until?: string,
): Promise<PullPageText> {
  const [xid, seq] = (since ?? START_CURSOR).split('.');
  const { staff, scopeParams } = readerOf(user);
  if (until !== undefined && !staff) throw new Error('Only a staff page ends at a given position');
  const held = texts ? texts.heldAfter(since ?? START_CURSOR, 2 * limit) : NO_HELD_TEXTS;
  const holding = held.seqs.length > 0;
  const [page] = await db.query<PageRow>(
    until === undefined ? pageStatement(staff, holding) : boundedPageStatement(holding),
    [
      xid,
      seq,
      limit,
      ...scopeParams,
      ...(holding ? [held.seqs] : []),
      ...(until === undefined ? [] : until.split('.')),
    ],
  );
  if (page?.ahead) {
    throw new HttpError(
      409,
      'sync_restart',
      "This device's copy is ahead of the server's (its database was restored from a backup or reset). " +
        'It will download everything again; changes waiting to send are kept.',
    );
  }
  const read = page?.read ?? 0;
  const hasMore = read > limit;
  const cursor = (until !== undefined && !hasMore ? until : page?.last) ?? since ?? START_CURSOR;
  const total = await visibleTotal(db, user, since);
  // Only the last page can be held back: until then there is more to read anyway.
  const heldBack = !hasMore && page?.held_back === true;
  return {
    head: `{"changes":[${page?.changes ? fillInChanges(page.changes, held, texts) : ''}`,
    tail: pageTail({ cursor, hasMore, total, heldBack }),
    cursor,
    hasMore,
    rows: Math.min(read, limit),
    total,
    heldBack,
  };
}

export async function pullPage(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
  texts: ChangeTexts | null = null,
): Promise<PullPage> {
  const { head, tail, cursor, hasMore } = await readPullPage(db, user, since, limit, texts);
  return { body: head + tail, cursor, hasMore };
}

/** A pull page as objects, checked as the app checks it (for callers in this process: tests, benches). */
export async function pull(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const { body } = await pullPage(db, user, since, limit);
  return pullResponseSchema.parse(JSON.parse(body));
}
