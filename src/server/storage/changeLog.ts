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
