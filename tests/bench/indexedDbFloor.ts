// The floor under a first pull: the same records written straight into a fresh IndexedDB in the same
// Chromium, one object store per entity, one transaction, no indexes, no sync and no checks. No way of
// getting those records onto a device can beat it, so a pull's time over it compares across machines.
import type { Page } from 'playwright-core';
import type { PulledRecord } from '../support/borough.ts';

/** Seconds to put `records` into a fresh IndexedDB in one transaction: the floor under a first pull. */
export async function timeRawWrites(page: Page, records: PulledRecord[]): Promise<number> {
  const byEntity: Record<string, Record<string, unknown>[]> = {};
  for (const { entity, record } of records) (byEntity[entity] ??= []).push(record);
  const ms = await page.evaluate(async (stores) => {
    const names = Object.keys(stores);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(`floor-${Math.random()}`, 1);
      opening.onupgradeneeded = () => {
        for (const name of names)
          opening.result.createObjectStore(name, {
            keyPath: name === 'ward' || name === 'parish' ? 'code' : 'id',
          });
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(names, 'readwrite');
      for (const name of names) {
        const store = transaction.objectStore(name);
        for (const row of stores[name]!) store.put(row);
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  }, byEntity);
  return ms / 1000;
}
