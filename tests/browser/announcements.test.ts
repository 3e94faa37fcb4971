// A screen reader user hears that a thing was saved: each "saved" or "recorded" line arrives in a live
// region already on the page (one added together with its words is often not read out at all).
// An admin records a partner's agreement, adds a person and changes their role, and saves the
// council's report marking. A coordinator whose phone's clock is days ahead hears, in the sync bar,
// that the date and time are wrong (the server holds back what they logged until they are right).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  firstPage,
  openNav,
  pressSyncNow,
  serverForSuite,
  signInReadyOffline,
  signInSynced,
} from './harness.ts';
import { logRequest } from './requestSteps.ts';
import { PHONE_SCREEN, heard, listenToLiveRegions } from './pageChecks.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const DEMO_PARISH = { username: 'parish', password: 'demo-parish-2026' } as const;

async function expectHeard(page: Page, words: string): Promise<void> {
  await page.getByText(words).first().waitFor();
  await expect.poll(async () => (await heard(page)).some((said) => said.includes(words))).toBe(true);
}

describe('saved and recorded, said aloud (an admin with a screen reader)', () => {
  const { url, launch } = serverForSuite();

  it('each confirmation is read out as it arrives', async () => {
    const page = await firstPage(await launch('profile-announcements', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_ADMIN);
    await listenToLiveRegions(page);

    await openNav(page, 'Partners');
    await page.getByRole('list', { name: 'Partners' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expectHeard(page, 'Agreement recorded on this device');

    await openNav(page, 'People');
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Robin Example');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('robin.example');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expectHeard(page, 'One-time password for robin.example');

    await page.getByRole('link', { name: 'Robin Example' }).click();
    await page.getByRole('heading', { level: 1, name: 'Robin Example' }).waitFor();
    await page.getByRole('button', { name: 'Save role' }).click();
    await expectHeard(page, 'Saved. Their devices keep only what the new role may see');

    await openNav(page, 'Incidents');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Power cut, Hollingbourne');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await expectHeard(page, '“Power cut, Hollingbourne” is open.');
    await page.getByRole('link', { name: 'Situation report: Power cut, Hollingbourne' }).click();
    await page.getByRole('textbox', { name: /Protective marking/ }).fill('OFFICIAL-SENSITIVE');
    await page.getByRole('button', { name: 'Save marking for the council' }).click();
    await expectHeard(page, 'Saved; it reaches every device at the next sync.');
  });

  it('what the sync bar asks of the person is read out as the sync ends', async () => {
    const context = await launch('profile-announced-refusal', { viewport: PHONE_SCREEN });
    // A phone whose clock is days ahead: the server turns its changes back until the clock is right.
    await context.clock.install({ time: Date.now() + 3 * 86_400_000 });
    const page = await firstPage(context);
    await signInReadyOffline(page, url(), DEMO_PARISH);
    await context.setOffline(true);
    await logRequest(page, { name: 'Clock AN' });
    await listenToLiveRegions(page);
    await context.setOffline(false);
    await pressSyncNow(page);
    await expectHeard(page, 'Date and time wrong on this device');
  });
});
