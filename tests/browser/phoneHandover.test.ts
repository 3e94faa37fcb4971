// One phone, several people. A duty officer's request logged offline waits to sync when an admin
// disables them: the next person is told whose changes wait, saves them to a file (checked here: who,
// when, which record, what, and each change whole), confirms, and only then are they set aside and
// the person signed in; nothing reached the server under anyone's name. And a change saved in a tab
// that still showed the person who had just signed out (another tab signed someone else in) is theirs:
// it is never sent under the newcomer's sign-in, and waits as theirs. A phone locked for a person who
// is gone is not bricked either: the next person signs in as themselves from the lock screen.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  mainNav,
  pressSyncNow,
  serverForSuite,
  signIn,
  signInReadyOffline,
  signInSynced,
  signOut,
  submitSignIn,
  waitForSynced,
} from './harness.ts';
import { fillNewRequest, logRequest, requestTitle, serverRecords } from './requestSteps.ts';
import { storeRecords } from './deviceDatabase.ts';
import { setAsideFileSchema } from '../../src/domain/sync/setAside.ts';
import { axeViolations, pageWidth, PHONE_SCREEN } from './pageChecks.ts';

const ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const COORDINATOR = { username: 'parish', password: 'demo-parish-2026' } as const;
const DUTY_NAME = 'Sam Patel (demo)';

interface Queued {
  recordId: string;
  madeBy: { username: string };
}

/** Disables a person through the API, as an administrator's screen does. */
async function disable(url: string, username: string): Promise<void> {
  const json = { 'Content-Type': 'application/json' };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { ...json, Authorization: `Bearer ${token}` };
  const { users } = (await (await fetch(`${url}/api/admin/users`, { headers: auth })).json()) as {
    users: { id: string; username: string }[];
  };
  const person = users.find((user) => user.username === username);
  const answer = await fetch(`${url}/api/admin/users/${person?.id}/disable`, {
    method: 'POST',
    headers: auth,
    body: '{}',
  });
  if (!answer.ok) throw new Error(`disabling ${username} failed: ${answer.status}`);
}

/** Every push the browser sent, as the server received it. */
function pushesOf(context: BrowserContext): string[] {
  const bodies: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes('/api/sync/push')) bodies.push(request.postData() ?? '');
  });
  return bodies;
}

/**
 * A page whose Dexie does not hear of changes other tabs make until released: the instant after
 * another tab signs out or signs someone in, held open, so what this tab saves then is seen.
 */
async function tabHearingLate(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const Native = window.BroadcastChannel;
    const w = window as unknown as { holdNews: boolean; releaseNews: () => void };
    const held: (() => void)[] = [];
    w.holdNews = false;
    w.releaseNews = () => {
      w.holdNews = false;
      for (const deliver of held.splice(0)) deliver();
    };
    window.BroadcastChannel = class extends Native {
      override set onmessage(handler: ((event: MessageEvent) => unknown) | null) {
        super.onmessage = (event: MessageEvent) => {
          if (w.holdNews) held.push(() => handler?.call(this, event));
          else handler?.call(this, event);
        };
      }
      override get onmessage() {
        return super.onmessage;
      }
    };
  });
  return page;
}

