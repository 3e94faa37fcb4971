// Requests for help in a real Chromium: a request logged offline survives the browser being closed at
// once, is still waiting to sync when reopened offline, and reaches the server on reconnect; the form
// explains what is missing; a partner is assigned in one tap from the best-placed list; incidents open
// and close; a long timeline shows its latest entries and, from the keyboard, the earlier ones; a parish
// coordinator is offered only their own parish.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signInReadyOffline,
  signInSynced,
  pressSyncNow,
  startServer,
  syncStatus,
  type RunningServer,
} from './harness.ts';
import {
  logRequest,
  openNav,
  requestTitle,
  serverRecords,
  shownStatus,
  statusGroup,
  syncNow,
  timeline,
} from './requestSteps.ts';
import { seedLongTimeline } from './seedRequests.ts';
import { stamp } from '../support/records.ts';

/** Pushes one change as the office would, through the API; returns each mutation's status. */
async function pushAsAdmin(url: string, mutation: unknown): Promise<string[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo-admin-2026' }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: 'test-office', mutations: [mutation] }),
  });
  const { results } = (await response.json()) as { results: { status: string }[] };
  return results.map((result) => result.status);
}

const DEMO_PARISH = { username: 'parish', password: 'demo-parish-2026', parishCode: 'DEMO-P01' } as const;
const OFFLINE_REQUEST = { name: 'Offline KT', need: 'Welfare check' };
const LONG_TIMELINE = { name: 'Long LT', need: 'Welfare check' };

