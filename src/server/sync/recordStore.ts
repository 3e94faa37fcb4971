// Reading and writing synced records, for every entity alike: each table holds id, scope, parent_id,
// record and field_clocks (migration 0004), and every write moves the records to the end of the change
// log in the same transaction. Where each entity lives comes from the registry.
import type { Queryable } from '../storage/database.ts';
import { recordChanges } from '../storage/changeLog.ts';
import { describeEntity, type Entity, type ParentRef } from '../../domain/entities/registry.ts';
import type { Scope } from '../../domain/entities/scope.ts';
import type { FieldClocks } from '../../domain/sync/merge.ts';

export interface StoredRow {
  record: Record<string, unknown>;
  clocks: FieldClocks;
  scope: Scope;
}

export interface RecordWrite extends StoredRow {
  id: string;
  parent: ParentRef | null;
}

export interface WriteOptions {
  /** Leave the stored field clocks as they are (bulk loads of records nobody edited field by field). */
  keepClocks?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that can name a row of this entity's table (a malformed uuid names none, and must not reach SQL). */
export function storableIds(entity: Entity, ids: Iterable<string>): string[] {
  const uuid = describeEntity(entity).storage.idType === 'uuid';
  return [...new Set(ids)].filter((id) => !uuid || UUID.test(id));
}

/** The records as stored, by id; `lock` holds them until the transaction ends. */
export async function readStored(
  tx: Queryable,
  entity: Entity,
  ids: Iterable<string>,
  lock = false,
): Promise<Map<string, StoredRow>> {
  const wanted = storableIds(entity, ids);
  if (wanted.length === 0) return new Map();
  const { table, idType } = describeEntity(entity).storage;
  const rows = await tx.query<{
    id: string;
    record: Record<string, unknown>;
    field_clocks: FieldClocks;
    scope: Scope;
  }>(
    `SELECT id::text AS id, record, field_clocks, scope FROM ${table}
     WHERE id = ANY($1::${idType}[]) ${lock ? 'ORDER BY id FOR UPDATE' : ''}`,
    [wanted],
  );
  return new Map(
    rows.map((row) => [row.id, { record: row.record, clocks: row.field_clocks, scope: row.scope }]),
  );
}

/** Every record of an entity, locked, in key order (for whole-directory fix-ups like a new area). */
export async function readAllStored(tx: Queryable, entity: Entity): Promise<Map<string, StoredRow>> {
  const { table } = describeEntity(entity).storage;
  const rows = await tx.query<{
    id: string;
    record: Record<string, unknown>;
    field_clocks: FieldClocks;
    scope: Scope;
  }>(`SELECT id::text AS id, record, field_clocks, scope FROM ${table} ORDER BY id FOR UPDATE`);
  return new Map(
    rows.map((row) => [row.id, { record: row.record, clocks: row.field_clocks, scope: row.scope }]),
  );
}

const parentKey = (parent: ParentRef) => `${parent.entity}:${parent.id}`;

/**
 * Stores records (inserting or replacing; an append-only entity's rows are never replaced) with their
 * scope and clocks, in one statement, and moves them to the end of the change log.
 */
export async function writeRecords(
  tx: Queryable,
  entity: Entity,
  writes: readonly RecordWrite[],
  options: WriteOptions = {},
): Promise<void> {
  if (writes.length === 0) return;
  const { storage, appendOnly } = describeEntity(entity);
  const rows = writes.map((write) => ({
    id: write.id,
    scope: write.scope,
    parent: write.parent ? parentKey(write.parent) : null,
    record: write.record,
    clocks: write.clocks,
  }));
  await tx.query(
    `INSERT INTO ${storage.table} (id, scope, parent_id, record, field_clocks)
     SELECT (w->>'id')::${storage.idType}, w->>'scope', w->>'parent', w->'record', w->'clocks'
     FROM jsonb_array_elements($1::jsonb) AS w
     ON CONFLICT (id) DO ${
       appendOnly
         ? 'NOTHING'
         : `UPDATE SET scope = EXCLUDED.scope, parent_id = EXCLUDED.parent_id, record = EXCLUDED.record,
              field_clocks = CASE WHEN $2 THEN ${storage.table}.field_clocks ELSE EXCLUDED.field_clocks END,
              updated_at = now()`
     }`,
    appendOnly ? [JSON.stringify(rows)] : [JSON.stringify(rows), options.keepClocks === true],
  );
  await recordChanges(tx, entity, writes);
}

/** Records hanging from `parent` (its timeline notes, its conflicts), for moving them with it. */
export async function readDependants(
  tx: Queryable,
  entity: Entity,
  parent: ParentRef,
): Promise<{ id: string; record: Record<string, unknown>; scope: Scope }[]> {
  const { table } = describeEntity(entity).storage;
  return tx.query(
    `SELECT id::text AS id, record, scope FROM ${table} WHERE parent_id = $1 ORDER BY id FOR UPDATE`,
    [parentKey(parent)],
  );
}

/** Gives records a new scope (moving them in the change log), leaving them otherwise as they are. */
export async function rescope(
  tx: Queryable,
  entity: Entity,
  records: readonly { id: string; scope: Scope }[],
): Promise<void> {
  if (records.length === 0) return;
  const { table, idType } = describeEntity(entity).storage;
  await tx.query(
    `UPDATE ${table} t SET scope = n.scope, updated_at = now()
     FROM unnest($1::text[], $2::text[]) AS n(id, scope) WHERE t.id = n.id::${idType}`,
    [records.map((record) => record.id), records.map((record) => record.scope)],
  );
  await recordChanges(tx, entity, records);
}
