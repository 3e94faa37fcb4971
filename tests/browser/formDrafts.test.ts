// Every form a person types into keeps what they typed on this device until it is saved or cancelled:
// an admin on a phone half-way through opening an incident, adding a person or starting a review round
// has the page reload (an update accepted, the phone closing the tab) or goes to another screen and
// back, and finds the words still there, said so. Saving empties the form and keeps nothing; Cancel
// on an edit form lets the words go, so the next new partner starts empty.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstPage, openNav, serverForSuite, signInSynced } from './harness.ts';
import { PHONE_SCREEN } from './pageChecks.ts';
import { keptDrafts } from './deviceDatabase.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const KEPT = 'What you typed before was kept on this device';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Waits until the device holds a draft of `form` (what is typed is kept a moment after). */
async function keptAs(page: Page, form: string, values: Record<string, unknown>): Promise<void> {
  await expect.poll(async () => (await keptDrafts(page))[form], { timeout: 10_000 }).toMatchObject(values);
}

describe('half-typed forms (an admin on a phone)', () => {
  const { url, launch } = serverForSuite();

  it('come back after a reload or a trip to another screen, and go once saved or cancelled', async () => {
    const page = await firstPage(await launch('profile-form-drafts', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_ADMIN);

    // Opening an incident: the name survives a reload.
    await openNav(page, 'Incidents');
    await field(page, 'Name').fill('Burst main, Marden Road');
    await keptAs(page, '/incidents#open', { name: 'Burst main, Marden Road' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await expect
      .poll(() => field(page, 'Name').inputValue(), { timeout: 10_000 })
      .toBe('Burst main, Marden Road');
    await page.getByText(KEPT).waitFor();
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByText('“Burst main, Marden Road” is open.').waitFor();
    await expect.poll(async () => (await keptDrafts(page))['/incidents#open']).toBeUndefined();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByRole('button', { name: 'Open incident' }).waitFor();
    expect(await field(page, 'Name').inputValue()).toBe('');

    // Adding a person: the name survives going to another screen and back.
    await openNav(page, 'People');
    await field(page, 'Full name').fill('Robin Example-Smythe');
    await field(page, 'Username').fill('robin.es');
    await keptAs(page, '/people#new', { displayName: 'Robin Example-Smythe', username: 'robin.es' });
    await openNav(page, 'Find help');
    await openNav(page, 'People');
    await expect
      .poll(() => field(page, 'Full name').inputValue(), { timeout: 10_000 })
      .toBe('Robin Example-Smythe');
    expect(await field(page, 'Username').inputValue()).toBe('robin.es');
    await page.getByRole('button', { name: 'Start again' }).click();
    expect(await field(page, 'Full name').inputValue()).toBe('');
    await expect.poll(async () => (await keptDrafts(page))['/people#new']).toBeUndefined();

    // Starting a review round: the name typed over the default survives a reload, and starting the
    // round lets it go.
    await openNav(page, 'Quarterly review');
    await field(page, 'Name of the round').fill('Winter check with the CVS');
    await keptAs(page, '/review#start', { name: 'Winter check with the CVS' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Quarterly review' }).waitFor();
    await expect
      .poll(() => field(page, 'Name of the round').inputValue(), { timeout: 10_000 })
      .toBe('Winter check with the CVS');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { level: 1, name: 'Winter check with the CVS' }).waitFor();
    await expect.poll(async () => (await keptDrafts(page))['/review#start']).toBeUndefined();

    // A new partner begun, then cancelled: the next new partner starts empty.
    await page.goto(`${url()}/partners/new`);
    await page.getByRole('heading', { level: 1, name: 'New partner' }).waitFor();
    await field(page, 'Name').fill('Marden Road Residents');
    await keptAs(page, '/partners/new', { name: 'Marden Road Residents' });
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await expect.poll(async () => (await keptDrafts(page))['/partners/new']).toBeUndefined();
    await page.goto(`${url()}/partners/new`);
    await page.getByRole('heading', { level: 1, name: 'New partner' }).waitFor();
    await page.getByRole('button', { name: 'Save partner' }).waitFor();
    expect(await field(page, 'Name').inputValue()).toBe('');
    expect(await page.getByText(KEPT).count()).toBe(0);
  });
});
