// How far pulls can read right now. A pull returns only changes of transactions older than the
// oldest one still running on the PostgreSQL cluster (pg_snapshot_xmin, see src/server/sync/pull.ts),
// so one long-open writing transaction anywhere on the cluster, even in another database, holds
// every pull back until it ends. /api/health reports it so an operator can see it and act.
import type { Database } from './database.ts';

export interface PullHorizon {
  /**
   * Age in seconds of the oldest open transaction on the cluster that holds a transaction id (the
   * only kind that holds pulls back), prepared transactions included; 0 when there is none. Null on
   * PGlite (one connection: nothing else can be open) and when such a transaction belongs to another
   * database user whose start time this one may not read (grant it pg_read_all_stats).
   */
  oldestTransactionSeconds: number | null;
  /** Committed changes are waiting behind an open transaction: pulls do not return them yet. */
  pullsHeldBack: boolean;
}

/**
 * Whether committed changes wait behind an open transaction: change-log rows of transactions at or after
 * the oldest one still open, which no pull hands out yet. (Every pull cursor is below that horizon, so
 * these are after every cursor too.) /api/health asks it, and so does each pull page, in its statement.
 * Asked as "is the newest row's xid at or after the horizon", one step down the (xid, seq) index: put as
 * "is there a row at or after it", the planner cannot tell how many rows that is and reads the whole
 * change log, on every pull (6 ms of a 16 ms pull of 100 changes at 12k rows, and growing with the log).
 */
export const PULLS_HELD_BACK_SQL = `coalesce(
  (SELECT xid FROM change_log ORDER BY xid DESC LIMIT 1) >= pg_snapshot_xmin(pg_current_snapshot()),
  false
)`;

export async function pullHorizon(db: Database): Promise<PullHorizon> {
  const [held] = await db.query<{ held_back: boolean }>(`SELECT ${PULLS_HELD_BACK_SQL} AS held_back`);
  const pullsHeldBack = held?.held_back === true;
  if (db.kind === 'pglite') return { oldestTransactionSeconds: null, pullsHeldBack };
  const [oldest] = await db.query<{ open: number; unseen: number; seconds: number | null }>(
    `SELECT count(*)::int AS open, (count(*) - count(started))::int AS unseen,
       extract(epoch FROM clock_timestamp() - min(started))::float8 AS seconds
     FROM (
       SELECT xact_start AS started FROM pg_stat_activity
       WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
       UNION ALL
       SELECT prepared FROM pg_prepared_xacts
     ) AS open_transactions`,
  );
  if (!oldest || oldest.open === 0) return { oldestTransactionSeconds: 0, pullsHeldBack };
  // Another user's transaction whose start we may not read: its age is unknown.
  if (oldest.unseen > 0 || oldest.seconds === null) return { oldestTransactionSeconds: null, pullsHeldBack };
  return { oldestTransactionSeconds: Math.round(oldest.seconds), pullsHeldBack };
}
