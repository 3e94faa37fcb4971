// Council administration in the browser: an admin adds a duty officer, who signs in on another
// device with the one-time password, chooses their own and finds help; disabled, their device stops
// syncing with a reason in plain words and keeps the request it had not sent. A coordinator moved to
// another parish no longer holds the old parish's requests or restricted contacts. Signing out
// empties the device's database; the idle lock hides requests, offline too.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  firstPage,
  serverForSuite,
  pressSyncNow,
  signInReadyOffline,
  signInSynced,
  signOut,
  submitSignIn,
  syncStatus,
  waitForServiceWorkerControl,
  waitForSynced,
} from './harness.ts';
import { logRequest, openNav, syncNow } from './requestSteps.ts';
import { storeCounts, storeRecords } from './deviceDatabase.ts';

const ADMIN = { username: 'admin', password: 'demo-admin-2026' };

/** Adds a person on the People screen; returns their one-time password. */
async function addPerson(
  page: Page,
  person: { name: string; username: string; role: string; parish?: { index: number } },
): Promise<string> {
  await openNav(page, 'People');
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('Role').selectOption({ label: person.role });
  if (person.parish) await page.getByLabel('Parish').selectOption({ index: person.parish.index });
  await page.getByRole('button', { name: 'Add person' }).click();
  const password = page.getByTestId('one-time-password');
  await password.waitFor();
  return (await password.textContent()) ?? '';
}

/** The text of whatever describes a field (its hint and error), as a screen reader reads it. */
async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

