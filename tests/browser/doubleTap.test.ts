// A double tap on a form's Save button makes one record, not two: on a phone a quick second tap (or
// Enter pressed twice) lands while the first save is still running, and each new partner, contact,
// incident and review round gets its id as it is saved. A second tap on Open incident that lands once
// the first has saved (and emptied the form) opens nothing and asks for nothing. Here an admin
// double-taps each; once every change has synced, this device and the server hold one of each.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstPage, openNav, serverForSuite, signInSynced } from './harness.ts';
import { PHONE_SCREEN } from './pageChecks.ts';
import { storeRecords } from './deviceDatabase.ts';
import { serverRecords, syncNow } from './requestSteps.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;

/** How many records of a store on this device have the name. */
async function namedHere(page: Page, store: string, name: string): Promise<number> {
  const records = await storeRecords<{ name: string }>(page, store);
  return records.filter((record) => record.name === name).length;
}

describe('a double tap on Save (admin, phone)', () => {
  const { url, launch } = serverForSuite();

  it('makes one new partner, contact, incident and review round each', async () => {
    const page = await firstPage(await launch('profile-double-tap', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_ADMIN);

    await page.goto(`${url()}/partners/new`);
    await page.getByRole('textbox', { name: 'Name' }).fill('Double Tap Pantry');
    await page.getByRole('checkbox', { name: 'Food' }).check();
    await page.getByRole('checkbox', { name: 'Covers the whole borough' }).check();
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('01632 960321');
    await page.getByRole('button', { name: 'Save partner' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Double Tap Pantry' }).waitFor();

    await page.goto(`${url()}/contacts/new`);
    await page.getByRole('textbox', { name: 'Name or role' }).fill('Double Tap Clerk');
    await page.getByRole('combobox', { name: 'Parish' }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('01632 960322');
    await page.getByRole('button', { name: 'Save contact' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Double Tap Clerk' }).waitFor();

    await openNav(page, 'Incidents');
    await page.getByRole('textbox', { name: 'Name' }).fill('Double tap flood');
    await page.getByRole('button', { name: 'Open incident' }).dblclick();
    await page.getByRole('status').filter({ hasText: '“Double tap flood” is open.' }).waitFor();
    // A second tap that lands after the save has ended (the form already emptied) opens nothing and
    // asks for nothing.
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByRole('status').filter({ hasText: '“Double tap flood” is open.' }).waitFor();
    expect(await page.getByText('There is a problem').count()).toBe(0);

    await openNav(page, 'Quarterly review');
    await page.getByRole('textbox', { name: 'Name of the round' }).fill('Double tap round');
    await page.getByRole('button', { name: 'Start round' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Double tap round' }).waitFor();

    // Every save has ended and been sent: nothing is waiting.
    await syncNow(page);
    expect({
      partners: await namedHere(page, 'partners', 'Double Tap Pantry'),
      contacts: await namedHere(page, 'contacts', 'Double Tap Clerk'),
      incidents: await namedHere(page, 'incidents', 'Double tap flood'),
      rounds: await namedHere(page, 'reviewRounds', 'Double tap round'),
    }).toEqual({ partners: 1, contacts: 1, incidents: 1, rounds: 1 });
    const onServer = await serverRecords(url(), DEMO_ADMIN.username, DEMO_ADMIN.password);
    const named = (entity: string, name: string) =>
      onServer.filter(
        (change) =>
          change.entity === entity &&
          !change.deleted &&
          (change.record as { name?: string } | undefined)?.name === name,
      ).length;
    expect({
      partners: named('partner', 'Double Tap Pantry'),
      contacts: named('contact', 'Double Tap Clerk'),
      incidents: named('incident', 'Double tap flood'),
      rounds: named('reviewRound', 'Double tap round'),
    }).toEqual({ partners: 1, contacts: 1, incidents: 1, rounds: 1 });
  });
});
