// Where keyboard focus is on a 320 × 640 phone, beyond every control being reachable
// (accessibility.test.ts). A button pressed from the keyboard keeps focus while its action runs and
// after it (Sign in with a wrong password), instead of dropping it to the page. After moving to
// another screen — from the tab bar, by a link inside a screen, with Back — focus is on the new
// screen's heading, not left on the tab or lost to the page. Tabbing through a long form, forwards
// and back, never leaves the focused control hidden under the top bar or the tab bar (WCAG 2.4.11).
// Escape closes the sync detail that floats over the screen and puts focus back on its button.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, mainNav, openNav, serverForSuite, signInSynced } from './harness.ts';
import { PHONE_SCREEN } from './pageChecks.ts';

/** What has focus, as a person would name it: its tag and text ("h1 Requests"). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing (the page itself)';
    return `${element.tagName.toLowerCase()} ${element.textContent?.trim() ?? ''}`;
  });
}

/** Presses Enter on a link as a keyboard user does: focus it (as Tab would), then Enter. */
async function pressEnterOn(link: Locator): Promise<void> {
  await link.focus();
  await link.press('Enter');
}

/**
 * Where the focused control is not wholly between the top bar and the tab bar: "name [top..bottom]"
 * when hidden (partly or wholly) under one of them, null when it shows, or when it is in a bar itself.
 */
async function hiddenUnderABar(page: Page): Promise<string | null> {
  const top = await page.getByRole('banner').boundingBox();
  const tabs = await mainNav(page).boundingBox();
  if (!top || !tabs) throw new Error('the top bar or the tab bar is not on the screen');
  return page.evaluate(
    ({ clearFrom, clearTo }) => {
      const element = document.activeElement;
      if (!element || element === document.body || !element.closest('main')) return null;
      const box = element.getBoundingClientRect();
      if (box.top >= clearFrom - 1 && box.bottom <= clearTo + 1) return null;
      const name = element.getAttribute('aria-label') ?? element.id ?? element.tagName;
      return `${name} "${element.textContent?.trim().slice(0, 40) ?? ''}" [${Math.round(box.top)}..${Math.round(box.bottom)}]`;
    },
    { clearFrom: top.y + top.height, clearTo: tabs.y },
  );
}

describe('keyboard focus on a phone (duty officer)', () => {
  const { url, launch } = serverForSuite();
  let page: Page | undefined;

  it('a wrong password, signing in from the keyboard: told so, with focus still on Sign in', async () => {
    page = await firstPage(await launch('profile-keyboard-focus', { viewport: PHONE_SCREEN }));
    await page.goto(url());
    await page.getByRole('heading', { level: 1, name: 'Sign in to Resilience Hub' }).waitFor();
    await page.getByLabel('Username').focus();
    await page.keyboard.type(DEMO_DUTY.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    // Past the password's Show button to Sign in.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    expect(await focused(page)).toBe('button Sign in');
  });

  it('after moving to another screen, focus is on its heading: from the tab bar, a link and Back', async () => {
    if (!page) throw new Error('an earlier step did not open the browser');
    await signInSynced(page, url(), DEMO_DUTY);
    const shown = page;

    // Screens opened for the first time: their code arrives after the tap.
    await pressEnterOn(mainNav(shown).getByRole('link', { name: 'Requests', exact: true }));
    await expect.poll(() => focused(shown), { timeout: 15_000 }).toBe('h1 Requests');
    await pressEnterOn(mainNav(shown).getByRole('link', { name: 'Directory', exact: true }));
    await expect.poll(() => focused(shown), { timeout: 15_000 }).toBe('h1 Directory');

    // A link inside the screen: the link itself goes with the old screen.
    const firstPartner = shown
      .getByRole('list', { name: 'Partners found' })
      .getByRole('listitem')
      .first()
      .getByRole('link')
      .first();
    const partnerName = (await firstPartner.textContent())?.trim() ?? '';
    expect(partnerName).not.toBe('');
    await pressEnterOn(firstPartner);
    await expect.poll(() => focused(shown), { timeout: 15_000 }).toBe(`h1 ${partnerName}`);

    await shown.goBack();
    await expect.poll(() => focused(shown), { timeout: 15_000 }).toBe('h1 Directory');
  });

  it('tabbing through the request form, forwards and back, never hides focus under a bar', async () => {
    const shown = page;
    if (!shown) throw new Error('an earlier step did not sign in');
    await openNav(shown, 'Requests');
    await shown.getByRole('link', { name: 'Log a request' }).click();
    const heading = shown.getByRole('heading', { level: 1, name: 'Log a request' });
    await heading.waitFor();
    await heading.focus();

    const hidden: string[] = [];
    let stops = 0;
    // Forwards from the heading until focus leaves the screen for the tab bar, then back to the top.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let press = 0; press < 100; press += 1) {
        await shown.keyboard.press(key);
        const inScreen = await shown.evaluate(() => Boolean(document.activeElement?.closest('main')));
        if (!inScreen) break;
        stops += 1;
        const where = await hiddenUnderABar(shown);
        if (where) hidden.push(`${key}: ${where}`);
      }
    }
    expect(stops, 'focus stops in the form').toBeGreaterThan(20);
    expect(hidden, 'controls focused while hidden under the top bar or the tab bar').toEqual([]);
  });

  it('Escape closes the sync detail and puts focus back on the sync indicator', async () => {
    const shown = page;
    if (!shown) throw new Error('an earlier step did not sign in');
    const region = shown.getByRole('region', { name: 'Sync status' });
    const indicator = region.getByRole('button', { expanded: false });
    await indicator.focus();
    await shown.keyboard.press('Enter');
    const syncNow = region.getByRole('button', { name: 'Sync now' });
    await syncNow.waitFor();
    await shown.keyboard.press('Tab');
    expect(await focused(shown)).toBe('button Sync now');

    await shown.keyboard.press('Escape');
    await syncNow.waitFor({ state: 'hidden' });
    expect(await region.getByRole('button', { expanded: true }).count()).toBe(0);
    expect(await indicator.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

describe('a screen arriving late (duty officer)', () => {
  const { url, launch } = serverForSuite();

  it('leaves focus where the person put it meanwhile: the sync detail they opened stays open', async () => {
    // No service worker, so the screen's code comes from the network, where it is held back.
    const page = await firstPage(await launch('profile-late-screen', { serviceWorkers: 'block' }));
    await signInSynced(page, url(), DEMO_DUTY);
    let letThrough = () => undefined as void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    await page.route('**/assets/DirectoryScreen-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await mainNav(page).getByRole('link', { name: 'Directory', exact: true }).click();
    const region = page.getByRole('region', { name: 'Sync status' });
    await region.getByRole('button', { expanded: false }).click();
    await region.getByRole('button', { name: 'Sync now' }).waitFor();

    letThrough();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    // Two frames for the app to do what it does when a screen arrives.
    await page
      .getByRole('heading', { level: 1, name: 'Directory' })
      .evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await region.getByRole('button', { name: 'Sync now' }).isVisible()).toBe(true);
    expect(await focused(page)).toMatch(/^button /);
  });
});