/** First sign-in with a one-time password: choose an own password, then wait for the first sync. */
async function firstSignIn(page: Page, url: string, username: string, oneTime: string, own: string) {
  await page.goto(url);
  await submitSignIn(page, username, oneTime);
  await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
  await page.getByLabel('New password', { exact: true }).fill(own);
  await page.getByLabel('New password again').fill(own);
  await page.getByRole('button', { name: 'Save password and continue' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await waitForSynced(page);
}

async function openPerson(page: Page, name: string) {
  await openNav(page, 'People');
  await page.getByRole('list', { name: 'People' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('people and devices', () => {
  const suite = serverForSuite();

  it('an admin adds a duty officer who finds help on their own phone; disabled, their phone stops syncing and keeps its unsent request', async () => {
    const admin = await firstPage(await suite.launch('admin'));
    await signInSynced(admin, suite.url(), ADMIN);
    // A blank form is refused by the server, and each field's error is tied to that field.
    await openNav(admin, 'People');
    await admin.getByRole('button', { name: 'Add person' }).click();
    const fullName = admin.getByRole('textbox', { name: 'Full name' });
    await admin.locator('#person-name[aria-invalid="true"]').waitFor();
    expect(await describedBy(fullName)).toMatch(/name/i);
    const oneTime = await addPerson(admin, {
      name: 'Robin Example',
      username: 'robin',
      role: 'Emergency duty officer',
    });
    expect(oneTime).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const phone = await firstPage(await suite.launch('robin'));
    await firstSignIn(phone, suite.url(), 'robin', oneTime, 'robin-own-password');
    // Ready for the signal to drop: the service worker holds every screen.
    await waitForServiceWorkerControl(phone);
    await phone.getByRole('navigation', { name: 'Main' }).waitFor();
    await openNav(phone, 'Find help');
    await phone
      .getByRole('group', { name: 'What is needed?' })
      .getByRole('button', { name: 'Food', exact: true })
      .click();
    await phone.getByLabel('Where?').selectOption({ index: 1 });
    const best = phone.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem');
    await best.first().waitFor();
    expect(await best.count()).toBeGreaterThan(0);

    // Offline, Robin logs a request; meanwhile the admin disables Robin.
    await phone.context().setOffline(true);
    const id = await logRequest(phone, { name: 'Unsent-RX' });
    await openPerson(admin, 'Robin Example');
    await admin.getByRole('button', { name: 'Disable' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Disabled: their devices stop syncing at once.' })
      .waitFor();

    await phone.context().setOffline(false);
    await pressSyncNow(phone);
    const banner = phone
      .getByRole('alert')
      .filter({ hasText: 'Your account has been disabled by an administrator' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Changes not yet sent stay on this device.');
    await syncStatus(phone)
      .filter({ hasText: /1 request waiting to send/ })
      .waitFor();
    const outbox = await storeRecords<{ recordId: string }>(phone, 'outbox');
    expect(outbox.map((entry) => entry.recordId)).toContain(id);
    // Nobody else signs in on Robin's phone unawares while Robin's change waits: it would be sent under
    // the wrong name. They are told whose it is and offered to save it to a file (phoneHandover.test.ts).
    await phone.getByRole('link', { name: 'Sign in again to sync' }).click();
    await submitSignIn(phone, 'duty', 'demo-duty-2026');
    await phone.getByRole('heading', { level: 1, name: 'Changes waiting from Robin Example' }).waitFor();
  });

  it('a coordinator moved to another parish no longer holds the old parish’s requests or restricted contacts; signing out empties the device', async () => {
    const admin = await firstPage(await suite.launch('admin-2'));
    await signInSynced(admin, suite.url(), ADMIN);
    const oneTime = await addPerson(admin, {
      name: 'Kim Coordinator',
      username: 'kim',
      role: 'Parish emergency coordinator',
      parish: { index: 1 },
    });
    const phone = await firstPage(await suite.launch('kim'));
    await firstSignIn(phone, suite.url(), 'kim', oneTime, 'kim-own-password');
    const before = (await storeRecords<{ user: { parishCode: string } }>(phone, 'meta')).find(
      (entry) => (entry as unknown as { key: string }).key === 'session',
    ) as unknown as { value: { user: { parishCode: string } } };
    const parishA = before.value.user.parishCode;
    await logRequest(phone, { name: 'InA-KC' });
    await syncNow(phone);
    const restrictedA = async () =>
      (await storeRecords<{ visibility: string; parishCode: string | null }>(phone, 'contacts')).filter(
        (contact) => contact.visibility === 'restricted',
      );
    expect((await restrictedA()).length).toBeGreaterThan(0);
    expect((await restrictedA()).every((contact) => contact.parishCode === parishA)).toBe(true);
    expect((await storeRecords<{ place: { parishCode: string } }>(phone, 'requests')).length).toBeGreaterThan(
      0,
    );

    await openPerson(admin, 'Kim Coordinator');
    await admin.getByLabel('Parish').selectOption({ index: 2 });
    await admin.getByRole('button', { name: 'Save role' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await pressSyncNow(phone);
    await expect
      .poll(
        async () => {
          const requests = await storeRecords<{ place: { parishCode: string } }>(phone, 'requests');
          const contacts = await storeRecords<{ visibility: string; parishCode: string | null }>(
            phone,
            'contacts',
          );
          return {
            requestsOfA: requests.filter((request) => request.place.parishCode === parishA).length,
            restrictedOfA: contacts.filter((c) => c.visibility === 'restricted' && c.parishCode === parishA)
              .length,
            restrictedOfB: contacts.filter((c) => c.visibility === 'restricted' && c.parishCode !== parishA)
              .length,
          };
        },
        { timeout: 60_000 },
      )
      .toMatchObject({ requestsOfA: 0, restrictedOfA: 0 });
    await waitForSynced(phone);
    const restrictedNow = await restrictedA();
    expect(restrictedNow.length).toBeGreaterThan(0);
    expect(restrictedNow.every((contact) => contact.parishCode !== parishA)).toBe(true);

    await signOut(phone);
    await phone.getByRole('heading', { name: 'Sign in to Resilience Hub' }).waitFor();
    const counts = await storeCounts(phone);
    expect(Object.keys(counts).length).toBeGreaterThan(5);
    expect(Object.entries(counts).filter(([, count]) => count > 0)).toEqual([]);
    expect(await phone.evaluate(() => localStorage.getItem('resilience-hub:unlock'))).toBeNull();
  });

  it('a viewer finds help and reads the directory, but is offered no requests and holds none', async () => {
    const admin = await firstPage(await suite.launch('admin-3'));
    await signInSynced(admin, suite.url(), ADMIN);
    const oneTime = await addPerson(admin, {
      name: 'Val Viewer',
      username: 'val',
      role: 'Viewer (read only)',
    });
    const phone = await firstPage(await suite.launch('val'));
    await firstSignIn(phone, suite.url(), 'val', oneTime, 'val-own-password');
    const nav = phone.getByRole('navigation', { name: 'Main' });
    for (const hidden of ['Requests', 'Incidents', 'People', 'Audit trail'])
      expect(await nav.getByRole('link', { name: hidden, exact: true }).count()).toBe(0);
    await openNav(phone, 'Find help');
    await phone
      .getByRole('group', { name: 'What is needed?' })
      .getByRole('button', { name: 'Food', exact: true })
      .click();
    await phone.getByLabel('Where?').selectOption({ index: 1 });
    await phone.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem').first().waitFor();
    await phone.goto(`${suite.url()}/requests`);
    await phone.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    const counts = await storeCounts(phone);
    expect({ requests: counts.requests, timeline: counts.timeline }).toEqual({ requests: 0, timeline: 0 });
    const contacts = await storeRecords<{ visibility: string }>(phone, 'contacts');
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact) => contact.visibility === 'public')).toBe(true);
  });

  it('the idle lock hides requests until the password is given again, offline too', async () => {
    const phone = await firstPage(await suite.launch('locked'));
    // The page reloads offline below: the service worker must control it first, or there is no page.
    await signInReadyOffline(phone, suite.url(), { username: 'duty', password: 'demo-duty-2026' });
    await logRequest(phone, { name: 'Private-LK' });
    await syncNow(phone);

    await phone.context().setOffline(true);
    // Sixteen minutes without a touch (the default limit is 15).
    await phone.evaluate(() =>
      localStorage.setItem('resilience-hub:last-active', String(Date.now() - 16 * 60_000)),
    );
    await phone.reload();
    await phone.getByRole('heading', { name: 'Locked' }).waitFor();
    expect(await phone.getByText('Private-LK').count()).toBe(0);
    expect(await phone.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await phone.getByLabel('Password').fill('not-my-password');
    await phone.getByRole('button', { name: 'Unlock' }).click();
    await phone.getByRole('alert').filter({ hasText: 'not the password you signed in with' }).waitFor();
    await phone.getByLabel('Password').fill('demo-duty-2026');
    await phone.getByRole('button', { name: 'Unlock' }).click();
    await openNav(phone, 'Requests');
    await phone.getByText('Private-LK', { exact: false }).first().waitFor();
    // Still offline, and still no sign-in needed.
    expect(await phone.getByRole('heading', { name: 'Sign in to Resilience Hub' }).count()).toBe(0);
    await phone.context().setOffline(false);
  });
});
