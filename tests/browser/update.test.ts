// A new version deployed while a duty officer has work in hand (issue 12): build A serves; the server
// goes down; a request is logged (queued) and another is half typed; build B is deployed on the same
// address; the app says "A new version is ready — reload"; accepting reloads into build B, the half-typed
// form has its text back, and the queued request reaches the server.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  openNav,
  removeTempDirs,
  signInReadyOffline,
  startServer,
  syncStatus,
  type RunningServer,
} from './harness.ts';
import { logRequest, serverRecords, syncNow } from './requestSteps.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION_B = `9.9.9-update-test`;

/** The draft of a form as kept in the device database, read straight from IndexedDB. */
function readDraftName(page: Page, form: string): Promise<string | null> {
  return page.evaluate(
    (key) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve(null);
          const get = db.transaction('drafts').objectStore('drafts').get(key);
          get.onsuccess = () => {
            const draft = get.result as { values: { name?: string } } | undefined;
            resolve(draft?.values.name ?? null);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    form,
  );
}

describe('a new version deployed during work', () => {
  let serverA: RunningServer | undefined;
  let serverB: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let distB = '';

  beforeAll(async () => {
    // Build B: the same code with another version, as a deployment would ship it.
    distB = join(await makeTempDir('dist-b'), 'dist');
    await promisify(execFile)('npx', ['vite', 'build', '--outDir', distB, '--emptyOutDir'], {
      cwd: REPO_ROOT,
      env: { ...process.env, APP_VERSION: VERSION_B },
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await serverA?.stop();
    await serverB?.stop();
    await removeTempDirs();
  });

  it('offers the new version, and accepting it keeps the queued change and the half-typed form', async () => {
    serverA = await startServer();
    const url = serverA.url;
    const port = new URL(url).port;
    context = await launchBrowser(await makeTempDir('update-profile'));
    const page = await firstPage(context);
    await signInReadyOffline(page, url, DEMO_DUTY);

    // Build A's server goes away (a deployment): work goes on, on the phone.
    await serverA.stop();
    const queuedId = await logRequest(page, { name: 'Queued before update' });
    await syncStatus(page)
      .filter({ hasText: /waiting to send/ })
      .waitFor();
    await page.getByRole('link', { name: 'Requests', exact: true }).click();
    await page.getByRole('link', { name: 'Log a request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
    await page.getByLabel('First name or initials').fill('Half typed');
    await page.getByLabel('Address or directions (optional)').fill('12 Example Row');
    await expect.poll(() => readDraftName(page, '/requests/new'), { timeout: 10_000 }).toBe('Half typed');

    // Build B is deployed on the same address and data.
    serverB = await startServer({
      dataDir: serverA.dataDir,
      env: { PORT: port, DIST_DIR: distB, APP_VERSION: VERSION_B },
    });
    // The person comes back to the tab: the app looks for a new version.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = page.getByRole('region', { name: 'New version' });
    await banner.getByText('A new version is ready').waitFor({ timeout: 60_000 });

    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      banner.getByRole('button', { name: 'Reload' }).click(),
    ]);

    // Build B, with the form as it was typed.
    await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
    await expect.poll(() => page.getByLabel('First name or initials').inputValue()).toBe('Half typed');
    expect(await page.getByLabel('Address or directions (optional)').inputValue()).toBe('12 Example Row');
    await page.getByText('What you typed before was kept on this device').waitFor();
    expect(await page.getByRole('region', { name: 'New version' }).count()).toBe(0);
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll('script[src]')].map((script) => script.getAttribute('src')),
    );
    const builtB = await readFile(join(distB, 'index.html'), 'utf8');
    for (const src of scripts) expect(builtB).toContain(src);

    // The change queued under build A reaches the server from build B.
    await syncNow(page);
    const onServer = await serverRecords(url, DEMO_DUTY.username, DEMO_DUTY.password);
    expect(onServer.some((change) => change.entity === 'request' && change.id === queuedId)).toBe(true);

    // This device says which version it runs now.
    await openNav(page, 'This device');
    await page.getByRole('heading', { level: 1, name: 'This device' }).waitFor();
    await page.getByText(VERSION_B).first().waitFor();
  });
});
