// A device whose local database is lost comes back whole (issue 12). Deleted outright with the server
// reachable: the app signs itself back in, pulls everything afresh and says what happened. Emptied but
// for its outbox (the sign-in and the records gone): the queued change survives and reaches the server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  serverForSuite,
  signInReadyOffline,
  signInSynced,
  syncStatus,
  waitForSynced,
} from './harness.ts';
import { logRequest, serverRecords, syncNow } from './requestSteps.ts';

const COUNT_TEXT = /^(\d+) partners$/;

async function partnerCount(page: Page): Promise<number> {
  await page.goto(new URL('/partners', page.url()).toString());
  const line = page.getByText(COUNT_TEXT);
  await line.waitFor({ timeout: 60_000 });
  return Number(COUNT_TEXT.exec((await line.textContent()) ?? '')?.[1]);
}

/** Deletes the app's IndexedDB database, as a browser short of space (or a person) would. */
function deleteLocalDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('resilience-hub');
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => reject(request.error);
        request.onblocked = () => resolve('blocked');
      }),
  );
}

/** Empties every store of the app's database except the outbox: the copy half lost. */
function emptyAllButOutbox(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames].filter((name) => name !== 'outbox');
          const transaction = db.transaction([...stores, 'outbox'], 'readwrite');
          for (const name of stores) transaction.objectStore(name).clear();
          const count = transaction.objectStore('outbox').count();
          transaction.oncomplete = () => {
            db.close();
            resolve(count.result);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

describe('a device whose local database was lost', () => {
  const suite = serverForSuite();

  it('comes back whole when the database is deleted, and says so', async () => {
    const page = await firstPage(await suite.launch('recovery-deleted'));
    await signInSynced(page, suite.url(), DEMO_DUTY);
    const before = await partnerCount(page);
    expect(before).toBeGreaterThan(0);

    expect(await deleteLocalDatabase(page)).toBe('deleted');
    await page.reload();

    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const notice = page.getByRole('region', { name: 'Device recovered' });
    await notice.getByText(/had been deleted/).waitFor();
    await waitForSynced(page);
    expect(await partnerCount(page)).toBe(before);
    // Said once: OK puts it away, and it stays away after a reload.
    await page.getByRole('region', { name: 'Device recovered' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('region', { name: 'Device recovered' }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.getByRole('region', { name: 'Device recovered' }).count()).toBe(0);
  });

  it('keeps an outbox that survived, and sends it', async () => {
    const context = await suite.launch('recovery-outbox');
    const page = await firstPage(context);
    await signInReadyOffline(page, suite.url(), DEMO_DUTY);
    // Offline: the request waits in the outbox.
    await context.setOffline(true);
    const queuedId = await logRequest(page, { name: 'Survived the loss' });
    await syncStatus(page)
      .filter({ hasText: /waiting to send/ })
      .waitFor();

    const queued = await emptyAllButOutbox(page);
    expect(queued).toBeGreaterThan(0);
    await context.setOffline(false);
    await page.reload();

    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page
      .getByRole('region', { name: 'Device recovered' })
      .getByText(`${queued} change${queued === 1 ? '' : 's'} waiting to send survived and will be sent`)
      .waitFor();
    await syncNow(page);
    const onServer = await serverRecords(suite.url(), DEMO_DUTY.username, DEMO_DUTY.password);
    expect(onServer.some((change) => change.entity === 'request' && change.id === queuedId)).toBe(true);
    expect(await partnerCount(page)).toBeGreaterThan(0);
  });
});
