// A phone handed from one person to another. Signing out while the first download is still arriving
// must leave nothing of the first person's behind: no records for the next person to see, no cursor for
// their download to start from, and no "sign-in expired" of the person who has gone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_DUTY, serverForSuite, signIn, signOut, firstPage, waitForSynced } from './harness.ts';
import { serverRecords } from './requestSteps.ts';
import { storeRecords } from './deviceDatabase.ts';

const COORDINATOR = { username: 'parish', password: 'demo-parish-2026' } as const;

/** Resolves when no sync holds the lock in any tab of this profile. */
const syncsEnded = (page: Page) =>
  page.evaluate(() => navigator.locks.request('resilience-hub-sync', () => undefined));

/**
 * Signs the duty officer in and out while their first pull is held on the way; `answered` says whether
 * the server answered it before the sign-out (it arrives after) or only sees it after (and refuses it).
 * Returns once every sync has ended.
 */
async function signOutDuringFirstPull(page: Page, url: string, answered: 'before' | 'after') {
  await page.goto(url);
  let letGo = () => undefined as void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  let asked = () => undefined as void;
  const firstPullAsked = new Promise<void>((resolve) => (asked = resolve));
  let holding = true;
  await page.route('**/api/sync/pull**', async (route) => {
    if (!holding) return route.continue();
    holding = false;
    if (answered === 'after') {
      asked();
      await held;
      return route.continue().catch(() => undefined);
    }
    const response = await route.fetch();
    asked();
    await held;
    // Said to have more after it, so the app asks on with the signed-out sign-in, and is refused.
    const first = { ...((await response.json()) as object), hasMore: true };
    const headers: Record<string, string> = { ...response.headers(), 'pull-has-more': 'true' };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: 200, headers, body: JSON.stringify(first) }).catch(() => undefined);
  });

  await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
  await firstPullAsked;
  await signOut(page);
  await page.getByRole('heading', { name: 'Sign in to Resilience Hub' }).waitFor();
  letGo();
  await syncsEnded(page);
}

/** Signed out is signed out: no records left, and not the duty officer's sign-in back as "expired". */
async function expectSignedOutEmpty(page: Page) {
  expect(await page.getByText('Your sign-in has expired').count()).toBe(0);
  expect(await page.getByLabel('Username').inputValue()).toBe('');
  expect(await storeRecords(page, 'contacts')).toEqual([]);
}

describe('a phone shared between two people', () => {
  const suite = serverForSuite();

  it('signed out while the first download arrives, keeps none of it for the next person', async () => {
    const page = await firstPage(await suite.launch('shared-phone'));
    await signOutDuringFirstPull(page, suite.url(), 'before');
    await expectSignedOutEmpty(page);

    await signIn(page, COORDINATOR.username, COORDINATOR.password);
    await waitForSynced(page);
    await syncsEnded(page);
    const theirs = new Set(
      (await serverRecords(suite.url(), COORDINATOR.username, COORDINATOR.password))
        .filter((change) => change.entity === 'contact' && !change.deleted)
        .map((change) => change.id),
    );
    const onPhone = (await storeRecords<{ id: string }>(page, 'contacts')).map((contact) => contact.id);
    expect(onPhone.length).toBeGreaterThan(0);
    expect(onPhone.filter((id) => !theirs.has(id))).toEqual([]);
    expect(onPhone.length).toBe(theirs.size);
  });

  it('signed out before the first download was answered, stays signed out', async () => {
    const page = await firstPage(await suite.launch('shared-phone-refused'));
    await signOutDuringFirstPull(page, suite.url(), 'after');
    await expectSignedOutEmpty(page);
  });
});
