// Two tabs of one profile (or a tab and the installed app's window) share one database and sync one at
// a time. A tab that finds the other syncing must still sync after it: a change made in it must not wait
// for the other tab's next minute, or for ever once that tab is closed.
import { describe, expect, it } from 'vitest';
import { DEMO_DUTY, firstPage, mainNav, pressSyncNow, serverForSuite, signInSynced } from './harness.ts';
import { logRequest, serverRecords } from './requestSteps.ts';

describe('two tabs of the same profile', () => {
  const suite = serverForSuite();

  it('a change made in a tab opened while the other was syncing is sent once that sync ends', async () => {
    const context = await suite.launch('two-tabs');
    const first = await firstPage(context);
    await signInSynced(first, suite.url(), DEMO_DUTY);

    // The first tab's next pull is held on the way, so its sync (and the lock) lasts until let go.
    let letGo = () => undefined as void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    await first.route('**/api/sync/pull**', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const pulling = first.waitForRequest(/\/api\/sync\/pull/);
    await pressSyncNow(first);
    await pulling;

    const second = await context.newPage();
    await second.goto(suite.url());
    await mainNav(second).waitFor();
    const id = await logRequest(second, { name: 'Second-tab' });

    letGo();
    await first.unroute('**/api/sync/pull**');
    // Well inside the minute after which the first tab would sync again by itself.
    await expect
      .poll(
        async () =>
          (await serverRecords(suite.url(), 'admin', 'demo-admin-2026')).some(
            (change) => change.entity === 'request' && change.id === id && !change.deleted,
          ),
        { timeout: 25_000, interval: 1_000 },
      )
      .toBe(true);
  });
});
