// The walking skeleton's promise, in a real Chromium: after one online visit the duty officer can read
// partners, search them, open one and tap its number, and see the wards — with the network off, after a
// reload, and after the browser restarts while the server is stopped. Also: a wrong password is explained,
// and signing in sends a proof made on the phone, not the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  mainNav,
  openNav,
  makeTempDir,
  removeTempDirs,
  signIn,
  startServer,
  submitSignIn,
  syncStatus,
  waitForServiceWorkerControl,
  waitForSynced,
  type RunningServer,
} from './harness.ts';

const COUNT_TEXT = /^(\d+) partners$/;

function partnerList(page: Page) {
  return page.getByRole('list', { name: 'Partners' });
}

/** The partner list draws this many rows at a time ("Show more" for the rest). */
const PAGE = 100;

/** The "150 partners" line, as a number; waits for it to show. */
async function shownPartnerCount(page: Page): Promise<number> {
  const count = page.getByText(COUNT_TEXT);
  await count.waitFor();
  const match = COUNT_TEXT.exec((await count.textContent()) ?? '');
  if (!match?.[1]) throw new Error('the partner count line did not read "<n> partners"');
  return Number(match[1]);
}

/** The digits of "Call 01632 960123" (or "+44 …"), as a tel: href would carry them. */
const dialDigits = (text: string) => text.replace(/^Call (out of hours )?/, '').replace(/\s+/g, '');

async function expectPartnerPage(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const call = page.getByRole('link', { name: /^Call [+\d]/ });
  expect(await call.count(), 'one "Call <number>" link for the main phone').toBe(1);
  const text = (await call.textContent()) ?? '';
  const href = await call.getAttribute('href');
  expect(href).toMatch(/^tel:\+?\d{6,}$/);
  expect(href).toBe(`tel:${dialDigits(text)}`);
}

