// The one statement that reads a pull page: the change-log rows after the cursor in commit order, the
// records they name, and the page's changes as JSON text, built by PostgreSQL. A first pull is tens of
// thousands of records; building their JSON where they are stored spares Node parsing each stored
// record into objects and writing it back out as text (and PGlite decoding thousands of fields).
//
// The visibility rule is the one in domain/entities/scope.ts: a record is seen when its scope is
// everyone's (null) or one of the user's readable scopes (all of them for staff).
import { ENTITIES, describeEntity } from '../../domain/entities/registry.ts';
import { PULLS_HELD_BACK_SQL } from '../storage/pullHorizon.ts';
import type { NamedStatement } from '../storage/database.ts';

export interface PageRow extends Record<string, unknown> {
  /**
   * The changes of the page, comma-separated JSON objects, each record's marked with its position and
   * empty where the server holds it (null for an empty page; made whole by changeTexts.ts).
   */
  changes: string | null;
  /** The (xid, seq) of the page's last log row, as `xid.seq` (null for an empty page). */
  last: string | null;
  /** Log rows read: one more than the limit when there is more after this page. */
  read: number;
  /** Committed changes wait behind an open transaction (see pullHorizon.ts). */
  held_back: boolean;
  /** The cursor names a change this database never made (CURSOR_AHEAD_SQL). */
  ahead: boolean;
}

/**
 * Whether the cursor ($1 xid, $2 seq) is past anything this database has written: a transaction it has
 * not yet started, or a log number it has not yet given. Every cursor a pull hands out names a row
 * written by a committed transaction, so this is a device whose copy came from a database that had gone
 * further: this one restored from an older backup, or reset. Read on, it would miss every change made
 * here until the numbers caught up with its cursor, and keep records this database no longer has.
 */
const CURSOR_AHEAD_SQL = `($1::xid8 >= pg_snapshot_xmax(pg_current_snapshot())
         OR $2::bigint > (SELECT last_value FROM change_seq))`;

const UUID_PATTERN = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The page rows with the records they name. A row whose change text the server holds is not joined:
 * its number names one version of its record (every write moves the row, changeLog.ts), so that
 * version is there, in the row's scope, in this snapshot. The others are joined to their entity's
 * table (a malformed uuid names no record); with texts held, each entity's part reads only them
 * (`unheld`, mostly none), not the whole page: a duty officer's page of 200 held changes took
 * PostgreSQL 0.65–0.71 ms where it took 0.81–1.13 (EXPLAIN ANALYZE, medians of 40).
 */
function joinRecords(holding: boolean): string {
  const held = `SELECT p.xid, p.seq, p.subject_entity, p.subject_id, p.exit, p.held, true AS found,
         p.scope, NULL::jsonb AS record, NULL::text AS clock_stamps
       FROM page p WHERE p.held`;
  const joined = ENTITIES.map((entity) => {
    const { table, idType } = describeEntity(entity).storage;
    const id =
      idType === 'uuid'
        ? `CASE WHEN p.subject_id ~* ${UUID_PATTERN} THEN p.subject_id::uuid END`
        : 'p.subject_id';
    return `SELECT p.xid, p.seq, p.subject_entity, p.subject_id, p.exit, p.held, t.id IS NOT NULL AS found,
         t.scope, t.record, t.clock_stamps
       FROM ${holding ? 'unheld' : 'page'} p LEFT JOIN ${table} t ON t.id = ${id}
       WHERE p.subject_entity = '${entity}'`;
  });
  return [...(holding ? [held] : []), ...joined].join('\n     UNION ALL ');
}

/**
 * Staff read every record (and need no exit rows); anyone else reads everyone's rows and those of the
 * scopes they may see ($4).
 */
function logFilter(staff: boolean): string {
  return staff ? `entity NOT LIKE 'exit:%'` : `(scope IS NULL OR scope = ANY($4::text[]))`;
}

function visible(staff: boolean): string {
  return staff ? 'r.found' : 'r.found AND (r.scope IS NULL OR r.scope = ANY($4::text[]))';
}

