// WCAG 2.2 AA checks in a real Chromium. On a desktop screen, axe finds no violations on the sign-in
// screen and in states that no address reaches alone (an import's preview, forms showing what is wrong,
// an empty request list); everyScreen.test.ts checks every screen with axe at 320 px. On a 320 × 640
// phone screen, the sign-in screen, partner list, partner page, request form and page and the wards page
// do not scroll sideways, and every control on them can be reached with the Tab key from the top.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, openNav, serverForSuite, signIn, waitForSynced } from './harness.ts';
import { PHONE_SCREEN, axeViolations, pageWidth } from './pageChecks.ts';
import { logRequest } from './requestSteps.ts';

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

interface TabRecord {
  reachedByTab?: Set<Element>;
}

/**
 * Presses Tab from wherever focus is (the top of a freshly loaded page) until focus leaves the page or
 * `maxPresses` is reached, remembering every element that received focus.
 */
async function tabThroughPage(page: Page, maxPresses: number): Promise<void> {
  await page.evaluate(() => {
    const reached = new Set<Element>();
    (window as TabRecord).reachedByTab = reached;
    document.addEventListener('focusin', (event) => {
      if (event.target instanceof Element) reached.add(event.target);
    });
  });
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const leftThePage = await page.evaluate(
      () => document.activeElement === null || document.activeElement === document.body,
    );
    if (leftThePage && press > 0) return;
  }
}

/** Names of the visible, enabled links, buttons and text boxes that Tab never reached. */
async function controlsNotReachedByTab(page: Page): Promise<{ controls: number; unreached: string[] }> {
  let controls = 0;
  const unreached: string[] = [];
  for (const role of ['link', 'button', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio'] as const) {
    const found = await page
      .getByRole(role)
      .filter({ visible: true })
      .evaluateAll((elements, roleName) => {
        const reached = (window as TabRecord).reachedByTab ?? new Set<Element>();
        return elements
          .filter((element) => !(element instanceof HTMLButtonElement && element.disabled))
          .map((element) => ({
            name: `${roleName} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim() || element.id}"`,
            // Tab enters a radio group once (at its checked radio); arrow keys move within it.
            reached:
              reached.has(element) ||
              (element instanceof HTMLInputElement &&
                element.type === 'radio' &&
                [...reached].some(
                  (other) =>
                    other instanceof HTMLInputElement &&
                    other.type === 'radio' &&
                    other.name === element.name,
                )),
          }));
      }, role);
    controls += found.length;
    unreached.push(...found.filter((entry) => !entry.reached).map((entry) => entry.name));
  }
  return { controls, unreached };
}

/** The names Chromium gives a screen reader for the pressed toggle buttons on the page. */
async function pressedButtonNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter(
        (node) =>
          node.role?.value === 'button' &&
          node.properties?.some((property) => property.name === 'pressed' && property.value.value === 'true'),
      )
      .map((node) => String(node.name?.value ?? ''));
  } finally {
    await cdp.detach();
  }
}

/** The phone-width rules: no sideways scroll; after a reload, Tab from the top reaches every control. */
async function expectPhoneFriendly(page: Page, ready: () => Promise<void>): Promise<void> {
  const width = await pageWidth(page);
  expect(width, `page is ${width}px wide on a 320px screen`).toBeLessThanOrEqual(PHONE_SCREEN.width);

  await page.reload();
  await ready();
  const before = await controlsNotReachedByTab(page);
  await tabThroughPage(page, before.controls + 10);
  const { controls, unreached } = await controlsNotReachedByTab(page);
  expect(controls).toBeGreaterThan(0);
  expect(unreached, 'controls the Tab key never reached').toEqual([]);
}

