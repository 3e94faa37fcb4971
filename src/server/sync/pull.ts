// Pull: the records a user may see that changed after their cursor.
//
// The cursor is (xid, seq) of the last change-log row returned. Rows are read in (xid, seq) order and
// only while xid is below the oldest transaction still running (pg_snapshot_xmin), so a slow
// transaction that commits after a later one is never skipped: its rows stay invisible to every pull
// until it ends, and then come after the cursor. A plain serial cursor would skip them.
import type { Database, Queryable } from '../storage/database.ts';
import { ENTITY_TABLES } from '../storage/changeLog.ts';
import { ENTITIES, type Change, type Entity, type PullResponse } from '../../domain/sync.ts';
import type { User } from '../../domain/user.ts';
import { canSeeContact } from '../../domain/access.ts';
import type { Contact } from '../../domain/contact.ts';

export const START_CURSOR = '0.0';

interface LogRow extends Record<string, unknown> {
  entity: Entity;
  entity_id: string;
  xid_text: string;
  seq_text: string;
}

function visibleTo(user: User, entity: Entity, record: unknown): boolean {
  return entity !== 'contact' || canSeeContact(user, record as Contact);
}

async function currentRecords(db: Queryable, entity: Entity, ids: string[]): Promise<Map<string, unknown>> {
  const idType = entity === 'partner' || entity === 'contact' ? 'uuid' : 'text';
  const rows = await db.query<{ id: string; record: unknown }>(
    `SELECT id::text AS id, record FROM ${ENTITY_TABLES[entity]} WHERE id = ANY($1::${idType}[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.record]));
}

export async function pull(
  db: Database,
  user: User,
  since: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const [xid, seq] = (since ?? START_CURSOR).split('.');
  // One transaction so the page and the records it names are read from one snapshot.
  return db.transaction(async (tx) => {
    const log = await tx.query<LogRow>(
      // Text aliases differ from the column names: ORDER BY must sort the numbers, not their text.
      `SELECT entity, entity_id, xid::text AS xid_text, seq::text AS seq_text
       FROM change_log
       WHERE (xid, seq) > ($1::xid8, $2::bigint)
         AND xid < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY change_log.xid, change_log.seq
       LIMIT $3`,
      [xid, seq, limit + 1],
    );
    const hasMore = log.length > limit;
    const page = log.slice(0, limit);

    const records = new Map<Entity, Map<string, unknown>>();
    for (const entity of ENTITIES) {
      const ids = page.filter((row) => row.entity === entity).map((row) => row.entity_id);
      if (ids.length > 0) records.set(entity, await currentRecords(tx, entity, ids));
    }
    const changes = page.map((row): Change => {
      const record = records.get(row.entity)?.get(row.entity_id);
      if (record === undefined || !visibleTo(user, row.entity, record)) {
        return { entity: row.entity, id: row.entity_id, deleted: true } as Change;
      }
      return { entity: row.entity, id: row.entity_id, deleted: false, record } as Change;
    });

    const last = page[page.length - 1];
    const cursor = last ? `${last.xid_text}.${last.seq_text}` : (since ?? START_CURSOR);
    let total = 0;
    if (since === undefined) {
      const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log');
      total = count?.n ?? 0;
    }
    return { changes, cursor, hasMore, total };
  });
}