/** Marks around a record's change in a page's text: chr(1) `xid.seq` chr(2) text chr(3). */
export const CHANGE_MARK = { start: '\u0001', text: '\u0002', end: '\u0003' } as const;

/**
 * The page statement, with parameters: cursor xid, cursor seq, the page's size, (not for staff) the
 * readable scopes, and (when `holding`) the log rows (seq) whose change text the server holds
 * (changeTexts.ts); with none held, the statement has no part for them (given none, that part made a
 * page of 2,000 records 3% slower). It reads one row more than the page, to tell whether there is
 * more. Per log row: an exit row is about a record that left a scope, and matters only to those who
 * can no longer see it (the others get the record itself from its own row); a record the user cannot
 * see (any more) is a tombstone; anything else is the record with its fields' clock stamps (kept by
 * PostgreSQL as the clocks are written, shortened: migrations 0011 and 0012, pulledStamps.ts), marked
 * with its position, and left out when the server holds it. JSON text never holds the marks' control
 * characters raw (it escapes them), so they cannot be mistaken.
 *
 * `bounded` (staff only): the page ends at a given position too, its last two parameters (xid, seq),
 * for the shared stretches of the log (staffSegments.ts).
 */
export function pageSql(staff: boolean, holding: boolean, bounded = false): string {
  const heldSeqs = staff ? '$4' : '$5';
  const [untilXid, untilSeq] = holding ? ['$5', '$6'] : ['$4', '$5'];
  const upTo = bounded ? `AND (xid, seq) <= (${untilXid}::xid8, ${untilSeq}::bigint)` : '';
  const held = holding
    ? `entity NOT LIKE 'exit:%' AND seq IN (SELECT unnest(${heldSeqs}::bigint[]))`
    : 'false';
  return `WITH log AS (
       SELECT entity, entity_id, scope, xid, seq FROM change_log
       WHERE (xid, seq) > ($1::xid8, $2::bigint) ${upTo}
         AND xid < pg_snapshot_xmin(pg_current_snapshot())
         AND ${logFilter(staff)}
       ORDER BY xid, seq
       LIMIT $3 + 1
     ), page AS (
       SELECT xid, seq, scope, entity LIKE 'exit:%' AS exit,
         ${held} AS held,
         CASE WHEN entity LIKE 'exit:%' THEN substr(entity, 6) ELSE entity END AS subject_entity,
         -- An exit row names its record as "<id>|<old scope>".
         CASE WHEN entity LIKE 'exit:%'
           THEN substr(entity_id, 1, length(entity_id) - strpos(reverse(entity_id), '|'))
           ELSE entity_id END AS subject_id
       FROM log ORDER BY xid, seq LIMIT $3
     ),${
       // Read once, so that each entity's part scans only the rows not held (none, mostly), not the page.
       holding ? ` unheld AS (SELECT * FROM page WHERE NOT held),` : ''
     } named AS (
     ${joinRecords(holding)}
     ), changes AS (
       SELECT r.xid, r.seq, CASE
         WHEN r.exit AND ${visible(staff)} THEN NULL
         WHEN NOT (${visible(staff)}) THEN
           '{"entity":' || to_json(r.subject_entity)::text || ',"id":' || to_json(r.subject_id)::text
             || ',"deleted":true}'
         ELSE chr(1) || r.xid::text || '.' || r.seq::text || chr(2) || CASE WHEN r.held
           THEN '' ELSE
           '{"entity":' || to_json(r.subject_entity)::text || ',"id":' || to_json(r.subject_id)::text
             || ',"deleted":false,"record":' || r.record::text || ',"clocks":' || r.clock_stamps || '}'
           END || chr(3)
         END AS change
       FROM named r
     )
     SELECT (SELECT string_agg(change, ',' ORDER BY xid, seq) FROM changes) AS changes,
       (SELECT xid::text || '.' || seq::text FROM page ORDER BY xid DESC, seq DESC LIMIT 1) AS last,
       (SELECT count(*)::int FROM log) AS read,
       ${PULLS_HELD_BACK_SQL} AS held_back,
       ${CURSOR_AHEAD_SQL} AS ahead`;
}

