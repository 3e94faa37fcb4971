// The browser is asked to keep this device's data (persistent storage) at sign-in, and again each time
// the app opens signed in while it has not said yes: Chromium decides by itself, and says yes once the
// app is installed or used often, which is rarely so at a first sign-in. Here the browser always says no.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, mainNav, serverForSuite, signInSynced } from './harness.ts';

/** How many times this page asked for persistent storage so far. */
const asks = (page: Page) =>
  page.evaluate(() => (window as Window & { persistAsks?: number }).persistAsks ?? 0);

describe('persistent storage', () => {
  const suite = serverForSuite();

  it('is asked for again when the app opens signed in and the browser said no before', async () => {
    const context = await suite.launch('persist-refused');
    await context.addInitScript(() => {
      const counted = window as Window & { persistAsks?: number };
      counted.persistAsks = 0;
      navigator.storage.persisted = () => Promise.resolve(false);
      navigator.storage.persist = () => {
        counted.persistAsks = (counted.persistAsks ?? 0) + 1;
        return Promise.resolve(false);
      };
    });
    const page = await firstPage(context);
    await signInSynced(page, suite.url(), DEMO_DUTY);
    expect(await asks(page)).toBeGreaterThan(0);

    await page.reload();
    await mainNav(page).waitFor();
    await expect.poll(() => asks(page), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
