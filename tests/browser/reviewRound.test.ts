// The quarterly review in a real Chromium, one server and one browser: an admin starts a round and
// assigns a section to themselves ("My sections"); offline, they mark a record still correct (it waits
// on the device, the progress moves at once), and an edit form opened from the round counts as checked
// when saved; back online the checks sync, the server holds who checked, a duty officer's device shows
// the same progress (read only), and the CSV for the voluntary-sector body names the verifier. Then the
// situation report: the marking an admin sets and the report they mark as issued reach a duty
// officer's device ("changes since" compares with the last report issued by anyone).
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  openNav,
  pressSyncNow,
  serverForSuite,
  signInReadyOffline,
  signInSynced,
  syncStatus,
} from './harness.ts';
import { PHONE_SCREEN, axeViolations, pageWidth } from './pageChecks.ts';
import { serverRecords } from './requestSteps.ts';
import { seedRequests } from './seedRequests.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const ADMIN_NAME = 'Alex Morgan (demo)';
const ROUND = 'Winter review 2026';

describe('quarterly review round', () => {
  const { url, launch } = serverForSuite();
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let section = '';
  let checked = '';
  let roundPath = '';
  let duty: Page | undefined;

  const admin = () => {
    if (!page) throw new Error('an earlier step did not sign in');
    return page;
  };

  it('an admin starts a round and assigns a section to themselves', async () => {
    // On a 320 px phone, where the office's partner may well do the round.
    context = await launch('profile-review', { viewport: PHONE_SCREEN });
    page = await firstPage(context);
    await signInReadyOffline(page, url(), DEMO_ADMIN);
    await openNav(page, 'Quarterly review');
    await page.getByRole('heading', { level: 1, name: 'Quarterly review' }).waitFor();
    await page.getByText('No review round yet.').waitFor();
    await page.getByLabel('Name of the round').fill(ROUND);
    await page.getByLabel('Due date').fill('2026-12-31');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    roundPath = new URL(page.url()).pathname;
    await page.getByText(/^Whole round: 0 of \d+ checked \(0%\)$/).waitFor();
    await page.getByText('No section of this round is assigned to you.').waitFor();

    // The first section with at least two records to check (the demo's first may hold one).
    const sections = await page
      .locator('section.review-section summary')
      .evaluateAll((summaries) => summaries.map((summary) => summary.textContent ?? ''));
    const roomy = sections
      .map((summary) => /^Records in (.+) \((\d+)\)$/.exec(summary.trim()))
      .find((match) => match !== null && Number(match[2]) >= 2);
    section = roomy?.[1] ?? '';
    expect(section, 'a section with two records').not.toBe('');
    await page.getByLabel(`Assign ${section} to`).selectOption({ label: `${ADMIN_NAME} (me)` });
    await page.getByRole('button', { name: `Save assignment for ${section}` }).click();
    const mine = page.getByRole('region', { name: 'My sections' });
    await mine.getByRole('link', { name: section }).waitFor();
    await page.getByRole('region', { name: section }).getByText(`Assigned to ${ADMIN_NAME}`).waitFor();
    // With my section open, its records and their buttons fit the phone and pass axe.
    await page
      .getByRole('button', { name: /^Still correct: / })
      .first()
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('marks a record still correct offline, and an edit from the round counts as checked', async () => {
    const page = admin();
    await context!.setOffline(true);
    // Only my sections are shown once I have one, so the page's record buttons are this section's.
    await page
      .getByLabel('Show')
      .getByRole('option', { name: /^My sections \(1\)$/ })
      .waitFor({ state: 'attached' });
    expect(await page.getByLabel('Show').inputValue()).toBe('mine');
    const records = page.getByRole('main');
    const stillCorrect = records.getByRole('button', { name: /^Still correct: / });
    await stillCorrect.first().waitFor();
    expect(await stillCorrect.count(), `${section} has two records to check`).toBeGreaterThanOrEqual(2);
    checked = ((await stillCorrect.first().getAttribute('aria-label')) ?? '').replace(/^Still correct: /, '');
    await stillCorrect.first().click();
    await page.getByRole('status').filter({ hasText: '1 check waiting to send.' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You are offline.' }).waitFor();
    await page.getByText(/^Whole round: 1 of \d+ checked/).waitFor();
    await page
      .getByText(new RegExp(`^${section}: 1 of \\d+ checked`))
      .first()
      .waitFor();

    // Edit the second record: the record's own form, and saving it (unchanged) counts as checked.
    const second = records.getByRole('button', { name: /^Edit / }).nth(1);
    await second.click();
    await page.getByRole('heading', { level: 1, name: /^Edit / }).waitFor();
    await page.getByRole('button', { name: /^Save (partner|contact)$/ }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await page.getByText(/^Whole round: 2 of \d+ checked/).waitFor();
    await page.getByRole('status').filter({ hasText: '2 checks waiting to send.' }).waitFor();
  });

  it('syncs back online: the server holds who checked, and the CSV names the verifier', async () => {
    const page = admin();
    await context!.setOffline(false);
    await pressSyncNow(page);
    await page.getByText(/checks? waiting to send/).waitFor({ state: 'detached', timeout: 30_000 });
    const changes = await serverRecords(url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const checks = changes.filter((change) => change.entity === 'reviewCheck');
    expect(checks).toHaveLength(2);
    for (const check of checks)
      expect(check.deleted ? null : check.record).toMatchObject({ byName: ADMIN_NAME });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV for the voluntary-sector partner' }).click(),
    ]);
    const text = (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.Name === checked)).toMatchObject({
      Section: section,
      Outcome: 'Still correct',
      'Verified by': ADMIN_NAME,
    });
    expect(rows.filter((row) => row['Verified by'] === ADMIN_NAME)).toHaveLength(2);
    expect(rows.filter((row) => row.Outcome === 'Not yet').length).toBe(rows.length - 2);
  });

  it('shows a duty officer’s device the same progress, with nothing to tap', async () => {
    duty = await firstPage(await launch('profile-review-duty'));
    await signInSynced(duty, url(), DEMO_DUTY);
    await duty.goto(`${url()}${roundPath}`);
    await duty.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await duty.getByText(/^Whole round: 2 of \d+ checked/).waitFor();
    expect(await duty.getByRole('button', { name: /^Still correct/ }).count()).toBe(0);
    await duty.getByRole('region', { name: section }).getByText(`Assigned to ${ADMIN_NAME}`).waitFor();
  });

  it('shares the council’s report marking and the last issued report with another officer’s device', async () => {
    const page = admin();
    if (!duty) throw new Error('an earlier step did not open the duty officer’s device');
    const { incident } = await seedRequests(url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const report = `${url()}/incidents/${incident.id}/report`;
    const title = `Situation report: ${incident.name}`;
    const marking = 'Protective marking (printed on every page)';

    await page.goto(report);
    await pressSyncNow(page);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByLabel(marking).inputValue()).toBe('OFFICIAL-SENSITIVE');
    await page.getByLabel(marking).fill('OFFICIAL');
    await page.getByRole('button', { name: 'Save marking for the council' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    await page.getByRole('button', { name: 'Mark as issued' }).click();
    await page.getByText(new RegExp(`^Last issued .* by ${ADMIN_NAME.replace(/[()]/g, '\\$&')}`)).waitFor();
    await pressSyncNow(page);
    await syncStatus(page).filter({ hasText: 'All changes synced' }).waitFor();

    await duty.goto(report);
    await pressSyncNow(duty);
    await duty.getByRole('heading', { level: 1, name: title }).waitFor();
    await duty.getByText(new RegExp(`^Last issued .* by ${ADMIN_NAME.replace(/[()]/g, '\\$&')}`)).waitFor();
    const shown = duty.getByLabel(marking);
    expect(await shown.inputValue()).toBe('OFFICIAL');
    expect(await shown.getAttribute('readonly'), 'a duty officer reads the council’s marking').not.toBeNull();
  });
});
