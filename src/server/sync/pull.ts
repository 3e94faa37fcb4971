// Pull: the records a user may see that changed after their cursor.
//
// The cursor is (xid, seq) of the last change-log row returned. Rows are read in (xid, seq) order and
// only while xid is below the oldest transaction still running (pg_snapshot_xmin), so a slow
// transaction that commits after a later one is never skipped: its rows stay invisible to every pull
// until it ends, and then come after the cursor. A plain serial cursor would skip them.
import type { Database } from '../storage/database.ts';
import { ENTITIES, type Change, type Entity, type PullResponse } from '../../domain/sync/sync.ts';
import type { User } from '../../domain/accounts/user.ts';
import { canSeeScope, readableScopes } from '../../domain/entities/scope.ts';
import { readStored } from './recordStore.ts';

export const START_CURSOR = '0.0';

interface LogRow extends Record<string, unknown> {
  /** An entity, or 'exit:<entity>' for a record that left a scope. */
  entity: string;
  entity_id: string;
  xid_text: string;
  seq_text: string;
}

/**
 * Which change-log rows this user reads: staff read every record (and need no exit rows); anyone else
 * reads everyone's rows and those of the scopes they may see (see entities/scope.ts).
 */
function scopeFilter(user: User): { sql: string; params: unknown[] } {
  const readable = readableScopes(user);
  if (readable === 'all') return { sql: `entity NOT LIKE 'exit:%'`, params: [] };
  return { sql: `(scope IS NULL OR scope = ANY($4::text[]))`, params: [readable] };
}

/** A change-log row as the change it stands for: exit rows name the record they are about. */
function subject(row: LogRow): { entity: Entity; id: string; exit: boolean } {
  if (!row.entity.startsWith('exit:'))
    return { entity: row.entity as Entity, id: row.entity_id, exit: false };
  const bar = row.entity_id.lastIndexOf('|');
  return { entity: row.entity.slice(5) as Entity, id: row.entity_id.slice(0, bar), exit: true };
}

export async function pull(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const [xid, seq] = (since ?? START_CURSOR).split('.');
  const scope = scopeFilter(user);
  // One transaction so the page and the records it names are read from one snapshot.
  return db.transaction(async (tx) => {
    const log = await tx.query<LogRow>(
      // Text aliases differ from the column names: ORDER BY must sort the numbers, not their text.
      `SELECT entity, entity_id, xid::text AS xid_text, seq::text AS seq_text
       FROM change_log
       WHERE (xid, seq) > ($1::xid8, $2::bigint)
         AND xid < pg_snapshot_xmin(pg_current_snapshot())
         AND ${scope.sql}
       ORDER BY change_log.xid, change_log.seq
       LIMIT $3`,
      [xid, seq, limit + 1, ...scope.params],
    );
    const hasMore = log.length > limit;
    const page = log.slice(0, limit);
    const subjects = page.map(subject);

    const records = new Map<Entity, Awaited<ReturnType<typeof readStored>>>();
    for (const entity of ENTITIES) {
      const ids = subjects.filter((row) => row.entity === entity).map((row) => row.id);
      if (ids.length > 0) records.set(entity, await readStored(tx, entity, ids));
    }
    const changes = subjects.flatMap((row): Change[] => {
      const stored = records.get(row.entity)?.get(row.id);
      const visible = stored !== undefined && canSeeScope(user, stored.scope);
      // An exit row only matters to those who can no longer see the record; the others get the record itself.
      if (row.exit && visible) return [];
      if (!visible) return [{ entity: row.entity, id: row.id, deleted: true }];
      return [
        {
          entity: row.entity,
          id: row.id,
          deleted: false,
          record: stored.record,
          clocks: Object.fromEntries(
            Object.entries(stored.clocks).map(([field, clock]) => [field, clock.hlc]),
          ),
        } as Change,
      ];
    });

    const last = page[page.length - 1];
    const cursor = last ? `${last.xid_text}.${last.seq_text}` : (since ?? START_CURSOR);
    let total = 0;
    if (since === undefined) {
      const [count] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM change_log WHERE ${scope.sql.replace('$4', '$1')}`,
        scope.params,
      );
      total = count?.n ?? 0;
    }
    // Committed changes the cursor cannot pass yet, because an older transaction is still open.
    const [held] = await tx.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM change_log WHERE xid >= pg_snapshot_xmin(pg_current_snapshot())
         AND (xid, seq) > ($1::xid8, $2::bigint)) AS held`,
      [cursor.split('.')[0], cursor.split('.')[1]],
    );
    return { changes, cursor, hasMore, total, heldBack: !hasMore && held?.held === true };
  });
}
