// A cheap phone with its storage full of photos: IndexedDB refuses every write. The person is told so in
// plain words (not "try again", which would never help), what they typed stays in the form, sync says
// why it cannot store what the server sent and keeps trying, and once space is freed everything saves
// and syncs. The full device is Chromium's own quota override (CDP), not a fake. Chromium reads an
// origin's quota when its IndexedDB opens, so the phone is full from a restart of the browser, and
// has room again from the next.
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  pressSyncNow,
  serverForSuite,
  signInSynced,
  waitForSynced,
} from './harness.ts';
import { fillNewRequest, logRequest, requestTitle, serverRecords, syncNow } from './requestSteps.ts';
import { storeRecords } from './deviceDatabase.ts';
import { aMutation } from '../support/records.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';

const RENAMED = 'Renamed while this phone was full';
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

/** An admin elsewhere renames a partner on the server, for this phone to pull. */
async function renameOnServer(url: string): Promise<void> {
  const partner = (await serverRecords(url, DEMO_DUTY.username, DEMO_DUTY.password)).find(
    (change) => change.entity === 'partner',
  );
  if (!partner) throw new Error('the demo has no partner to rename');
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: admin.username, password: admin.password }),
  });
  const { token } = (await login.json()) as { token: string };
  const pushed = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      clientId: 'admin-laptop',
      mutations: [aMutation('partner', partner.id, { name: RENAMED })],
    }),
  });
  const { results } = (await pushed.json()) as { results: { status: string; reason?: string }[] };
  if (results[0]?.status !== 'applied')
    throw new Error(`the rename was not applied: ${JSON.stringify(results)}`);
}

describe('a device whose storage is full', () => {
  const suite = serverForSuite();
  let open: BrowserContext | undefined;
  afterEach(async () => {
    await open?.close();
  });

  /** Starts the browser on `profile` and opens the app, its storage full or not. */
  async function openApp(profile: string, full: boolean) {
    open = await launchBrowser(profile);
    const page = await firstPage(open);
    if (full) {
      const cdp = await open.newCDPSession(page);
      const origin = new URL(suite.url()).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    }
    await page.goto(suite.url());
    return page;
  }

  it('says so, keeps what was typed, keeps syncing, and saves everything once there is room', async () => {
    const profile = await makeTempDir('storage-full');
    open = await launchBrowser(profile);
    await signInSynced(await firstPage(open), suite.url(), DEMO_DUTY);
    await open.close();

    const full = await openApp(profile, true);
    const request = { name: 'Storage Test' };
    await fillNewRequest(full, request);
    await full.getByRole('button', { name: 'Save request' }).click();
    await expect
      .poll(() => full.getByRole('alert').allTextContents())
      .toContainEqual(
        expect.stringMatching(
          /^The request could not be saved: this device's storage is full\. Free some space/,
        ),
      );
    expect(await full.getByLabel('First name or initials').inputValue()).toBe(request.name);

    // What the server sends cannot be stored either: the bar says why, and the detail what to do.
    await renameOnServer(suite.url());
    await pressSyncNow(full);
    const region = full.getByRole('region', { name: 'Sync status' });
    await region.getByText('Storage full on this device').waitFor();
    await region
      .getByText(/^The latest changes could not be stored: this device's storage is full\./)
      .waitFor();
    await open.close();

    const freed = await openApp(profile, false);
    await waitForSynced(freed);
    await logRequest(freed, request);
    await freed.getByRole('heading', { level: 1, name: requestTitle(request) }).waitFor();
    await syncNow(freed);
    expect(await freed.getByText('Storage full on this device').count()).toBe(0);
    const onServer = await serverRecords(suite.url(), DEMO_DUTY.username, DEMO_DUTY.password);
    expect(
      onServer.filter(
        (change) =>
          change.entity === 'request' && !change.deleted && change.record.forWhom.name === request.name,
      ),
    ).toHaveLength(1);
    const partners = await storeRecords<{ name: string }>(freed, 'partners');
    expect(partners.filter((partner) => partner.name === RENAMED)).toHaveLength(1);
  });
});
