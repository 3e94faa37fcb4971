// Writes to the change log that sync pulls from. Every write to a synced table calls this in the same
// transaction, so a record and its change-log row commit together or not at all.
import type { Entity } from '../../domain/sync.ts';
import type { Queryable } from './database.ts';

/** The scope of a stored record, read from its row (see migration 0003); NULL is everyone's. */
const SCOPE_OF: Partial<Record<Entity, string>> = {
  request: `'p:' || coalesce(t.parish_code, '')`,
  timeline: `'p:' || coalesce(t.parish_code, '')`,
  conflict: `'p:' || coalesce(t.parish_code, '')`,
  contact: `CASE WHEN t.restricted THEN 'c:' || coalesce(t.parish_code, '') END`,
};

/**
 * Moves each record to the end of the change log (inserting it the first time it changes), in the scope
 * of whoever may see it now. When a record leaves a scope, an exit row in that scope makes sure the
 * people who could see it before are told to forget it.
 */
// (The join casts the id, not the column, so the table's primary key finds the row.)
export async function recordChanges(tx: Queryable, entity: Entity, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const scope = SCOPE_OF[entity];
  if (scope === undefined) {
    await tx.query(
      `INSERT INTO change_log (entity, entity_id)
       SELECT $1, id FROM unnest($2::text[]) AS id
       ON CONFLICT (entity, entity_id)
       DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq')`,
      [entity, ids],
    );
    return;
  }
  const { table, idType } = ENTITY_STORAGE[entity];
  await tx.query(
    `WITH now_scoped AS (
       SELECT changed.record_id AS id, ${scope} AS scope
       FROM unnest($2::text[]) AS changed(record_id)
       LEFT JOIN ${table} t ON t.id = changed.record_id::${idType}
     ), before AS (
       SELECT l.entity_id, l.scope FROM change_log l JOIN now_scoped n ON l.entity = $1 AND l.entity_id = n.id
     ), exits AS (
       INSERT INTO change_log (entity, entity_id, scope)
       SELECT 'exit:' || $1, b.entity_id || '|' || b.scope, b.scope
       FROM before b JOIN now_scoped n ON n.id = b.entity_id
       WHERE b.scope IS NOT NULL AND b.scope IS DISTINCT FROM n.scope
       ON CONFLICT (entity, entity_id) DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq')
     )
     INSERT INTO change_log (entity, entity_id, scope)
     SELECT $1, id, scope FROM now_scoped
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq'), scope = EXCLUDED.scope`,
    [entity, ids],
  );
}

export interface EntityStorage {
  table: string;
  idType: 'uuid' | 'text';
  /** Per-field clocks are kept for records people edit (not for imported wards). */
  hasClocks: boolean;
  /** Whose records: 'parish' rows carry parish_code and are seen by staff and that parish only. */
  scope: 'everyone' | 'contact' | 'parish';
}

/** Where each synced entity is stored and how its visibility is decided. */
export const ENTITY_STORAGE: Record<Entity, EntityStorage> = {
  ward: { table: 'wards', idType: 'text', hasClocks: false, scope: 'everyone' },
  parish: { table: 'parishes', idType: 'text', hasClocks: true, scope: 'everyone' },
  partner: { table: 'partners', idType: 'uuid', hasClocks: true, scope: 'everyone' },
  contact: { table: 'contacts', idType: 'uuid', hasClocks: true, scope: 'contact' },
  incident: { table: 'incidents', idType: 'uuid', hasClocks: true, scope: 'everyone' },
  request: { table: 'requests', idType: 'uuid', hasClocks: true, scope: 'parish' },
  timeline: { table: 'timeline', idType: 'uuid', hasClocks: false, scope: 'parish' },
  conflict: { table: 'conflicts', idType: 'text', hasClocks: false, scope: 'parish' },
};
