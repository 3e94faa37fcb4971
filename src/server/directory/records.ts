// Bulk loads of records that come from a file or the demo seed rather than from a person's edit
// (wards, parishes, partners, contacts…): validated by the caller, stored through the same write as a
// push (scope from the registry, with the parent's scope for records that hang from another, and a
// change-log row each) in batches, keeping any field clocks.
import type { Queryable } from '../storage/database.ts';
import {
  describeEntity,
  isEntity,
  keyOf,
  type Entity,
  type ParentRef,
} from '../../domain/entities/registry.ts';
import type { Scope } from '../../domain/entities/scope.ts';
import { readStored, writeRecords } from '../sync/recordStore.ts';

// Large batches are split so one statement's JSON parameter stays a sensible size.
const BATCH = 2000;

/** The stored scope of each parent named, by '<entity>:<id>'. */
async function parentScopes(tx: Queryable, parents: readonly ParentRef[]): Promise<Map<string, Scope>> {
  const scopes = new Map<string, Scope>();
  const byEntity = new Map<Entity, string[]>();
  for (const parent of parents)
    if (isEntity(parent.entity))
      byEntity.set(parent.entity, [...(byEntity.get(parent.entity) ?? []), parent.id]);
  for (const [entity, ids] of byEntity)
    for (const [id, row] of await readStored(tx, entity, ids)) scopes.set(`${entity}:${id}`, row.scope);
  return scopes;
}

export async function saveLoadedRecords(
  tx: Queryable,
  entity: Entity,
  records: readonly object[],
): Promise<void> {
  const description = describeEntity(entity);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const parents = batch.map((record) => description.parentOf?.(record) ?? null);
    const scopes = await parentScopes(
      tx,
      parents.filter((parent): parent is ParentRef => parent !== null),
    );
    const writes = batch.map((record, index) => {
      const parent = parents[index] ?? null;
      return {
        id: keyOf(entity, record),
        record: record as Record<string, unknown>,
        clocks: {},
        scope: description.scope(record, parent ? scopes.get(`${parent.entity}:${parent.id}`) : undefined),
        parent,
      };
    });
    await writeRecords(tx, entity, writes, { keepClocks: true });
  }
}