describe('requests for help (duty officer)', () => {
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let profileDir = '';
  let requestId = '';

  beforeAll(async () => {
    server = await startServer();
    profileDir = await makeTempDir('profile-requests');
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  const running = async () => {
    if (!server || !context) throw new Error('an earlier step did not start the server and the browser');
    return { url: server.url, page: await firstPage(context) };
  };

  it('explains in plain words what is missing when an empty request is saved', async () => {
    if (!server) throw new Error('server not started');
    context = await launchBrowser(profileDir);
    const page = await firstPage(context);
    await signInReadyOffline(page, server.url, DEMO_DUTY);

    await openNav(page, 'Requests');
    await page.getByText(/No requests on this device yet/).waitFor();
    await page.getByRole('link', { name: 'Log a request' }).click();
    await page.getByRole('button', { name: 'Save request' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('What is needed: choose at least one need');
    expect(text).toContain('Where: choose the ward or parish');
    expect(text).toContain(
      'First name or initials: give a first name or initials, or the number of households',
    );
    // Each message is also next to its field, tied to it for screen readers.
    expect(await page.getByRole('combobox', { name: 'Where?' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Households (for community needs)').fill('lots');
    await page.getByRole('button', { name: 'Save request' }).click();
    await problems.filter({ hasText: 'Households: give a whole number of households' }).waitFor();
    // Back to an empty form, so no draft of it is kept for the next request.
    await page.getByLabel('Households (for community needs)').fill('');
    // Nothing was saved.
    await openNav(page, 'Requests');
    await page.getByText(/No requests on this device yet/).waitFor();
  });

  it('keeps a request logged offline when the browser is closed at once, still waiting to sync', async () => {
    const { url, page } = await running();
    await context?.setOffline(true);
    requestId = await logRequest(page, OFFLINE_REQUEST);
    // Closed straight after the save, with no time for anything else.
    await context?.close();
    context = await launchBrowser(profileDir, { offline: true });
    const reopened = await firstPage(context);
    await reopened.goto(`${url}/requests`);
    await reopened.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const row = reopened
      .getByRole('list', { name: 'Open requests' })
      .getByRole('listitem')
      .filter({ hasText: requestTitle(OFFLINE_REQUEST) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Waiting to sync');
    // The request and its "logged" line are both queued.
    await syncStatus(reopened)
      .filter({ hasText: /^Offline · .* · 1 request waiting to send$/ })
      .waitFor();
  });

  it('reconnected, the request reaches the server', async () => {
    const { url, page } = await running();
    await context?.setOffline(false);
    await syncNow(page);
    const changes = await serverRecords(url, 'admin', 'demo-admin-2026');
    const stored = changes.find((change) => change.entity === 'request' && change.id === requestId);
    expect(stored && !stored.deleted && stored.entity === 'request' && stored.record).toMatchObject({
      status: 'new',
      needs: ['welfare_check'],
      forWhom: { name: OFFLINE_REQUEST.name },
      createdByName: 'Sam Patel (demo)',
    });
    const lines = changes.filter(
      (change) => change.entity === 'timeline' && !change.deleted && change.record.requestId === requestId,
    );
    expect(lines.map((line) => !line.deleted && line.entity === 'timeline' && line.record.kind)).toEqual([
      'created',
    ]);
    const row = page.getByRole('list', { name: 'Open requests' }).getByRole('listitem');
    await row.filter({ hasText: requestTitle(OFFLINE_REQUEST) }).waitFor();
    expect(await row.filter({ hasText: 'Waiting to sync' }).count()).toBe(0);
  });

  it('assigns a best-placed partner in one tap, with its number to call, and records it', async () => {
    const { url, page } = await running();
    await page.getByRole('link', { name: requestTitle(OFFLINE_REQUEST) }).click();
    await page.getByRole('heading', { level: 1, name: requestTitle(OFFLINE_REQUEST) }).waitFor();
    expect(await shownStatus(page)).toBe('New');
    const best = page.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem').first();
    const partner = ((await best.getByRole('link').first().textContent()) ?? '').trim();
    expect(partner).not.toBe('');
    await best.getByRole('button', { name: `Assign ${partner}` }).click();

    const assigned = page.getByRole('list', { name: 'Assigned partners' });
    await assigned.getByRole('link', { name: partner, exact: true }).waitFor();
    const call = assigned.getByRole('link', { name: new RegExp(`^Call ${partner}: `) });
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    await statusGroup(page).getByRole('button', { name: 'Assigned', pressed: true }).waitFor();
    await timeline(page).getByText(`Assigned to ${partner}`).waitFor();

    await page.getByLabel('Add a note').fill('Neighbour has a key.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await timeline(page).getByText('Neighbour has a key.').waitFor();
    await syncNow(page);
    const changes = await serverRecords(url, 'admin', 'demo-admin-2026');
    const stored = changes.find((change) => change.entity === 'request' && change.id === requestId);
    expect(stored && !stored.deleted && stored.entity === 'request' && stored.record).toMatchObject({
      status: 'assigned',
      assignments: [{ partnerName: partner }],
    });
  });

  it('opens an incident, offers it for new requests, and closes it', async () => {
    const { page } = await running();
    await openNav(page, 'Incidents');
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Burst main, test');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Water supply' });
    await page.getByRole('group', { name: 'Wards affected' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Open incident' }).click();
    const incident = page
      .getByRole('list', { name: 'Incidents' })
      .getByRole('listitem')
      .filter({ hasText: 'Burst main, test' });
    await incident.filter({ hasText: /Open/ }).waitFor();
    expect(await incident.textContent()).toContain('Water supply');

    await openNav(page, 'Requests');
    await page.getByRole('link', { name: 'Log a request' }).click();
    await page.getByLabel('Incident (optional)').selectOption({ label: 'Burst main, test' });
    await openNav(page, 'Incidents');
    await incident.getByRole('button', { name: 'Close incident' }).click();
    await incident.filter({ hasText: /Closed/ }).waitFor();
    expect(await incident.getByRole('button', { name: 'Close incident' }).count()).toBe(0);
  });

  it('shows the latest 50 entries of a long timeline and, from the keyboard, the earlier ones in order', async () => {
    const { url, page } = await running();
    const { entries } = await seedLongTimeline(url, DEMO_DUTY.username, DEMO_DUTY.password, {
      name: LONG_TIMELINE.name,
      length: 60,
    });
    await syncNow(page);
    await openNav(page, 'Requests');
    await page.getByRole('link', { name: requestTitle(LONG_TIMELINE) }).click();
    await page.getByRole('heading', { level: 1, name: requestTitle(LONG_TIMELINE) }).waitFor();

    const shown = timeline(page).getByRole('listitem');
    const inOrder = (from: number) => entries.slice(from).map((entry) => expect.stringContaining(entry.text));
    await timeline(page).getByText('Welfare visit 59: all well, will call again').waitFor();
    expect(await shown.allTextContents()).toEqual(inOrder(10));
    expect(await timeline(page).getByText('Logged the request').count()).toBe(0);

    const earlier = page.getByRole('button', { name: 'Show 10 earlier of 10' });
    await earlier.focus();
    await page.keyboard.press('Enter');
    await timeline(page).getByText('Logged the request').waitFor();
    expect(await shown.allTextContents()).toEqual(inOrder(0));
    expect(await page.getByRole('button', { name: /earlier of/ }).count()).toBe(0);

    // The button pressed is gone: focus goes to the first entry it brought, where reading carries on,
    // not back to the top of the page.
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return !element || element === document.body
        ? 'nothing (the page itself)'
        : `${element.tagName.toLowerCase()}: ${element.textContent ?? ''}`;
    });
    expect(focused).toMatch(/^li: .*Logged the request$/);
    expect(await shown.first().evaluate((entry) => entry === document.activeElement)).toBe(true);
  });
});

describe('requests for help (parish coordinator; refused changes)', () => {
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('offers only their own parish and its wards, preselected, and no incidents screen', async () => {
    if (!server) throw new Error('server not started');
    const parishes = (await serverRecords(server.url, DEMO_PARISH.username, DEMO_PARISH.password)).flatMap(
      (change) =>
        change.entity === 'parish' && !change.deleted && change.record.code === DEMO_PARISH.parishCode
          ? [change.record]
          : [],
    );
    const own = parishes[0];
    if (!own) throw new Error('the demo parish is not on the server');

    context = await launchBrowser(await makeTempDir('profile-parish'));
    const page = await firstPage(context);
    await signInSynced(page, server.url, DEMO_PARISH);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).count(),
    ).toBe(0);
    await openNav(page, 'Requests');
    await page.getByRole('link', { name: 'Log a request' }).click();
    const where = page.getByRole('combobox', { name: 'Where?' });
    await where.waitFor();
    const options = (await where.locator('option').allTextContents()).map((text) => text.trim());
    expect(options).toHaveLength(1 + own.wardCodes.length);
    expect(options[0]).toBe(`${own.name} parish (anywhere in it)`);
    expect(options.slice(1).every((option) => option.endsWith(' ward'))).toBe(true);
    expect(await where.inputValue()).toBe(`parish:${own.code}`);

    const id = await logRequest(page, { name: 'PC', place: options[1] ?? '' });
    await syncNow(page);
    const stored = (await serverRecords(server.url, 'admin', 'demo-admin-2026')).find(
      (change) => change.entity === 'request' && change.id === id,
    );
    expect(stored && !stored.deleted && stored.entity === 'request' && stored.record.place).toMatchObject({
      parishCode: own.code,
    });
  });

  it('shows each change the server refused, with its reason in plain words, until dismissed', async () => {
    if (!server) throw new Error('server not started');
    const url = server.url;
    // A coordinator's change made offline to a request the office meanwhile moved to another parish:
    // no longer theirs to change, so the server refuses it.
    const phone = await launchBrowser(await makeTempDir('profile-refused'));
    try {
      const page = await firstPage(phone);
      await signInReadyOffline(page, url, DEMO_PARISH);
      const id = await logRequest(page, { name: 'Moved RQ' });
      await syncNow(page);
      await phone.setOffline(true);
      await statusGroup(page).getByRole('button', { name: 'In progress' }).click();
      await statusGroup(page).getByRole('button', { name: 'In progress', pressed: true }).waitFor();

      const stored = (await serverRecords(url, 'admin', 'demo-admin-2026')).find(
        (change) => change.entity === 'request' && change.id === id,
      );
      if (!stored || stored.deleted || stored.entity !== 'request')
        throw new Error('the request is not stored');
      const moved = await pushAsAdmin(url, {
        id: randomUUID(),
        entity: 'request',
        recordId: id,
        hlc: stamp('office'),
        changes: { place: { ...stored.record.place, wardCode: null, parishCode: 'DEMO-P02' } },
        base: { place: stored.clocks.place ?? '' },
      });
      expect(moved).toEqual(['applied']);

      await phone.setOffline(false);
      await pressSyncNow(page);
      await page.getByRole('link', { name: /changes? refused by the server/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Sync issues' }).waitFor();
      const refused = page.getByRole('list', { name: 'Refused changes' }).getByRole('listitem');
      const change = refused.filter({ hasText: 'A change to a request’s status' });
      await change.waitFor();
      expect(await change.textContent()).toContain('There is no such record on the server to change.');
      const after = (await serverRecords(url, 'admin', 'demo-admin-2026')).find((c) => c.id === id);
      expect(after && !after.deleted && after.entity === 'request' && after.record.status).toBe('new');

      // One at a time, each seen gone before the next: a count read before the list had redrawn sent a
      // click after a change that was no longer there.
      for (let left = await refused.count(); left > 0; left -= 1) {
        await refused
          .first()
          .getByRole('button', { name: /^Dismiss: / })
          .click();
        await expect.poll(() => refused.count()).toBe(left - 1);
      }
      await page.getByText('No refused changes.').waitFor();
      // The bar's link reads the same store through its own query, so it may go a moment later.
      await page.getByRole('link', { name: /refused by the server/ }).waitFor({ state: 'detached' });
    } finally {
      await phone.close();
    }
  });
});
