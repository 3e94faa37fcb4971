// WCAG 2.2 AA and small screens for the council administration screens: axe finds no violations on
// People, a person's page, the audit trail, My devices, a partner's agreement, the public directory and
// the idle lock; each fits a 320 px phone without sideways scrolling.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstPage, serverForSuite, signInSynced } from './harness.ts';
import { openNav } from './requestSteps.ts';
import { PHONE_SCREEN, axeViolations, pageWidth } from './pageChecks.ts';

const ADMIN = { username: 'admin', password: 'demo-admin-2026' };

async function check(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);
}

describe('administration screens are accessible at 320 px', () => {
  const suite = serverForSuite();

  it('people, a person, the audit trail, my devices, an agreement, the public directory and the lock', async () => {
    const page = await firstPage(await suite.launch('admin-a11y', { viewport: PHONE_SCREEN }));
    await signInSynced(page, suite.url(), ADMIN);

    await openNav(page, 'People');
    await page.getByRole('list', { name: 'People' }).waitFor();
    await check(page, 'People');
    // an error named by the server shows beside its field, still accessible
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('list', { name: 'People' }).getByRole('link', { name: 'Sam Patel (demo)' }).click();
    await check(page, 'Sam Patel (demo)');

    await openNav(page, 'Audit trail');
    await page.getByRole('table').waitFor();
    await check(page, 'Audit trail');

    await openNav(page, 'My devices');
    await page.getByRole('list', { name: 'Signed-in devices' }).waitFor();
    await check(page, 'My devices');

    await openNav(page, 'Partners');
    await page.getByRole('list', { name: 'Partners' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Agreement' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);

    await page.goto(`${suite.url()}/public`);
    await page.getByRole('list', { name: 'Public directory' }).waitFor();
    await check(page, 'Community help near you');

    await page.goto(suite.url());
    await page.evaluate(() =>
      localStorage.setItem('resilience-hub:last-active', String(Date.now() - 60 * 60_000)),
    );
    await page.reload();
    await check(page, 'Locked');
  });
});
