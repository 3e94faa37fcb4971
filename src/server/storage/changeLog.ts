// Writes to the change log that sync pulls from. Every write to a synced table calls this in the same
// transaction, so a record and its change-log row commit together or not at all.
import type { Entity } from '../../domain/entities/registry.ts';
import type { Scope } from '../../domain/entities/scope.ts';
import type { Queryable } from './database.ts';

export interface ScopedId {
  id: string;
  scope: Scope;
}

/**
 * Moves each record to the end of the change log (inserting it the first time it changes), in the scope
 * of whoever may see it now. When a record leaves a scope — everyone's included — an exit row in the old
 * scope makes sure the people who could see it before are told to forget it.
 */
export async function recordChanges(
  tx: Queryable,
  entity: Entity,
  records: readonly ScopedId[],
): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `WITH now_scoped AS (
       SELECT * FROM unnest($2::text[], $3::text[]) AS n(id, scope)
     ), before AS (
       SELECT l.entity_id, l.scope FROM change_log l JOIN now_scoped n ON l.entity = $1 AND l.entity_id = n.id
     ), exits AS (
       INSERT INTO change_log (entity, entity_id, scope)
       SELECT 'exit:' || $1, b.entity_id || '|' || coalesce(b.scope, '*'), b.scope
       FROM before b JOIN now_scoped n ON n.id = b.entity_id
       WHERE b.scope IS DISTINCT FROM n.scope
       ON CONFLICT (entity, entity_id) DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq')
     )
     INSERT INTO change_log (entity, entity_id, scope)
     SELECT $1, id, scope FROM now_scoped
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq'), scope = EXCLUDED.scope`,
    [entity, records.map((record) => record.id), records.map((record) => record.scope)],
  );
}
