// The records one push touches, read once for the whole batch and kept up to date as its mutations
// apply, so a later mutation in the batch sees an earlier one (a request, then its first note).
import type { Queryable } from '../storage/database.ts';
import type { Entity } from '../../domain/entities/registry.ts';
import { readStored, type StoredRow } from './recordStore.ts';

const keyOf = (entity: Entity, id: string) => `${entity}:${id}`;

export class BatchRecords {
  /** What each set replaced, newest last, so a refused mutation's sets can be undone. */
  private readonly replaced: [key: string, before: StoredRow | null | undefined][] = [];

  /** Each record as read from the database (and locked), before this batch changed it. */
  private readonly read = new Map<string, StoredRow | null>();

  private constructor(
    private readonly tx: Queryable,
    private readonly rows: Map<string, StoredRow | null>,
  ) {
    for (const [key, row] of rows) this.read.set(key, row);
  }

  /** The named records as `stored` has them (read and locked by the caller); the rest are none. */
  static of(
    tx: Queryable,
    named: Map<Entity, Set<string>>,
    stored: Map<Entity, Map<string, StoredRow>>,
  ): BatchRecords {
    const rows = new Map<string, StoredRow | null>();
    for (const [entity, ids] of named)
      for (const id of ids) rows.set(keyOf(entity, id), stored.get(entity)?.get(id) ?? null);
    return new BatchRecords(tx, rows);
  }

  get(entity: Entity, id: string): StoredRow | undefined {
    return this.rows.get(keyOf(entity, id)) ?? undefined;
  }

  /** A record not named up front (a parent only its stored child names) is read when first asked for. */
  async fetch(entity: Entity, id: string): Promise<StoredRow | undefined> {
    const key = keyOf(entity, id);
    if (!this.rows.has(key)) {
      const row = (await readStored(this.tx, entity, [id], true)).get(id) ?? null;
      this.rows.set(key, row);
      this.read.set(key, row);
    }
    return this.get(entity, id);
  }

  /** The record as it is in the database: as read and locked, whatever this batch has set since. */
  stored(entity: Entity, id: string): StoredRow | undefined {
    return this.read.get(keyOf(entity, id)) ?? undefined;
  }

  set(entity: Entity, id: string, row: StoredRow): void {
    const key = keyOf(entity, id);
    this.replaced.push([key, this.rows.get(key)]);
    this.rows.set(key, row);
  }

  /** A point to go back to (cheaper than copying every record for each mutation). */
  mark(): number {
    return this.replaced.length;
  }

  /** Undoes every set since `mark`, newest first. */
  undo(mark: number): void {
    while (this.replaced.length > mark) {
      const [key, before] = this.replaced.pop()!;
      if (before === undefined) this.rows.delete(key);
      else this.rows.set(key, before);
    }
  }
}
