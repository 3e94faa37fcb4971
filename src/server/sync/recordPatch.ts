// Storing an edit of a stored record as what it changed, not the whole record: the top-level fields
// (and field clocks) that differ from the row as read, laid over the stored row in SQL. A push of a
// hundred renames then sends a few kilobytes instead of every record whole, which is most of what it
// costs to hand the statement to the database (PGlite serialises every parameter in JavaScript).
//
// Sound only because the row in the database is the row the difference was taken from: push reads
// each record it writes with FOR UPDATE (batchRecords.ts), so nobody changes or removes it before the
// transaction ends. A record that loses a field is written whole (a patch only adds and replaces).
import type { CombinedStatement } from '../storage/combinedStatement.ts';
import { describeEntity, type Entity } from '../../domain/entities/registry.ts';
import { sameValue, type FieldClocks } from '../../domain/sync/merge.ts';
import { parentKey, type RecordWrite, type StoredRow } from './recordStore.ts';

export interface RecordPatch {
  write: RecordWrite;
  /** The fields whose value differs from the stored record's (whole values, top level only). */
  fields: Record<string, unknown>;
  clocks: FieldClocks;
}

/** What `write` changes in `stored`, or null when only a whole write can say it (a field is gone). */
export function patchOf(stored: StoredRow, write: RecordWrite): RecordPatch | null {
  const fields = changedFields(stored.record, write.record);
  const clocks = fields && changedFields(stored.clocks, write.clocks);
  return fields && clocks ? { write, fields, clocks: clocks as FieldClocks } : null;
}

/**
 * The top-level entries of `after` that differ from `before` (as JSON: a field whose value is
 * undefined is not stored), or null when `before` has a field `after` lacks.
 */
function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  for (const field of Object.keys(before))
    if (before[field] !== undefined && (!Object.hasOwn(after, field) || after[field] === undefined))
      return null;
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(before, field) || !sameValue(before[field], value)) changed[field] = value;
  }
  return changed;
}

/** Lays each patch over its stored row, in one part of `statement` (the rows must exist, locked). */
export function addRecordPatches(
  statement: CombinedStatement,
  entity: Entity,
  patches: readonly RecordPatch[],
): void {
  if (patches.length === 0) return;
  const { table, idType } = describeEntity(entity).storage;
  const rows = patches.map(({ write, fields, clocks }) => ({
    id: write.id,
    scope: write.scope,
    parent: write.parent ? parentKey(write.parent) : null,
    fields,
    clocks,
  }));
  statement.add(
    `UPDATE ${table} AS t SET scope = p.scope, parent_id = p.parent, record = t.record || p.fields,
       field_clocks = t.field_clocks || p.clocks, updated_at = now()
     FROM jsonb_to_recordset(${statement.param(JSON.stringify(rows))}::jsonb)
       AS p(id text, scope text, parent text, fields jsonb, clocks jsonb)
     WHERE t.id = p.id::${idType}`,
  );
}
