// The one write path for a change to a synced record, whoever makes it (a device's push, the boundary
// importer): merge field by field with its clocks, check the whole record against the entity's schema,
// work out its scope, store it with its change-log row, move its dependants when its scope changed, and
// keep every losing value as a conflict.
import { mergeChange, type FieldConflict } from '../../domain/sync/merge.ts';
import { fieldErrors } from '../../domain/api/apiError.ts';
import { conflictSchema, type Conflict } from '../../domain/entities/conflict.ts';
import {
  dependantsOf,
  describeEntity,
  entityRegistry,
  isEntity,
  keyOf,
  type Entity,
  type ParentRef,
} from '../../domain/entities/registry.ts';
import type { Scope } from '../../domain/entities/scope.ts';
import { referencesIn, type Reference } from '../../domain/entities/references.ts';
import type { RecordWriter, StoredRow } from './recordStore.ts';
import type { PushHoldCode } from '../../domain/sync/mutation.ts';

/** A change refused for a reason the person can act on; push answers it as "rejected". */
export class Rejection extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
    /** A refusal the device can put right itself, then send the change again (mutation.ts). */
    readonly code?: PushHoldCode,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export interface ChangeToWrite {
  entity: Entity;
  id: string;
  stored: StoredRow | undefined;
  changes: Record<string, unknown>;
  hlc: string;
  base: Record<string, string>;
  /** Who made it, in words, kept with each field's clock. */
  by: string;
  /** Names the conflicts this change raises: the mutation's id, or the import run's. */
  changeId: string;
  /** The stored parent a dependant hangs from, if the writer may write under it. */
  parentScope(parent: ParentRef): Promise<StoredRow | undefined>;
  /** Throws when the writer may not move the record from scope `before` to `after`. */
  authorise?(before: Scope | undefined, after: Scope): void;
  /** Of the records the change names, those the server does not have (knownRecords.ts): refused. */
  unknownReferences?(references: readonly Reference[]): Promise<Reference[]>;
}

/** Somewhere to note what was written, so later changes in the same batch see it. */
interface WrittenRecords {
  set(entity: Entity, id: string, row: StoredRow): void;
}

export async function writeChange(
  writer: RecordWriter,
  written: WrittenRecords,
  change: ChangeToWrite,
): Promise<void> {
  const { entity, id, stored } = change;
  const description = describeEntity(entity);
  const merged = mergeChange(stored?.record ?? null, stored?.clocks ?? {}, change);
  const checked = description.schema.safeParse(merged.record);
  if (!checked.success) {
    const fields = fieldErrors(checked.error);
    throw new Rejection(`Please check: ${Object.keys(fields).join(', ')}.`, fields);
  }
  const record = checked.data as Record<string, unknown>;
  if (keyOf(entity, record) !== id) throw new Rejection('The change names a different record than it edits.');
  if (change.unknownReferences) await refuseUnknownReferences(change, record);

  const parent = description.parentOf?.(record) ?? null;
  let parentScope: Scope | undefined;
  if (parent) {
    const parentRow = await change.parentScope(parent);
    if (!parentRow) {
      const words = isEntity(parent.entity) ? describeEntity(parent.entity).words.one : 'record';
      throw new Rejection(`The ${words} this ${description.words.one} belongs to is not on the server.`);
    }
    parentScope = parentRow.scope;
  }
  const scope = description.scope(record, parentScope);
  change.authorise?.(stored ? stored.scope : undefined, scope);

  await writer.write(entity, [{ id, record, clocks: merged.clocks, scope, parent }]);
  written.set(entity, id, { record, clocks: merged.clocks, scope });
  if (stored && stored.scope !== scope) await moveDependants(writer, entity, id, scope);
  await keepConflicts(writer, change, merged.conflicts, scope, description.label(record));
}

/**
 * Refuses a change naming a record the server does not have, naming each such field. Only the fields
 * the change carries are looked at: a record stored before this check keeps what it named until edited.
 */
async function refuseUnknownReferences(
  change: ChangeToWrite,
  record: Record<string, unknown>,
): Promise<void> {
  const changed = Object.fromEntries(
    Object.keys(change.changes)
      .filter((field) => Object.hasOwn(record, field))
      .map((field) => [field, record[field]]),
  );
  const unknown = await change.unknownReferences!(referencesIn(change.entity, changed, record));
  if (unknown.length === 0) return;
  const fields = Object.fromEntries(
    unknown.map((reference) => [
      reference.field,
      `there is no ${reference.entity === 'person' ? 'person' : describeEntity(reference.entity).words.one} ${reference.id} on the server`,
    ]),
  );
  throw new Rejection(`Please check: ${Object.keys(fields).join(', ')} (not on the server).`, fields);
}

/** A record changed scope: its notes and conflicts go where it went (and leave where it was). */
async function moveDependants(writer: RecordWriter, entity: Entity, id: string, scope: Scope): Promise<void> {
  for (const dependant of dependantsOf(entity)) {
    const rows = await writer.dependants(dependant, { entity, id });
    const moved = rows
      .map((row) => ({
        id: row.id,
        before: row.scope,
        scope: describeEntity(dependant).scope(row.record, scope),
      }))
      .filter((row) => row.scope !== row.before);
    await writer.rescope(dependant, moved);
    for (const row of moved) await moveDependants(writer, dependant, row.id, row.scope);
  }
}

async function keepConflicts(
  writer: RecordWriter,
  change: ChangeToWrite,
  conflicts: readonly FieldConflict[],
  recordScope: Scope,
  recordLabel: string,
): Promise<void> {
  if (conflicts.length === 0) return;
  const kept = conflicts.map((conflict): Conflict =>
    conflictSchema.parse({
      id: `${change.changeId}:${conflict.field}`,
      entity: change.entity,
      recordId: change.id,
      recordLabel,
      field: conflict.field,
      keptValue: conflict.kept.value ?? null,
      keptBy: conflict.kept.by,
      keptAt: conflict.kept.hlc,
      otherValue: conflict.other.value ?? null,
      otherBy: conflict.other.by,
      otherAt: conflict.other.hlc,
      status: 'open',
      settledBy: null,
      settledAt: null,
    } satisfies Conflict),
  );
  const { conflict } = entityRegistry;
  await writer.write(
    'conflict',
    kept.map((record) => ({
      id: record.id,
      record,
      clocks: {},
      scope: conflict.scope(record, recordScope),
      parent: conflict.parentOf?.(record) ?? null,
    })),
  );
}
