// The records one push touches, read once for the whole batch and kept up to date as its mutations
// apply, so a later mutation in the batch sees an earlier one (a request, then its first note).
import type { Queryable } from '../storage/database.ts';
import type { Entity } from '../../domain/entities/registry.ts';
import { readStored, type StoredRow } from './recordStore.ts';

const keyOf = (entity: Entity, id: string) => `${entity}:${id}`;

export class BatchRecords {
  private constructor(
    private readonly tx: Queryable,
    private rows: Map<string, StoredRow | null>,
  ) {}

  /** Reads (and locks) every named record; a name with no record is remembered as none. */
  static async read(tx: Queryable, named: Map<Entity, Set<string>>): Promise<BatchRecords> {
    const rows = new Map<string, StoredRow | null>();
    for (const [entity, ids] of named) {
      const stored = await readStored(tx, entity, ids, true);
      for (const id of ids) rows.set(keyOf(entity, id), stored.get(id) ?? null);
    }
    return new BatchRecords(tx, rows);
  }

  get(entity: Entity, id: string): StoredRow | undefined {
    return this.rows.get(keyOf(entity, id)) ?? undefined;
  }

  /** A record not named up front (a parent only its stored child names) is read when first asked for. */
  async fetch(entity: Entity, id: string): Promise<StoredRow | undefined> {
    const key = keyOf(entity, id);
    if (!this.rows.has(key))
      this.rows.set(key, (await readStored(this.tx, entity, [id], true)).get(id) ?? null);
    return this.get(entity, id);
  }

  set(entity: Entity, id: string, row: StoredRow): void {
    this.rows.set(keyOf(entity, id), row);
  }

  snapshot(): Map<string, StoredRow | null> {
    return new Map(this.rows);
  }

  restore(snapshot: Map<string, StoredRow | null>): void {
    this.rows = snapshot;
  }
}
