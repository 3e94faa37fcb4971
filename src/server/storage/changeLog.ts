// Writes to the change log that sync pulls from. Every write to a synced table calls this in the same
// transaction, so a record and its change-log row commit together or not at all.
import type { Entity } from '../../domain/sync.ts';
import type { Queryable } from './database.ts';

/** Moves each record to the end of the change log (inserting it the first time it changes). */
export async function recordChanges(tx: Queryable, entity: Entity, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO change_log (entity, entity_id)
     SELECT $1, id FROM unnest($2::text[]) AS id
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET xid = pg_current_xact_id(), seq = nextval('change_seq')`,
    [entity, ids],
  );
}

/** The table that holds each synced entity. */
export const ENTITY_TABLES: Record<Entity, string> = {
  ward: 'wards',
  parish: 'parishes',
  partner: 'partners',
  contact: 'contacts',
};
