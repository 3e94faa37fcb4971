// Reading and writing synced records, for every entity alike: each table holds id, scope, parent_id,
// record and field_clocks (migration 0004), and every write moves the records to the end of the change
// log in the same transaction. Where each entity lives comes from the registry.
import type { Queryable } from '../storage/database.ts';
import { logChanges } from '../storage/changeLog.ts';
import { CombinedStatement } from '../storage/combinedStatement.ts';
import { StatementParams } from '../storage/statementParams.ts';
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

// Lower case only, as idSchema: an id in another spelling names no row, never one PostgreSQL would match.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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

/** A row of readStoredOfEntities' statement. */
export interface StoredOfEntityRow extends Record<string, unknown> {
  entity: Entity;
  id: string;
  record: Record<string, unknown>;
  field_clocks: FieldClocks;
  scope: Scope;
}

/**
 * The statement's parts (to join with UNION ALL) that read the named records: one per entity, each row
 * `entity, id, record, field_clocks, scope`; `lock` holds them.
 */
export function storedRecordParts(
  named: ReadonlyMap<Entity, Iterable<string>>,
  lock: boolean,
  params: StatementParams,
): string[] {
  const parts: string[] = [];
  for (const [entity, ids] of named) {
    const wanted = storableIds(entity, ids);
    if (wanted.length === 0) continue;
    const { table, idType } = describeEntity(entity).storage;
    parts.push(
      `SELECT '${entity}'::text AS entity, id::text AS id, record, field_clocks, scope FROM (
         SELECT * FROM ${table} WHERE id = ANY(${params.add(wanted)}::${idType}[])
         ${lock ? 'ORDER BY id FOR UPDATE' : ''}) AS t${parts.length + 1}`,
    );
  }
  return parts;
}

/** The rows of storedRecordParts, by entity, then id. */
export function storedByEntity(rows: Iterable<StoredOfEntityRow>): Map<Entity, Map<string, StoredRow>> {
  const found = new Map<Entity, Map<string, StoredRow>>();
  for (const row of rows) {
    const stored = found.get(row.entity) ?? new Map<string, StoredRow>();
    stored.set(row.id, { record: row.record, clocks: row.field_clocks, scope: row.scope });
    found.set(row.entity, stored);
  }
  return found;
}

/** readStored for several entities in one statement (one round trip): the records by entity, then id. */
export async function readStoredOfEntities(
  tx: Queryable,
  named: ReadonlyMap<Entity, Iterable<string>>,
  lock = false,
): Promise<Map<Entity, Map<string, StoredRow>>> {
  const params = new StatementParams();
  const parts = storedRecordParts(named, lock, params);
  if (parts.length === 0) return new Map();
  return storedByEntity(await tx.query<StoredOfEntityRow>(parts.join('\nUNION ALL\n'), params.values));
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

export const parentKey = (parent: ParentRef) => `${parent.entity}:${parent.id}`;

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
  const statement = new CombinedStatement();
  addRecordWrites(statement, entity, writes, options);
  logChanges(
    statement,
    writes.map((write) => ({ entity, id: write.id, scope: write.scope })),
  );
  await statement.run(tx);
}

/** writeRecords' upsert as part of a bigger statement (each record once); the caller logs the changes. */
export function addRecordWrites(
  statement: CombinedStatement,
  entity: Entity,
  writes: readonly RecordWrite[],
  options: WriteOptions = {},
): void {
  if (writes.length === 0) return;
  const { storage, appendOnly } = describeEntity(entity);
  const rows = writes.map((write) => ({
    id: write.id,
    scope: write.scope,
    parent: write.parent ? parentKey(write.parent) : null,
    record: write.record,
    clocks: write.clocks,
  }));
  statement.add(
    `INSERT INTO ${storage.table} (id, scope, parent_id, record, field_clocks)
     SELECT (w->>'id')::${storage.idType}, w->>'scope', w->>'parent', w->'record', w->'clocks'
     FROM jsonb_array_elements(${statement.param(JSON.stringify(rows))}::jsonb) AS w
     ON CONFLICT (id) DO ${
       appendOnly
         ? 'NOTHING'
         : `UPDATE SET scope = EXCLUDED.scope, parent_id = EXCLUDED.parent_id, record = EXCLUDED.record,
              field_clocks = ${
                options.keepClocks === true ? `${storage.table}.field_clocks` : 'EXCLUDED.field_clocks'
              },
              updated_at = now()`
     }`,
  );
}

export type DependantRow = {
  id: string;
  record: Record<string, unknown>;
  scope: Scope;
};

/** Records hanging from `parent` (its timeline notes, its conflicts), for moving them with it. */
export async function readDependants(
  tx: Queryable,
  entity: Entity,
  parent: ParentRef,
): Promise<DependantRow[]> {
  const { table } = describeEntity(entity).storage;
  return tx.query<DependantRow>(
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
  const statement = new CombinedStatement();
  addRescope(statement, entity, records);
  logChanges(
    statement,
    records.map((record) => ({ entity, id: record.id, scope: record.scope })),
  );
  await statement.run(tx);
}

/** rescope's update as part of a bigger statement; the caller logs the changes. */
export function addRescope(
  statement: CombinedStatement,
  entity: Entity,
  records: readonly { id: string; scope: Scope }[],
): void {
  if (records.length === 0) return;
  const { table, idType } = describeEntity(entity).storage;
  statement.add(
    `UPDATE ${table} t SET scope = n.scope, updated_at = now()
     FROM unnest(${statement.param(records.map((record) => record.id))}::text[],
       ${statement.param(records.map((record) => record.scope))}::text[]) AS n(id, scope)
     WHERE t.id = n.id::${idType}`,
  );
}

/**
 * Where the one write path (writeChange.ts) stores what it decided: straight away (`writeNow`), or held
 * until a whole push batch is decided and then written once per table (pendingWrites.ts).
 */
export interface RecordWriter {
  write(entity: Entity, writes: readonly RecordWrite[]): Promise<void>;
  /** Records hanging from `parent`, as they will be once this writer's writes are stored. */
  dependants(entity: Entity, parent: ParentRef): Promise<DependantRow[]>;
  rescope(entity: Entity, records: readonly { id: string; scope: Scope }[]): Promise<void>;
}

export const writeNow = (tx: Queryable): RecordWriter => ({
  write: (entity, writes) => writeRecords(tx, entity, writes),
  dependants: (entity, parent) => readDependants(tx, entity, parent),
  rescope: (entity, records) => rescope(tx, entity, records),
});
