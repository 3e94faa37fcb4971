// Bulk loads of records that come from a file or the demo seed rather than from a person's edit
// (wards, parishes, partners, contacts…): validated by the caller, stored through the same write as a
// push (scope from the registry, a change-log row each) in batches, keeping any field clocks.
import type { Queryable } from '../storage/database.ts';
import { describeEntity, keyOf, type Entity } from '../../domain/entities/registry.ts';
import { writeRecords } from '../sync/recordStore.ts';

// Large batches are split so one statement's JSON parameter stays a sensible size.
const BATCH = 2000;

export async function saveLoadedRecords(
  tx: Queryable,
  entity: Entity,
  records: readonly object[],
): Promise<void> {
  const description = describeEntity(entity);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH).map((record) => ({
      id: keyOf(entity, record),
      record: record as Record<string, unknown>,
      clocks: {},
      // Loaded records never hang from another, so they have no parent scope.
      scope: description.scope(record, undefined),
      parent: null,
    }));
    await writeRecords(tx, entity, batch, { keepClocks: true });
  }
}
