// Pull: the records a user may see that changed after their cursor.
//
// The cursor is (xid, seq) of the last change-log row returned. Rows are read in (xid, seq) order and
// only while xid is below the oldest transaction still running (pg_snapshot_xmin), so a slow
// transaction that commits after a later one is never skipped: its rows stay invisible to every pull
// until it ends, and then come after the cursor. A plain serial cursor would skip them.
import type { Database, Queryable } from '../storage/database.ts';
import { ENTITY_STORAGE } from '../storage/changeLog.ts';
import { ENTITIES, type Change, type Entity, type PullResponse } from '../../domain/sync.ts';
import type { User } from '../../domain/user.ts';
import { canSeeContact, canSeeParishScoped, parishScopes } from '../../domain/access.ts';
import type { FieldClocks } from '../../domain/merge.ts';
import type { Contact } from '../../domain/contact.ts';

export const START_CURSOR = '0.0';

interface LogRow extends Record<string, unknown> {
  /** An entity, or 'exit:<entity>' for a record that left a scope. */
  entity: string;
  entity_id: string;
  xid_text: string;
  seq_text: string;
}

interface StoredRecord {
  record: unknown;
  parishCode: string | null;
  clocks: Record<string, string>;
}

function visibleTo(user: User, entity: Entity, stored: StoredRecord): boolean {
  switch (ENTITY_STORAGE[entity].scope) {
    case 'everyone':
      return true;
    case 'contact':
      return canSeeContact(user, stored.record as Contact);
    case 'parish':
      return canSeeParishScoped(user, stored.parishCode);
  }
}

async function currentRecords(
  db: Queryable,
  entity: Entity,
  ids: string[],
): Promise<Map<string, StoredRecord>> {
  const { table, idType, hasClocks, scope } = ENTITY_STORAGE[entity];
  const rows = await db.query<{
    id: string;
    record: unknown;
    parish_code: string | null;
    field_clocks: FieldClocks;
  }>(
    `SELECT id::text AS id, record,
       ${scope === 'parish' ? 'parish_code' : 'NULL::text AS parish_code'},
       ${hasClocks ? 'field_clocks' : `'{}'::jsonb AS field_clocks`}
     FROM ${table} WHERE id = ANY($1::${idType}[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        record: row.record,
        parishCode: row.parish_code,
        clocks: Object.fromEntries(
          Object.entries(row.field_clocks).map(([field, clock]) => [field, clock.hlc]),
        ),
      },
    ]),
  );
}

/**
 * Which change-log rows this user reads: staff read every record (and need no exit rows); a parish
 * coordinator reads everyone's rows and their own parish's (see migration 0003).
 */
function scopeFilter(user: User): { sql: string; params: unknown[] } {
  if (canSeeParishScoped(user, null)) return { sql: `entity NOT LIKE 'exit:%'`, params: [] };
  return { sql: `(scope IS NULL OR scope = ANY($4::text[]))`, params: [parishScopes(user)] };
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

    const records = new Map<Entity, Map<string, StoredRecord>>();
    for (const entity of ENTITIES) {
      const ids = [...new Set(subjects.filter((row) => row.entity === entity).map((row) => row.id))];
      if (ids.length > 0) records.set(entity, await currentRecords(tx, entity, ids));
    }
    const changes = subjects.flatMap((row): Change[] => {
      const stored = records.get(row.entity)?.get(row.id);
      const visible = stored !== undefined && visibleTo(user, row.entity, stored);
      // An exit row only matters to those who can no longer see the record; the others get the record itself.
      if (row.exit && visible) return [];
      if (!visible) return [{ entity: row.entity, id: row.id, deleted: true }];
      return [
        {
          entity: row.entity,
          id: row.id,
          deleted: false,
          record: stored.record,
          clocks: stored.clocks,
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
    return { changes, cursor, hasMore, total };
  });
}
