// The one way the app changes data: the record and its outbox entry are written in one Dexie
// transaction, so a change is either stored and queued for the server, or neither. Only the fields
// that changed travel, with the clock stamps this device had for them (to spot conflicts), and each
// records who made it (workingAs.ts), so it is only ever sent under their own sign-in.
import { sameValue } from '../../domain/sync/merge.ts';
import type { MutableEntity } from '../../domain/sync/mutation.ts';
import {
  CLOCKS,
  clocksOf,
  readMeta,
  withClocks,
  type LocalDatabase,
  type OutboxEntry,
  type StoredSession,
} from './localDatabase.ts';
import { makerOfChange, NotSignedInError } from './workingAs.ts';
import { deviceId, nextStamp } from './device.ts';
import { requestBackgroundSync } from '../sync/backgroundSync.ts';

type AnyRecord = Record<string, unknown>;

/** Saves records made or edited on this device. Returns how many changes were queued. */
export async function saveRecords(
  db: LocalDatabase,
  entity: MutableEntity,
  records: readonly object[],
): Promise<number> {
  const { table, key } = db.tableOf(entity);
  let queued = 0;
  await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    await deviceId(db);
    const madeBy = makerOfChange(await readMeta<StoredSession>(db, 'session'));
    if (!madeBy) throw new NotSignedInError();
    for (const record of records as AnyRecord[]) {
      const id = String(record[key]);
      const existing = (await table.get(id)) as AnyRecord | undefined;
      const changes: AnyRecord = {};
      for (const [field, value] of Object.entries(record)) {
        // A record read from here carries its clocks, as they were when it was read: they are not a change.
        if (value === undefined || field === CLOCKS) continue;
        if (!existing || !sameValue(existing[field], value)) changes[field] = value;
      }
      if (Object.keys(changes).length === 0) continue;
      const stamp = await nextStamp(db);
      const clocks = clocksOf(existing);
      const base = Object.fromEntries(
        Object.keys(changes).flatMap((field) => (clocks[field] ? [[field, clocks[field]]] : [])),
      );
      const entry: OutboxEntry = {
        id: crypto.randomUUID(),
        entity,
        recordId: id,
        hlc: stamp,
        changes,
        base,
        queuedAt: new Date().toISOString(),
        madeBy,
      };
      // The next edit here builds on this one, not on what the server last said.
      const edited = {
        ...clocks,
        ...Object.fromEntries(Object.keys(changes).map((field) => [field, stamp])),
      };
      await table.put(withClocks({ ...(existing ?? {}), ...record }, edited));
      await db.outbox.add(entry);
      queued += 1;
    }
  });
  if (queued > 0) requestBackgroundSync();
  return queued;
}

export const saveRecord = (db: LocalDatabase, entity: MutableEntity, record: object) =>
  saveRecords(db, entity, [record]);