describe('a phone handed on', () => {
  const suite = serverForSuite();

  it('offers the next person to save a disabled person’s waiting changes to a file, then sets them aside', async () => {
    const page = await firstPage(await suite.launch('handover'));
    await signInReadyOffline(page, suite.url(), DEMO_DUTY);
    await page.context().setOffline(true);
    const id = await logRequest(page, { name: 'Unsent-HO' });
    await disable(suite.url(), DEMO_DUTY.username);
    await page.context().setOffline(false);
    await pressSyncNow(page);
    await page.getByRole('link', { name: 'Sign in again to sync' }).click();

    await submitSignIn(page, COORDINATOR.username, COORDINATOR.password);
    await page.getByRole('heading', { level: 1, name: `Changes waiting from ${DUTY_NAME}` }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      `Changes to 1 request from ${DUTY_NAME} (duty) have not reached the server.`,
    );
    // Nothing is set aside before the file is saved and the person says so.
    expect(await page.getByRole('button', { name: 'Set the changes aside and sign in' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the changes to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^changes-from-duty-\d{4}-\d{2}-\d{2}\.json$/);
    const file = setAsideFileSchema.parse(JSON.parse(await readFile((await download.path()) ?? '', 'utf8')));
    expect(file.madeBy).toEqual([`${DUTY_NAME} (duty)`]);
    expect(file.savedBy).toBe('Jo Whitfield (demo) (parish)');
    const request = file.changes.find((change) => change.mutation.entity === 'request');
    expect(request).toMatchObject({
      madeBy: `${DUTY_NAME} (duty)`,
      record: expect.stringContaining('Unsent-HO'),
      changed: expect.objectContaining({ status: 'new' }),
      mutation: { recordId: id },
    });
    expect(Date.parse(request!.madeAt)).not.toBeNaN();
    const timelineLine = file.changes.find((change) => change.mutation.entity === 'timeline');
    expect(timelineLine?.changed).toMatchObject({ requestId: id, text: 'Logged the request' });
    expect((await storeRecords<Queued>(page, 'outbox')).map((entry) => entry.recordId)).toContain(id);

    // On a small phone, whole and with nothing for a screen reader or keyboard to trip on.
    await page.setViewportSize(PHONE_SCREEN);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);

    // Not without saying the file is kept.
    await page.getByRole('button', { name: 'Set the changes aside and sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tick the box' }).waitFor();
    expect(await storeRecords<Queued>(page, 'outbox')).toHaveLength(2);
    await page.getByRole('checkbox', { name: /I have the file/ }).check();
    await page.getByRole('button', { name: 'Set the changes aside and sign in' }).click();
    await mainNav(page).waitFor();
    await waitForSynced(page);
    expect(await storeRecords(page, 'outbox')).toEqual([]);
    const onServer = await serverRecords(suite.url(), ADMIN.username, ADMIN.password);
    expect(onServer.some((change) => change.id === id)).toBe(false);
  });

  it('never sends a change saved in a tab that still showed the person signed out, under the next person’s sign-in', async () => {
    const context = await suite.launch('other-tab');
    const pushes = pushesOf(context);
    const signingIn = await firstPage(context);
    await signInSynced(signingIn, suite.url(), ADMIN);
    const late = await tabHearingLate(context);
    await late.goto(suite.url());
    await mainNav(late).waitFor();
    const request = { name: 'OtherTab-OT' };
    await late.goto(`${suite.url()}/requests/new`);
    await fillNewRequest(late, request);

    // The admin signs out in one tab and the coordinator signs in; the other tab has not heard yet.
    await late.evaluate(() => {
      (window as unknown as { holdNews: boolean }).holdNews = true;
    });
    await signOut(signingIn);
    await signIn(signingIn, COORDINATOR.username, COORDINATOR.password);
    await late.getByRole('button', { name: 'Save request' }).click();
    await late.getByRole('heading', { level: 1, name: requestTitle(request) }).waitFor();
    const id = new URL(late.url()).pathname.split('/').pop() ?? '';

    await waitForSynced(signingIn);
    await pressSyncNow(signingIn);
    await waitForSynced(signingIn);
    const queued = (await storeRecords<Queued>(signingIn, 'outbox')).filter((entry) => entry.recordId === id);
    expect(queued.map((entry) => entry.madeBy.username)).toEqual(['admin']);
    expect(pushes.filter((body) => body.includes(id))).toEqual([]);
    await signingIn
      .getByRole('region', { name: 'Sync status' })
      .getByText(/Also on this device: 1 request from Alex Morgan/)
      .waitFor({ state: 'attached' });
    await late.evaluate(() => (window as unknown as { releaseNews: () => void }).releaseNews());
  });

  it('lets the next person sign in from the lock screen of someone gone, and keeps their changes until saved', async () => {
    const page = await firstPage(await suite.launch('locked-handover'));
    await signInSynced(page, suite.url(), ADMIN);
    // The admin's change cannot reach the server (a push that never gets through).
    await page.route('**/api/sync/push', (route) => route.abort());
    const id = await logRequest(page, { name: 'Locked-LH' });
    await page.evaluate(() =>
      localStorage.setItem('resilience-hub:last-active', String(Date.now() - 16 * 60_000)),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Locked' }).waitFor();
    await page.getByRole('link', { name: 'Sign in as someone else' }).click();

    const waiting = page.getByRole('heading', { level: 1, name: 'Changes waiting from Alex Morgan (demo)' });
    await submitSignIn(page, COORDINATOR.username, COORDINATOR.password);
    await waiting.waitFor();
    // Going back keeps everything: the admin may yet unlock and send it.
    await page.getByRole('button', { name: 'Back to sign in' }).click();
    expect((await storeRecords<Queued>(page, 'outbox')).map((entry) => entry.recordId)).toContain(id);

    await submitSignIn(page, COORDINATOR.username, COORDINATOR.password);
    await waiting.waitFor();
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the changes to a file' }).click(),
    ]);
    await page.getByRole('checkbox', { name: /I have the file/ }).check();
    await page.getByRole('button', { name: 'Set the changes aside and sign in' }).click();
    await mainNav(page).waitFor();
    expect(await page.getByRole('heading', { name: 'Locked' }).count()).toBe(0);
    expect(await storeRecords(page, 'outbox')).toEqual([]);
  });
});