/** The log rows a reader may see, with (not for staff) the readable scopes as $1. */
const visibleRows = (staff: boolean) => `FROM change_log WHERE ${logFilter(staff).replace('$4', '$1')}`;

/** Everything this user may see in all (the progress bar's end on a first pull). */
export function totalSql(staff: boolean): string {
  return `SELECT count(*)::int AS n ${visibleRows(staff)}`;
}

/**
 * The planner's estimate of the same count, from its statistics and the table's current size, in a
 * fraction of a millisecond at any size. Not a named statement: an unnamed one is planned with the
 * reader's own scopes, so the estimate is theirs.
 */
export function estimatedTotalSql(staff: boolean): string {
  return `EXPLAIN (FORMAT JSON) SELECT 1 ${visibleRows(staff)}`;
}

/**
 * How many of the rows a page was read from are still between its cursors, ($1, $2) to ($3, $4), with
 * (not for staff) the readable scopes ($5). No row can come into that range later: a row is only ever
 * written at the end of the log, and a page is read only below the oldest running transaction. A
 * change to one of the page's records or scopes moves its row out. So the same count means the same
 * page (pullPageCache.ts). With it, for a kept last page, what is said afresh each time it is sent:
 * whether the reader has rows after it now (`more`) and whether pulls are held back.
 */
export function pageRowsSql(staff: boolean): string {
  const filter = logFilter(staff).replace('$4', '$5');
  return `SELECT
       (SELECT count(*)::int FROM change_log
        WHERE (xid, seq) > ($1::xid8, $2::bigint) AND (xid, seq) <= ($3::xid8, $4::bigint) AND ${filter}) AS n,
       EXISTS (SELECT 1 FROM change_log
        WHERE (xid, seq) > ($3::xid8, $4::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
          AND ${filter}) AS more,
       ${PULLS_HELD_BACK_SQL} AS held_back`;
}

/**
 * The statements pulls run, named so PostgreSQL parses and plans them once per connection
 * (the page statement joins every entity's table: planning it took about 1 ms a pull, as long as
 * running it when nothing is new).
 */
const STATEMENTS = {
  page: {
    staff: { name: 'pull-page-staff', text: pageSql(true, false) },
    scoped: { name: 'pull-page', text: pageSql(false, false) },
    staffHolding: { name: 'pull-page-staff-held', text: pageSql(true, true) },
    scopedHolding: { name: 'pull-page-held', text: pageSql(false, true) },
  },
  boundedPage: {
    staff: { name: 'pull-page-staff-until', text: pageSql(true, false, true) },
    staffHolding: { name: 'pull-page-staff-held-until', text: pageSql(true, true, true) },
  },
  total: {
    staff: { name: 'pull-total-staff', text: totalSql(true) },
    scoped: { name: 'pull-total', text: totalSql(false) },
  },
  rows: {
    staff: { name: 'pull-page-rows-staff', text: pageRowsSql(true) },
    scoped: { name: 'pull-page-rows', text: pageRowsSql(false) },
  },
} satisfies Record<string, Record<string, NamedStatement>>;

/** The page statement for a reader, given whether the server holds texts after the cursor. */
export const pageStatement = (staff: boolean, holding: boolean): NamedStatement =>
  STATEMENTS.page[`${staff ? 'staff' : 'scoped'}${holding ? 'Holding' : ''}`];
/** A staff page that ends at a given position (its last two parameters). */
export const boundedPageStatement = (holding: boolean): NamedStatement =>
  STATEMENTS.boundedPage[holding ? 'staffHolding' : 'staff'];
export const totalStatement = (staff: boolean): NamedStatement =>
  STATEMENTS.total[staff ? 'staff' : 'scoped'];
export const pageRowsStatement = (staff: boolean): NamedStatement =>
  STATEMENTS.rows[staff ? 'staff' : 'scoped'];
