// The writes of one push batch, held in memory while its mutations are decided one after another, then
// stored in one go: parts of one statement (an upsert per table, one change-log write for them all).
// A record changed twice in the batch is written once, as it ended up; a mutation that is refused takes
// back what it had added (mark/undo), so only the applied ones reach the database. An edit of a record
// the batch read (and locked) is stored as what it changed (recordPatch.ts), a new record whole.
import type { Queryable } from '../storage/database.ts';
import { describeEntity, ENTITIES, type Entity, type ParentRef } from '../../domain/entities/registry.ts';
import type { Scope } from '../../domain/entities/scope.ts';
import type { CombinedStatement } from '../storage/combinedStatement.ts';
import { logChanges, type LoggedChange } from '../storage/changeLog.ts';
import { addRecordPatches, patchOf, type RecordPatch } from './recordPatch.ts';
import {
  addRecordWrites,
  addRescope,
  parentKey,
  readDependants,
  type DependantRow,
  type RecordWrite,
  type RecordWriter,
  type StoredRow,
} from './recordStore.ts';

const keyOf = (entity: Entity, id: string) => `${entity}:${id}`;

interface Written {
  entity: Entity;
  write: RecordWrite;
}

/** Stored records (not written in this batch) that only move to another scope. */
interface Moved {
  entity: Entity;
  id: string;
  scope: Scope;
}

export class PendingWrites implements RecordWriter {
  private readonly written = new Map<string, Written>();
  private readonly moved = new Map<string, Moved>();
  /** What each change replaced, newest last, so a refused mutation's writes can be taken back. */
  private readonly replaced: (() => void)[] = [];

  constructor(
    private readonly tx: Queryable,
    /** The database's row of a record the batch read and locked (BatchRecords.stored). */
    private readonly storedRow: (entity: Entity, id: string) => StoredRow | undefined,
  ) {}

  private put<T>(map: Map<string, T>, key: string, value: T | undefined): void {
    const before = map.get(key);
    this.replaced.push(() => (before === undefined ? map.delete(key) : map.set(key, before)));
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  write(entity: Entity, writes: readonly RecordWrite[]): Promise<void> {
    for (const write of writes) {
      const key = keyOf(entity, write.id);
      this.put(this.moved, key, undefined);
      this.put(this.written, key, { entity, write });
    }
    return Promise.resolve();
  }

  /** What is stored under `parent`, with this batch's writes and moves laid over it. */
  async dependants(entity: Entity, parent: ParentRef): Promise<DependantRow[]> {
    const rows = new Map((await readDependants(this.tx, entity, parent)).map((row) => [row.id, row]));
    for (const [id, row] of rows) {
      const moved = this.moved.get(keyOf(entity, id));
      if (moved) rows.set(id, { ...row, scope: moved.scope });
    }
    const under = parentKey(parent);
    for (const held of this.written.values()) {
      const { write } = held;
      if (held.entity === entity && write.parent && parentKey(write.parent) === under)
        rows.set(write.id, { id: write.id, record: write.record, scope: write.scope });
    }
    return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  rescope(entity: Entity, records: readonly { id: string; scope: Scope }[]): Promise<void> {
    for (const { id, scope } of records) {
      const key = keyOf(entity, id);
      const written = this.written.get(key);
      if (written) this.put(this.written, key, { entity, write: { ...written.write, scope } });
      else this.put(this.moved, key, { entity, id, scope });
    }
    return Promise.resolve();
  }

  /** A point to go back to. */
  mark(): number {
    return this.replaced.length;
  }

  /** Takes back every write and move since `mark`, newest first. */
  undo(mark: number): void {
    while (this.replaced.length > mark) this.replaced.pop()!();
  }

  /**
   * Adds everything held to `statement`: per table one upsert of new records (and those written
   * whole), one update of the patched, and one change-log write for all.
   */
  addTo(statement: CombinedStatement): void {
    const logged: LoggedChange[] = [];
    for (const entity of ENTITIES) {
      const writes = [...this.written.values()]
        .filter((held) => held.entity === entity)
        .map((held) => held.write);
      const whole: RecordWrite[] = [];
      const patches: RecordPatch[] = [];
      for (const write of writes) {
        const stored = this.storedRow(entity, write.id);
        const patch = stored && !describeEntity(entity).appendOnly && patchOf(stored, write);
        if (patch) patches.push(patch);
        else whole.push(write);
        const { id, scope } = write;
        logged.push(stored ? { entity, id, scope, storedScope: stored.scope } : { entity, id, scope });
      }
      addRecordWrites(statement, entity, whole);
      addRecordPatches(statement, entity, patches);
      const moved = [...this.moved.values()].filter((held) => held.entity === entity);
      addRescope(statement, entity, moved);
      for (const { id, scope } of moved) logged.push({ entity, id, scope });
    }
    logChanges(statement, logged);
  }
}
