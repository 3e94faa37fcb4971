// The dashboard in a real Chromium on known records pushed by another device: per incident and
// borough-wide it shows the open counts, the immediate request nobody has taken (with its ward and
// age), the partner load and the wards with immediate requests; the time chart has its table; axe finds
// nothing; it fits a 320 px phone; and it opens with the network off after a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, serverForSuite, signInReadyOffline } from './harness.ts';
import { PHONE_SCREEN, axeViolations, pageWidth } from './pageChecks.ts';
import { openNav } from './requestSteps.ts';
import { seedRequests, type SeededRequests } from './seedRequests.ts';

async function headline(page: Page, name: string): Promise<string> {
  const figures = page.getByRole('definition');
  const terms = page.getByRole('term');
  const count = await terms.count();
  for (let i = 0; i < count; i++)
    if ((await terms.nth(i).textContent()) === name) return (await figures.nth(i).textContent()) ?? '';
  throw new Error(`no headline figure named ${name}`);
}

async function tallyRows(page: Page, caption: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].slice(0, 2).map((cell) => cell.textContent?.trim() ?? '')),
    );
}

describe('dashboard (duty officer)', () => {
  const suite = serverForSuite();

  it('summarises an incident and the borough from this device, online and offline', async () => {
    const seeded: SeededRequests = await seedRequests(suite.url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const context = await suite.launch('dashboard', { viewport: PHONE_SCREEN });
    const page = await firstPage(context);
    await signInReadyOffline(page, suite.url(), DEMO_DUTY);

    await openNav(page, 'Dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Immediate requests with no partner' }).waitFor();
    expect(await headline(page, 'Open requests')).toBe('3');
    expect(await tallyRows(page, 'Open requests by ward')).toEqual([
      ['Ashcombe', '1'],
      ['Brambledown', '1'],
      ['Oakham Vale', '1'],
    ]);

    await page.getByLabel('Incident').selectOption({ label: seeded.incident.name });
    await page.getByText(`${seeded.incident.name} · from the requests on this device`).waitFor();
    expect(await headline(page, 'Open requests')).toBe('2');
    expect(await headline(page, 'Immediate, no partner yet')).toBe('1');
    expect(await headline(page, 'Median time to assign')).toBe('20 min');
    expect(await headline(page, 'Median time to close')).toBe('2 h');
    const waiting = page.getByRole('listitem').filter({ hasText: 'Bottled water for Waiting W' });
    await expect(waiting.textContent()).resolves.toMatch(/Ashcombe · waiting 1 h (30|31) min/);
    expect(await tallyRows(page, 'Open requests by status')).toEqual([
      ['New', '1'],
      ['Assigned', '0'],
      ['In progress', '1'],
    ]);
    expect(await tallyRows(page, 'Open requests assigned to each partner, most first')).toEqual([
      ['Ashcombe Good Neighbours', '1'],
    ]);
    const immediateWards = page.getByRole('list', { name: 'Wards with open immediate requests' });
    expect(await immediateWards.getByRole('listitem').allTextContents()).toEqual([
      'Ashcombe: 1',
      'Brambledown: 1',
    ]);
    await page.getByRole('img', { name: /2 wards with open immediate requests/ }).waitFor();

    // The chart's figures as a table: 3 opened and 1 closed in the incident, over the buckets shown.
    await page.getByText('Table: requests opened, closed and reopened per hour').click();
    const perHour = await page
      .getByRole('table', { name: 'Requests opened, closed and reopened per hour' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => Number(td.textContent))),
      );
    expect(perHour.reduce((sum, [opened = 0]) => sum + opened, 0)).toBe(3);
    expect(perHour.reduce((sum, [, closed = 0]) => sum + closed, 0)).toBe(1);
    await page.locator('.time-chart canvas').first().waitFor();

    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);

    // With the network off, after a reload, the same picture from IndexedDB.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText(/offline: as last synced/).waitFor();
    expect(await headline(page, 'Open requests')).toBe('2');
    expect(await headline(page, 'Immediate, no partner yet')).toBe('1');
    await context.setOffline(false);
  });
});
