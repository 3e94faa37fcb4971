// Two people, two devices, no signal: both log a request and both change the status of the same
// request. When they reconnect, both devices end with the same data (both new requests, one status,
// every timeline line) and the losing status is shown as a conflict on both, naming the other value.
// Settling it on one device settles it on the other after a sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signInReadyOffline,
  startServer,
  syncStatus,
  type RunningServer,
} from './harness.ts';
import { axeViolations } from './pageChecks.ts';
import {
  logRequest,
  openNav,
  requestTitle,
  shownStatus,
  statusGroup,
  syncNow,
  timeline,
} from './requestSteps.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const SHARED = { name: 'Shared RQ' };
const FROM_DUTY = { name: 'Duty offline' };
const FROM_ADMIN = { name: 'Admin offline', need: 'Welfare check' };

describe('two devices offline, then reconciled', () => {
  let server: RunningServer | undefined;
  let duty: BrowserContext | undefined;
  let admin: BrowserContext | undefined;
  let sharedId = '';

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await duty?.close();
    await admin?.close();
    await server?.stop();
    await removeTempDirs();
  });

  const pages = async (): Promise<{ url: string; dutyPage: Page; adminPage: Page }> => {
    if (!server || !duty || !admin) throw new Error('an earlier step did not start both devices');
    return { url: server.url, dutyPage: await firstPage(duty), adminPage: await firstPage(admin) };
  };

  const openShared = async (page: Page, url: string) => {
    await page.goto(`${url}/requests/${sharedId}`);
    await page.getByRole('heading', { level: 1, name: requestTitle(SHARED) }).waitFor();
  };

  it('both devices sign in online and both hold the same shared request', async () => {
    if (!server) throw new Error('server not started');
    duty = await launchBrowser(await makeTempDir('profile-duty'));
    admin = await launchBrowser(await makeTempDir('profile-admin'));
    const { url, dutyPage, adminPage } = await pages();
    for (const [page, user] of [
      [dutyPage, DEMO_DUTY],
      [adminPage, DEMO_ADMIN],
    ] as const) {
      await signInReadyOffline(page, url, user);
    }

    sharedId = await logRequest(dutyPage, SHARED);
    await syncNow(dutyPage);
    await syncNow(adminPage);
    await openNav(adminPage, 'Requests');
    await adminPage.getByRole('link', { name: requestTitle(SHARED) }).click();
    await adminPage.getByRole('heading', { level: 1, name: requestTitle(SHARED) }).waitFor();
    expect(await shownStatus(adminPage)).toBe('New');
  });

  it('offline, each logs a request and sets the shared request to a different status', async () => {
    const { dutyPage, adminPage } = await pages();
    await duty?.setOffline(true);
    await admin?.setOffline(true);
    for (const page of [dutyPage, adminPage])
      await syncStatus(page)
        .filter({ hasText: /^Offline/ })
        .waitFor();

    await logRequest(dutyPage, FROM_DUTY);
    await logRequest(adminPage, FROM_ADMIN);
    // The pages are already open, so the app needs no network to move between screens.
    await openNav(dutyPage, 'Requests');
    await dutyPage.getByRole('link', { name: requestTitle(SHARED) }).click();
    await statusGroup(dutyPage).getByRole('button', { name: 'In progress' }).click();
    await openNav(adminPage, 'Requests');
    await adminPage.getByRole('link', { name: requestTitle(SHARED) }).click();
    await statusGroup(adminPage).getByRole('button', { name: 'Done' }).click();

    // The pressed status follows the saved record, so it changes once the save is done.
    await statusGroup(dutyPage).getByRole('button', { name: 'In progress', pressed: true }).waitFor();
    await statusGroup(adminPage).getByRole('button', { name: 'Done', pressed: true }).waitFor();
    expect(await shownStatus(dutyPage)).toBe('In progress');
    expect(await shownStatus(adminPage)).toBe('Done');
    // Each device queued its new request, its "logged" line, the status change and its line: four
    // changes to two requests, in the words of what was done.
    for (const page of [dutyPage, adminPage])
      await syncStatus(page)
        .filter({ hasText: /2 requests waiting to send/ })
        .waitFor();
  });

  it('after reconnecting, both devices hold the same data and both show the conflict', async () => {
    const { url, dutyPage, adminPage } = await pages();
    await duty?.setOffline(false);
    await admin?.setOffline(false);
    await syncNow(dutyPage);
    await syncNow(adminPage);
    await syncNow(dutyPage);
    // The conflict reaches each device with the other's changes.
    for (const page of [dutyPage, adminPage])
      await page.getByRole('link', { name: /1 conflict to settle/ }).waitFor({ timeout: 60_000 });

    const statuses: string[] = [];
    for (const page of [dutyPage, adminPage]) {
      await openNav(page, 'Requests');
      await page.getByRole('button', { name: 'Mine' }).waitFor();
      // Both new requests are on both devices (they are open; the shared one may now be done).
      for (const request of [FROM_DUTY, FROM_ADMIN])
        await page
          .getByRole('list', { name: 'Open requests' })
          .getByRole('link', { name: requestTitle(request) })
          .waitFor();

      await openShared(page, url);
      statuses.push(await shownStatus(page));
      // Nothing lost: both status changes are on the timeline.
      for (const line of ['Status changed to In progress', 'Status changed to Done'])
        await timeline(page).getByText(line).waitFor();

      const conflicts = page.getByRole('list', { name: 'Conflicts on this request' }).getByRole('listitem');
      expect(await conflicts.count()).toBe(1);
      const text = (await conflicts.first().textContent()) ?? '';
      expect(text).toContain('status');
      // The kept value and the other value are both named, in words, with who set each.
      const kept = statuses[statuses.length - 1] ?? '';
      const other = kept === 'Done' ? 'In progress' : 'Done';
      expect(text).toMatch(new RegExp(`Kept${kept} — set by`));
      expect(text).toMatch(new RegExp(`The other value${other} — set by`));
      expect(text).toContain('Sam Patel');
      expect(text).toContain('Alex Morgan');

      await page.getByRole('link', { name: /1 conflict to settle/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Sync issues' }).waitFor();
      const listed = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
      expect(await listed.count()).toBe(1);
      expect(await listed.first().textContent()).toContain(other);
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(statuses[0]).toBe(statuses[1]);
    expect(['In progress', 'Done']).toContain(statuses[0]);
  });

  it('settled on one device, the conflict is settled on the other after a sync', async () => {
    const { url, dutyPage, adminPage } = await pages();
    const card = dutyPage.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await card.getByRole('button', { name: /^Keep this/ }).click();
    await dutyPage.getByText('No conflicts to settle.').waitFor();
    await syncNow(dutyPage);
    await syncNow(adminPage);
    await adminPage.getByText('No conflicts to settle.').waitFor();
    expect(await adminPage.getByRole('link', { name: /conflict to settle/ }).count()).toBe(0);

    // Both still agree on the status that was kept.
    await openShared(dutyPage, url);
    await openShared(adminPage, url);
    expect(await shownStatus(dutyPage)).toBe(await shownStatus(adminPage));
    expect(await dutyPage.getByRole('list', { name: 'Conflicts on this request' }).count()).toBe(0);
  });
});
