// Reading the app's IndexedDB from a test, as the browser holds it: how many records each store has,
// and the records of one store; and the half-typed forms kept in the device's own database. Used to
// prove what a device keeps and what it no longer holds.
import type { Page } from 'playwright-core';

export async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const counts: Record<string, number> = {};
          if (names.length === 0) return resolve(counts);
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export async function storeRecords<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** The half-typed forms this device keeps (its own small database, not the synced copy), by form. */
export async function keptDrafts(page: Page): Promise<Record<string, Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) {
            db.close();
            return resolve({});
          }
          const request = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          request.onsuccess = () => {
            db.close();
            const drafts = request.result as { form: string; values: Record<string, unknown> }[];
            resolve(Object.fromEntries(drafts.map((draft) => [draft.form, draft.values])));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
