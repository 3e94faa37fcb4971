// The This device page and the map's partner list (issue 12): axe finds nothing, the page fits a 320 px
// screen (what 200% zoom leaves of a 640 px window, and narrower), it says what is waiting to send and
// which version runs, and the partners drawn on the map's canvas are also a list a keyboard reaches.
import { describe, expect, it } from 'vitest';
import { DEMO_DUTY, firstPage, serverForSuite, signInSynced } from './harness.ts';
import { axeViolations, pageWidth, PHONE_SCREEN } from './pageChecks.ts';

describe('This device and the map list', () => {
  const suite = serverForSuite();

  it('shows storage, what is waiting, the last sync and the version, axe-clean at 320 px', async () => {
    const page = await firstPage(await suite.launch('device-phone', { viewport: PHONE_SCREEN }));
    await signInSynced(page, suite.url(), DEMO_DUTY);
    await page.goto(`${suite.url()}/device`);
    await page.getByRole('heading', { level: 1, name: 'This device' }).waitFor();
    await page.getByText('Nothing: every change has reached the server').waitFor();
    await page.getByText('Space used').waitFor();
    await page.getByRole('heading', { name: 'Version' }).waitFor();
    const version = page.locator('dt:text-is("App on this device") + dd');
    expect(await version.textContent()).toMatch(/^\d+\.\d+\.\d+/);
    await page
      .locator('dt:text-is("Server") + dd')
      .filter({ hasText: /^\d+\.\d+\.\d+/ })
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lists the partners drawn on the map, reachable with the keyboard', async () => {
    const page = await firstPage(await suite.launch('device-map'));
    await signInSynced(page, suite.url(), DEMO_DUTY);
    await page.goto(`${suite.url()}/map`);
    const summary = page.getByText(/^Partners on the map, as a list \(\d+\)$/);
    await summary.waitFor({ timeout: 60_000 });
    const shown = Number(/\((\d+)\)/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    await summary.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Partners on the map' });
    await list.waitFor();
    expect(await list.getByRole('link').count()).toBe(shown);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('ul')?.getAttribute('aria-label'))).toBe(
      'Partners on the map',
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});
