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
import { pageStatement, totalStatement, type PageRow } from './pullPageSql.ts';

export const START_CURSOR = '0.0';

export interface PullPage {
  /** The JSON text of a PullResponse, ready to send. */
  body: string;
  cursor: string;
  hasMore: boolean;
}

export async function pullPage(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
): Promise<PullPage> {
  const [xid, seq] = (since ?? START_CURSOR).split('.');
  const readable = readableScopes(user);
  const staff = readable === 'all';
  const scopes = staff ? [] : [readable];
  const [page] = await db.query<PageRow>(pageStatement(staff), [xid, seq, limit, ...scopes]);
  const hasMore = (page?.read ?? 0) > limit;
  const cursor = page?.last ?? since ?? START_CURSOR;
  let total = 0;
  if (since === undefined) {
    const [count] = await db.query<{ n: number }>(totalStatement(staff), scopes);
    total = count?.n ?? 0;
  }
  // Only the last page can be held back: until then there is more to read anyway.
  const heldBack = !hasMore && page?.held_back === true;
  const rest: Omit<PullResponse, 'changes'> = { cursor, hasMore, total, heldBack };
  return { body: `{"changes":[${page?.changes ?? ''}],${JSON.stringify(rest).slice(1)}`, cursor, hasMore };
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