describe('accessibility (WCAG 2.2 AA)', () => {
  const { url, launch } = serverForSuite();
  let desktop: BrowserContext | undefined;
  let phone: BrowserContext | undefined;

  const desktopPage = async () => {
    if (!desktop) throw new Error('an earlier step did not launch the browser');
    return firstPage(desktop);
  };
  const phonePage = async () => {
    if (!phone) throw new Error('an earlier step did not launch the phone-sized browser');
    return firstPage(phone);
  };

  describe('axe finds no violations', () => {
    it('on the sign-in screen', async () => {
      desktop = await launch('profile-axe');
      const page = await firstPage(desktop);
      await page.goto(url());
      await page.getByRole('heading', { name: 'Sign in to Resilience Hub' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('on the import page with a preview, and on a partner edit form showing errors (as an admin)', async () => {
      const page = await desktopPage();
      await signIn(page, 'admin', 'demo-admin-2026');
      await waitForSynced(page);
      await page.goto(`${url()}/import`);
      await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor();
      const csv =
        'name,capabilities,wards,phone\nGood Group,Food,,01632 960010\nBad Group,Food,,not a phone\n';
      await page.getByLabel('CSV file to import').setInputFiles({
        name: 'check.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('list', { name: 'Rows with problems' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${url()}/partners/new`);
      await page.getByRole('heading', { level: 1, name: 'New partner' }).waitFor();
      await page.getByRole('button', { name: 'Save partner' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  describe('axe finds no violations on the request screens', () => {
    it('on the requests list (empty)', async () => {
      const page = await desktopPage();
      await openNav(page, 'Requests');
      await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
      await page.getByText(/No requests on this device yet/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('on the request form while it shows what is missing', async () => {
      const page = await desktopPage();
      await page.getByRole('link', { name: 'Log a request' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
      await page.getByRole('button', { name: 'Save request' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  describe('on a 320 × 640 screen: no sideways scrolling, everything reachable by keyboard', () => {
    it('the sign-in screen, signing in with the keyboard alone', async () => {
      phone = await launch('profile-phone', { viewport: PHONE_SCREEN });
      const page = await firstPage(phone);
      await page.goto(url());
      await page.getByRole('heading', { name: 'Sign in to Resilience Hub' }).waitFor();
      const width = await pageWidth(page);
      expect(width, `page is ${width}px wide`).toBeLessThanOrEqual(PHONE_SCREEN.width);

      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByLabel('Username')), 'first Tab reaches "Username"').toBe(true);
      await page.keyboard.type(DEMO_DUTY.username);
      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByLabel('Password')), 'next Tab reaches "Password"').toBe(true);
      await page.keyboard.type(DEMO_DUTY.password);
      await page.keyboard.press('Tab');
      expect(
        await isFocused(page.getByRole('button', { name: 'Show password' })),
        'next Tab reaches "Show password"',
      ).toBe(true);
      // Space shows what was typed, and hides it again.
      await page.keyboard.press('Space');
      expect(await page.getByLabel('Password').getAttribute('type')).toBe('text');
      await page.keyboard.press('Space');
      expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
      await page.keyboard.press('Tab');
      expect(
        await isFocused(page.getByRole('button', { name: 'Sign in' })),
        'next Tab reaches "Sign in"',
      ).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await openNav(page, 'Partners');
    });

    it('the partner list', async () => {
      const page = await phonePage();
      const ready = async () => {
        await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
        await waitForSynced(page);
        await page.getByRole('list', { name: 'Partners' }).getByRole('link').first().waitFor();
      };
      await ready();
      await expectPhoneFriendly(page, ready);
      const reached = (locator: Locator) =>
        locator.evaluate((element) => (window as TabRecord).reachedByTab?.has(element) ?? false);
      expect(
        await reached(page.getByRole('searchbox', { name: 'Search partners' })),
        'Tab reaches "Search partners"',
      ).toBe(true);
      expect(
        await reached(page.getByRole('list', { name: 'Partners' }).getByRole('link').first()),
        'Tab reaches the first partner',
      ).toBe(true);
    });

    it('a partner page', async () => {
      const page = await phonePage();
      const first = page.getByRole('list', { name: 'Partners' }).getByRole('link').first();
      const name = ((await first.textContent()) ?? '').trim();
      await first.click();
      const ready = async () => {
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        await waitForSynced(page);
      };
      await ready();
      await expectPhoneFriendly(page, ready);
    });

    it('the request form and a request page', async () => {
      const page = await phonePage();
      await logRequest(page, { name: 'Phone RQ' });
      const ready = async () => {
        await page.getByRole('heading', { level: 1, name: 'Food for Phone RQ' }).waitFor();
        await waitForSynced(page);
        await page
          .getByRole('list', { name: 'Best placed partners' })
          .getByRole('listitem')
          .first()
          .waitFor();
      };
      await ready();
      await expectPhoneFriendly(page, ready);
      await page.getByRole('link', { name: '← All requests' }).click();
      await page.getByRole('link', { name: 'Log a request' }).click();
      const formReady = async () => {
        await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
        await waitForSynced(page);
      };
      await formReady();
      await expectPhoneFriendly(page, formReady);
    });

    it('the wards page', async () => {
      const page = await phonePage();
      await openNav(page, 'Wards');
      const ready = async () => {
        await page.getByRole('heading', { level: 1, name: 'Wards' }).waitFor();
        await waitForSynced(page);
        await page.getByRole('list', { name: 'Wards' }).getByRole('listitem').first().waitFor();
      };
      await ready();
      await expectPhoneFriendly(page, ready);
    });
  });

  it('reads a pressed need or status button by its name alone: the check mark is drawn, not said', async () => {
    const page = await desktopPage();
    await openNav(page, 'Find help');
    await page.getByRole('group', { name: 'What is needed?' }).getByRole('button', { name: 'Food' }).click();
    expect(await pressedButtonNames(page)).toContain('Food');
    await logRequest(page, { name: 'Tick' });
    expect(await pressedButtonNames(page)).toEqual(['New']);
  });
});