describe('offline walking skeleton (duty officer)', () => {
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let profileDir = '';
  /** Learned online, checked offline. */
  let totalPartners = 0;
  let chosen: { name: string; href: string } = { name: '', href: '' };

  beforeAll(async () => {
    server = await startServer();
    profileDir = await makeTempDir('profile');
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  const running = (): { server: RunningServer; context: BrowserContext } => {
    if (!server || !context) throw new Error('an earlier step did not start the server and the browser');
    return { server, context };
  };

  it('refuses a wrong password with a plain-words message', async () => {
    if (!server) throw new Error('server not started');
    const otherProfile = await makeTempDir('profile-wrong-password');
    const browser = await launchBrowser(otherProfile);
    try {
      const page = await firstPage(browser);
      await page.goto(server.url);
      await submitSignIn(page, DEMO_DUTY.username, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const message = ((await alert.textContent()) ?? '').trim();
      expect(message).toMatch(/username and password do not match/i);
      // Plain words: no status codes, exception names or transport jargon.
      expect(message).not.toMatch(/\b(401|40\d|50\d|error|exception|fetch|json|undefined|null)\b/i);
      // Still on the sign-in screen, not signed in.
      expect(await page.getByRole('heading', { name: 'Sign in to Resilience Hub' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('cut off before the app was saved: a screen not yet fetched says so, the rest stays, and it opens once the signal returns', async () => {
    if (!server) throw new Error('server not started');
    // No service worker: as a first visit whose install was cut short. Screens load their code on demand.
    const browser = await launchBrowser(await makeTempDir('profile-cut-off'), { serviceWorkers: 'block' });
    try {
      const page = await firstPage(browser);
      await page.goto(server.url);
      await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
      await waitForSynced(page);
      // One screen opened while online (its code fetched), one never opened (the map).
      await openNav(page, 'Find help');
      await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
      await browser.setOffline(true);
      await openNav(page, 'Map');
      await page.getByRole('heading', { level: 1, name: 'This screen could not open' }).waitFor();
      expect(
        await page.getByRole('alert').filter({ hasText: 'not been saved on this device yet' }).count(),
      ).toBe(1);
      // The app is still there: the tab bar works and a screen already opened still opens.
      await openNav(page, 'Find help');
      await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();

      await openNav(page, 'Map');
      await page.getByRole('heading', { level: 1, name: 'This screen could not open' }).waitFor();
      await browser.setOffline(false);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 1, name: /map/i }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it('signs in online with a proof, not the password, downloads the directory and is controlled by the service worker', async () => {
    if (!server) throw new Error('server not started');
    context = await launchBrowser(profileDir);
    const page = await firstPage(context);
    await page.goto(server.url);
    const signInSent: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/login')) signInSent.push(request.postDataJSON());
    });
    await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
    // The phone made the scrypt itself (sign-in salt): the password never left it.
    expect(signInSent).toEqual([
      { username: DEMO_DUTY.username, proof: expect.stringMatching(/^[\w+/]{43}=$/) },
    ]);

    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await openNav(page, 'Partners');
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    await waitForSynced(page);
    totalPartners = await shownPartnerCount(page);
    expect(totalPartners).toBeGreaterThanOrEqual(100);
    expect(await partnerList(page).getByRole('listitem').count()).toBe(Math.min(totalPartners, PAGE));

    await waitForServiceWorkerControl(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // After the reload(s) the app opens signed in and synced from IndexedDB.
    await mainNav(page).waitFor();
    await syncStatus(page)
      .filter({ hasText: /^Online · Last synced/ })
      .waitFor({ timeout: 60_000 });

    const links = partnerList(page).getByRole('link');
    const middle = links.nth(Math.floor(Math.min(totalPartners, PAGE) / 2));
    chosen = {
      name: ((await middle.textContent()) ?? '').trim(),
      href: (await middle.getAttribute('href')) ?? '',
    };
    expect(chosen.name).not.toBe('');
    expect(chosen.href).toMatch(/^\/partners\/[^/]+$/);
  });

  it('after going offline and reloading, lists and searches partners and says Offline', async () => {
    const { context } = running();
    const page = await firstPage(context);
    await context.setOffline(true);
    await page.reload();

    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    expect(await shownPartnerCount(page)).toBe(totalPartners);
    expect(await partnerList(page).getByRole('listitem').count()).toBe(Math.min(totalPartners, PAGE));
    await syncStatus(page)
      .filter({ hasText: /^Offline/ })
      .waitFor();

    // Type part of one partner's name: the list narrows and still holds that partner.
    const part = chosen.name.split(/\s+/).slice(0, 2).join(' ');
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(part);
    const narrowed = page.getByText(new RegExp(`^(\\d+) of ${totalPartners} partners$`));
    await narrowed.waitFor();
    const shown = Number(/^(\d+)/.exec((await narrowed.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(totalPartners);
    expect(await partnerList(page).getByRole('listitem').count()).toBe(Math.min(shown, PAGE));
    expect(await partnerList(page).getByRole('link', { name: chosen.name, exact: true }).count()).toBe(1);
  });

  it('opens a partner page offline with a tap-to-call number', async () => {
    const { context } = running();
    const page = await firstPage(context);
    await partnerList(page).getByRole('link', { name: chosen.name, exact: true }).click();
    await expectPartnerPage(page, chosen.name);
    expect(new URL(page.url()).pathname).toBe(chosen.href);
  });

  it('lists the wards offline and marks the unparished ones', async () => {
    const { context } = running();
    const page = await firstPage(context);
    await openNav(page, 'Wards');
    await page.getByRole('heading', { level: 1, name: 'Wards' }).waitFor();
    const wards = page.getByRole('list', { name: 'Wards' }).getByRole('listitem');
    await wards.first().waitFor();
    const wardCount = await wards.count();
    expect(wardCount).toBeGreaterThanOrEqual(10);
    const unparished = await wards.filter({ hasText: 'Unparished' }).count();
    expect(unparished).toBeGreaterThan(0);
    expect(unparished).toBeLessThan(wardCount);
  });

  it('after the browser restarts with the server stopped, still opens signed in with its partners', async () => {
    const { server } = running();
    await context?.close();
    context = undefined;
    await server.stop();
    // The server really is gone: nothing answers at its address.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    context = await launchBrowser(profileDir, { offline: true });
    const page = await firstPage(context);
    await page.goto(`${server.url}/partners`);
    await mainNav(page).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    expect(await shownPartnerCount(page)).toBe(totalPartners);
    expect(await partnerList(page).getByRole('listitem').count()).toBe(Math.min(totalPartners, PAGE));
    await syncStatus(page)
      .filter({ hasText: /^Offline/ })
      .waitFor();

    await partnerList(page).getByRole('link', { name: chosen.name, exact: true }).click();
    await expectPartnerPage(page, chosen.name);

    // A deep link straight to the partner page also opens offline (the service worker serves the shell).
    await page.goto(`${server.url}${chosen.href}`);
    await expectPartnerPage(page, chosen.name);
  });
});
