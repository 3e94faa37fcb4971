// A first pull of a big borough on a fresh phone: the person sees how far it has got (a labelled
// progress bar) and can already find help from the pages that have arrived, before the pull ends.
// The pages after the first are held back by the test (as a slow link would), so the pull is surely
// still running while the person works; then they are let through and the pull finishes.
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEMO_DUTY,
  launchBrowser,
  makeDataDir,
  makeTempDir,
  removeTempDirs,
  startServer,
  submitSignIn,
  syncStatus,
  waitForSynced,
  type RunningServer,
} from './harness.ts';
import { boroughArea, prepareBorough } from '../support/borough.ts';

describe('a first pull of a big borough', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  it('shows a labelled progress bar and lets the person find help before it ends', async () => {
    const dataDir = await makeDataDir('big-borough');
    // 8,000+ records: five pages of 2,000. The first holds the wards, the parishes and 2,000 partners.
    await prepareBorough({ dataDir }, { partners: 3_000, contacts: 1_000, requests: 4_000 });
    const ward = boroughArea(false).wards[0]!;
    server = await startServer({ dataDir });
    const context = await launchBrowser(await makeTempDir('big-borough-phone'));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let heldPages = 0;
      await page.route(
        (url) => url.pathname === '/api/sync/pull' && url.searchParams.has('since'),
        async (route) => {
          heldPages += 1;
          await held;
          await route.continue();
        },
      );
      await page.goto(server.url);
      await submitSignIn(page, DEMO_DUTY.username, DEMO_DUTY.password);

      const progress = page.getByRole('progressbar', { name: 'Downloading the directory' });
      await progress.waitFor({ timeout: 60_000 });
      const received = Number(await progress.getAttribute('value'));
      const total = Number(await progress.getAttribute('max'));
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(total);

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Find help', exact: true })
        .click();
      await page
        .getByRole('group', { name: 'What is needed?' })
        .getByRole('button', { name: 'Food', exact: true })
        .click();
      await page.getByLabel('Where?').selectOption(`ward:${ward.code}`);
      await page
        .getByRole('list', { name: 'Best placed partners' })
        .getByRole('listitem')
        .first()
        .waitFor({ timeout: 30_000 });
      // Still pulling: the answer came from the pages already stored.
      expect(heldPages).toBeGreaterThan(0);
      expect(await progress.isVisible()).toBe(true);
      expect(await syncStatus(page).textContent()).toContain('Syncing…');

      release();
      await waitForSynced(page);
      expect(await progress.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
