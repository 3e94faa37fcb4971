// The directory in a real Chromium, as its users work: an admin edits a partner with the network off
// (the change shows at once and waits in the outbox), syncs when back online, and a duty officer on
// another device sees it; an admin adds a partner through the form, and the duty officer, offline,
// finds it first for food in its ward with its reasons and a tel: link; a quarterly CSV import is
// previewed (bad rows by line, a repeated row, an update) before its good rows are imported; and an
// admin retires a contact offline: it leaves the directory's results unless retired ones are asked
// for, is badged on its page, and syncs once back online.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  openNav as openScreen,
  pressSyncNow,
  serverForSuite,
  signInReadyOffline,
  syncStatus,
} from './harness.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const EDITED_NOTE = 'Forty food parcels a day (edited offline)';
const NEW_PARTNER = { name: 'Aardvark Emergency Larder', phone: '01632 960777', postcode: 'ME15 9ZZ' };

async function openNav(page: Page, name: string): Promise<void> {
  await openScreen(page, name);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Presses "Sync now" once it is enabled and waits until the server has acknowledged every change. */
async function syncNow(page: Page): Promise<void> {
  await pressSyncNow(page);
  await syncStatus(page)
    .filter({ hasText: /^Online · .* · All changes synced$/ })
    .waitFor({ timeout: 60_000 });
  // Synced means accepted: a change the server refused would be listed instead.
  expect(await page.getByText(/refused by the server/).count()).toBe(0);
}

interface StoredWard {
  code: string;
  name: string;
  centre: [number, number];
}

/** The first ward by name, as this device stored it (its centre is where Find help measures from). */
function firstWard(page: Page): Promise<StoredWard> {
  return page.evaluate(
    () =>
      new Promise<StoredWard>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub');
        open.onerror = () => reject(open.error ?? new Error('could not open IndexedDB'));
        open.onsuccess = () => {
          const request = open.result.transaction('wards').objectStore('wards').getAll();
          request.onerror = () => reject(request.error ?? new Error('could not read wards'));
          request.onsuccess = () => {
            const wards = (request.result as StoredWard[]).sort((a, b) => a.name.localeCompare(b.name));
            open.result.close();
            if (wards[0]) resolve(wards[0]);
            else reject(new Error('no wards on this device'));
          };
        };
      }),
  );
}

