// A lapsed sign-in loses nothing (sync invariant 7): the session ends on the server while the phone is
// offline with a request queued. Back online, the app keeps working, asks the person to sign in
// again, and only then pushes the queue; signing in as the same person keeps the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  pressSyncNow,
  removeTempDirs,
  signInSynced,
  startServer,
  syncStatus,
  waitForServiceWorkerControl,
  waitForSynced,
  type RunningServer,
} from './harness.ts';
import { logRequest, serverRecords, syncNow } from './requestSteps.ts';

describe('a sign-in that lapses while offline', () => {
  let server: RunningServer;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    context = await launchBrowser(await makeTempDir('lapsed-profile'));
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('keeps the queued request, asks to sign in again, then pushes it', async () => {
    const page = await firstPage(context);
    await signInSynced(page, server.url, DEMO_DUTY);
    await waitForServiceWorkerControl(page);
    await waitForSynced(page);

    await context.setOffline(true);
    const id = await logRequest(page, { name: 'Lapsed-JD' });
    await syncStatus(page)
      .filter({ hasText: /[1-9]\d* requests? waiting to send/ })
      .waitFor();

    // The session ends on the server (as when it expires) while the phone is offline.
    const token = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('resilience-hub');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('session');
            get.onsuccess = () => resolve((get.result as { value: { token: string } }).value.token);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    const ended = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(ended.status).toBe(204);

    await context.setOffline(false);
    await pressSyncNow(page);
    const banner = page.getByRole('alert').filter({ hasText: 'Your sign-in has expired' });
    await banner.waitFor();
    // Still working: the request is on screen and still queued, not dropped.
    await page.goto(`${server.url}/requests/${id}`);
    await page.getByRole('heading', { level: 1, name: /for Lapsed-JD/ }).waitFor();
    await syncStatus(page)
      .filter({ hasText: /[1-9]\d* requests? waiting to send/ })
      .waitFor();
    expect((await serverRecords(server.url, 'admin', 'demo-admin-2026')).some((c) => c.id === id)).toBe(
      false,
    );

    await page.getByRole('link', { name: 'Sign in again to sync' }).click();
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe(DEMO_DUTY.username);
    await page.getByLabel('Password').fill(DEMO_DUTY.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await syncNow(page);

    const onServer = await serverRecords(server.url, 'admin', 'demo-admin-2026');
    expect(
      onServer.some((change) => change.entity === 'request' && change.id === id && !change.deleted),
    ).toBe(true);
  });
});