describe('directory: offline edits, the partner form, offline Find help, CSV import', () => {
  const { url, launch } = serverForSuite();
  let admin: BrowserContext | undefined;
  let duty: BrowserContext | undefined;
  let edited = { id: '', name: '' };
  let ward: StoredWard | undefined;

  const adminPage = async () => {
    if (!admin) throw new Error('an earlier step did not sign the admin in');
    return firstPage(admin);
  };
  const dutyPage = async () => {
    if (!duty) throw new Error('an earlier step did not sign the duty officer in');
    return firstPage(duty);
  };

  it('an admin edits a partner offline: it shows at once and waits; back online it syncs', async () => {
    admin = await launch('profile-admin');
    const page = await firstPage(admin);
    await signInReadyOffline(page, url(), DEMO_ADMIN);

    await openNav(page, 'Directory');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    const first = page.getByRole('list', { name: 'Partners found' }).getByRole('link').first();
    edited = { name: ((await first.textContent()) ?? '').trim(), id: '' };
    await first.click();
    await page.getByRole('heading', { level: 1, name: edited.name, exact: true }).waitFor();
    edited.id = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect(edited.id).toMatch(/^[0-9a-f-]{36}$/);

    await admin.setOffline(true);
    await syncStatus(page)
      .filter({ hasText: /^Offline/ })
      .waitFor();
    await page.getByRole('link', { name: 'Edit partner' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${edited.name}` }).waitFor();
    await page.getByLabel('Capacity notes').fill(EDITED_NOTE);
    await page.getByRole('button', { name: 'Save partner' }).click();

    await page.getByRole('heading', { level: 1, name: edited.name, exact: true }).waitFor();
    await page.getByText(EDITED_NOTE).waitFor();
    await syncStatus(page)
      .filter({ hasText: /^Offline · .* · 1 partner waiting to send$/ })
      .waitFor();

    await admin.setOffline(false);
    await syncNow(page);
    expect(await page.getByText(EDITED_NOTE).isVisible()).toBe(true);
  });

  it('a duty officer on another device sees the change after syncing, with no edit controls', async () => {
    duty = await launch('profile-duty');
    const page = await firstPage(duty);
    await signInReadyOffline(page, url(), DEMO_DUTY);
    await page.goto(`${url()}/partners/${edited.id}`);
    await page.getByRole('heading', { level: 1, name: edited.name, exact: true }).waitFor();
    await page.getByText(EDITED_NOTE).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: 'Edit partner' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /verified today/ }).count()).toBe(0);
  });

  it('an admin adds a partner through the form, told plainly what is missing first', async () => {
    const page = await adminPage();
    ward = await firstWard(page);
    await openNav(page, 'Directory');
    await page.getByRole('link', { name: 'New partner' }).click();
    await page.getByRole('heading', { level: 1, name: 'New partner' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill(NEW_PARTNER.name);
    await page
      .getByRole('group', { name: 'Can help with' })
      .getByRole('checkbox', { name: 'Food', exact: true })
      .check();
    // The ward picker lists the chosen wards; a search finds the one to add.
    const wardPicker = page.getByRole('group', { name: 'Wards it covers' });
    await wardPicker.getByLabel('Find one to add').fill(ward.name);
    await wardPicker.getByRole('checkbox', { name: ward.name, exact: true }).check();
    await wardPicker
      .getByText(`1 of `)
      .filter({ hasText: `chosen: ${ward.name}.` })
      .waitFor();
    await page.getByLabel('Postcode').fill(NEW_PARTNER.postcode);
    await page.getByLabel('Latitude').fill(String(ward.centre[1]));
    await page.getByLabel('Longitude').fill(String(ward.centre[0]));
    await page.getByLabel('Open 24 hours, 7 days').check();
    await page.getByLabel('Agreed to be named in the emergency plan (strategic partner)').check();
    await page.getByRole('button', { name: 'Save partner' }).click();

    // No phone, no date of agreement: both named in the summary and next to their fields.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Phone is required' }).waitFor();
    await summary
      .getByRole('link', { name: /^Date it agreed to the emergency plan: give the date/ })
      .waitFor();
    const phone = page.getByRole('textbox', { name: 'Phone', exact: true });
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await expect(phone.evaluate((input) => input.getAttribute('aria-describedby'))).resolves.toMatch(/error/);

    await phone.fill(NEW_PARTNER.phone);
    await page.getByLabel('Date it agreed to the emergency plan').fill('2026-01-15');
    await page.getByRole('button', { name: 'Save partner' }).click();
    await page.getByRole('heading', { level: 1, name: NEW_PARTNER.name, exact: true }).waitFor();
    await page.getByRole('link', { name: `Call ${NEW_PARTNER.phone}` }).waitFor();
    await syncNow(page);
  });

  it('offline, the duty officer finds help for Food in that ward: the new partner first, with reasons and a tel: link', async () => {
    const page = await dutyPage();
    if (!ward) throw new Error('an earlier step did not choose a ward');
    // Bring the new partner to this device.
    await openNav(page, 'Directory');
    await pressSyncNow(page);
    await page.getByRole('searchbox', { name: 'Search the directory' }).fill(NEW_PARTNER.name);
    await page
      .getByRole('list', { name: 'Partners found' })
      .getByRole('link', { name: NEW_PARTNER.name, exact: true })
      .waitFor({ timeout: 60_000 });

    await (await dutyPage()).context().setOffline(true);
    await page.reload();
    await syncStatus(page)
      .filter({ hasText: /^Offline/ })
      .waitFor();
    await openNav(page, 'Find help');
    await page
      .getByRole('group', { name: 'What is needed?' })
      .getByRole('button', { name: 'Food', exact: true })
      .click();
    await page.getByLabel('Where?').selectOption(`ward:${ward.code}`);

    const best = page.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem').first();
    await best.getByRole('link', { name: NEW_PARTNER.name, exact: true }).waitFor();
    const reasons = (await best.locator('.reasons').textContent()) ?? '';
    expect(reasons).toContain(`covers ${ward.name} ward`);
    expect(reasons).toContain('open 24/7');
    expect(reasons).toContain('0.0 km away');
    expect(reasons).toContain('verified today');
    const call = best.getByRole('link', { name: `Call ${NEW_PARTNER.name}: ${NEW_PARTNER.phone}` });
    expect(await call.getAttribute('href')).toBe(`tel:${NEW_PARTNER.phone.replace(/\s/g, '')}`);
    await page.context().setOffline(false);
  });

  it('the office chases stale details: the days are configurable, and "Mark verified today" clears one', async () => {
    const page = await adminPage();
    await openNav(page, 'Stale');
    await page.getByRole('heading', { level: 1, name: 'Stale details' }).waitFor();
    const count = async () => {
      const line = page.getByText(/^\d+ to chase: not verified within \d+ days\.$/);
      await line.waitFor();
      return Number(/^(\d+)/.exec((await line.textContent()) ?? '')?.[1]);
    };
    const days = page.getByLabel('Flag details as stale after this many days');
    expect(await days.inputValue()).toBe('90');
    const at90 = await count();
    await days.fill('30');
    await page.getByText(/not verified within 30 days\.$/).waitFor();
    expect(await count()).toBeGreaterThan(at90);
    await days.fill('90');
    await page.getByText(/not verified within 90 days\.$/).waitFor();
    expect(await count()).toBe(at90);

    const list = page.getByRole('list', { name: 'Stale details' });
    const oldest = list.getByRole('listitem').first();
    const name = ((await oldest.getByRole('link').first().textContent()) ?? '').trim();
    const named = list.getByRole('link', { name, exact: true });
    const before = await named.count();
    await oldest.getByRole('button', { name: `Mark ${name} verified today` }).click();
    await page.getByText(new RegExp(`^${at90 - 1} to chase`)).waitFor();
    expect(await named.count()).toBe(before - 1);
    await syncNow(page);
  });

  it('previews a CSV import (bad rows by line, a repeated row, an update) and imports only the good rows', async () => {
    const page = await adminPage();
    if (!ward) throw new Error('an earlier step did not choose a ward');
    const header =
      'name,kind,capabilities,wards,postcode,address,phone,always_open,hours,emergency_plan_agreed,emergency_plan_date,capacity_notes';
    const lines = [
      header,
      `"Hollingbourne Larder, Food and Friends",Voluntary or community group,Food; Befriending,${ward.name},ME17 1UQ,"1 The Street, Hollingbourne",01632 960501,no,Mon-Fri 09:00-17:00,no,,`,
      `Bad Phone Group,,Food,${ward.code},ME17 1AA,,call us,no,,no,,`,
      `"hollingbourne larder, food and friends",,Food,${ward.code},me171uq,,01632 960502,no,,no,,`,
      `${NEW_PARTNER.name},,Food,${ward.code},${NEW_PARTNER.postcode},,${NEW_PARTNER.phone},yes,,yes,2026-01-15,Forty parcels a day`,
      `No Date Group,,Food,${ward.code},ME17 2BB,,01632 960503,no,,yes,,`,
    ];
    // As Excel saves it: a UTF-8 byte order mark and Windows line endings.
    const file = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

    await openNav(page, 'Directory');
    await page.getByRole('link', { name: 'Import or export CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor();
    await page
      .getByLabel('CSV file to import')
      .setInputFiles({ name: 'quarterly.csv', mimeType: 'text/csv', buffer: file });

    const problems = page.getByRole('list', { name: 'Rows with problems' }).getByRole('listitem');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      'Line 3 (Bad Phone Group): phone must be a phone number of digits and spaces',
      'Line 6 (No Date Group): emergency_plan_date: give the date it was agreed',
    ]);
    expect(
      await page.getByRole('list', { name: 'Repeated rows' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Line 4 (hollingbourne larder, food and friends): same as line 2, which is imported instead']);
    expect(await page.getByRole('list', { name: 'Updates' }).getByRole('listitem').allTextContents()).toEqual(
      [`Line 5 updates ${NEW_PARTNER.name}: capacity notes`],
    );

    await page.getByRole('button', { name: 'Import the 2 good rows' }).click();
    await page.getByText(/^Imported 2 rows from quarterly\.csv: 1 new, 1 updated\./).waitFor();
    await syncStatus(page)
      .filter({ hasText: /2 partners waiting to send|All changes synced/ })
      .waitFor();

    await openNav(page, 'Directory');
    await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Hollingbourne Larder');
    const found = page.getByRole('list', { name: 'Partners found' });
    await found.getByRole('link', { name: 'Hollingbourne Larder, Food and Friends', exact: true }).waitFor();
    // imported once, never twice (line 4 repeated it)
    expect(await found.getByRole('link', { name: /^Hollingbourne Larder/i }).count()).toBe(1);
    await syncNow(page);
  });

  it('an admin retires a contact offline: gone from the directory unless retired ones are included, badged, synced', async () => {
    const page = await adminPage();
    await openNav(page, 'Directory');
    // The last step left a search in the box.
    const search = page.getByRole('searchbox', { name: 'Search the directory' });
    await search.fill('');
    await page.getByLabel('Show', { exact: true }).selectOption('contact');
    const firstContact = page.getByRole('list', { name: 'Contacts found' }).getByRole('link').first();
    const name = ((await firstContact.textContent()) ?? '').trim();
    expect(name).not.toBe('');
    // Demo names may repeat, so count the cards with this name rather than expect exactly one.
    await search.fill(name);
    const named = page.getByRole('list', { name: 'Contacts found' }).getByRole('link', { name, exact: true });
    await named.first().waitFor();
    const before = await named.count();

    await admin?.setOffline(true);
    await syncStatus(page)
      .filter({ hasText: /^Offline/ })
      .waitFor();
    await named.first().click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByText('Retired', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Retire contact' }).click();
    await page.getByRole('button', { name: `Yes, retire ${name}` }).click();
    await page.getByRole('button', { name: 'Bring back contact' }).waitFor();
    await page.getByText('Retired', { exact: true }).waitFor();
    await syncStatus(page)
      .filter({ hasText: /^Offline · .* · 1 contact waiting to send$/ })
      .waitFor();

    await page.getByRole('link', { name: '← Directory' }).click();
    await search.fill(name);
    await expect.poll(() => named.count(), { timeout: 10_000 }).toBe(before - 1);
    await page.getByLabel('Include retired').check();
    await expect.poll(() => named.count(), { timeout: 10_000 }).toBe(before);
    const retiredCards = page
      .getByRole('list', { name: 'Contacts found' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .filter({ hasText: 'Retired' });
    expect(await retiredCards.count()).toBe(1);

    await admin?.setOffline(false);
    await syncNow(page);
  });
});
