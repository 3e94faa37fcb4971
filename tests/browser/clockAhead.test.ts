// A phone whose clock is days ahead. The server will not take its changes (they would win every
// conflict for days), but nothing is lost: the request stays on the phone and in its queue, the bar
// says the date and time need setting, and once they are set right the request goes, stamped anew.
import { describe, expect, it } from 'vitest';
import {
  DEMO_DUTY,
  firstPage,
  pressSyncNow,
  serverForSuite,
  signInReadyOffline,
  syncStatus,
} from './harness.ts';
import { logRequest, serverRecords, syncNow } from './requestSteps.ts';

const ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const DAY_MS = 86_400_000;

describe('a phone whose clock is days ahead', () => {
  const suite = serverForSuite();

  it('keeps what it logs until the clock is set right, then sends it', async () => {
    const phone = await suite.launch('clock-ahead');
    await phone.clock.install({ time: Date.now() + 3 * DAY_MS });
    const page = await firstPage(phone);
    await signInReadyOffline(page, suite.url(), DEMO_DUTY);
    // Logged offline, so it waits on the phone until the sync asked for below.
    await phone.setOffline(true);
    const id = await logRequest(page, { name: 'Clock RQ' });
    await phone.setOffline(false);
    await pressSyncNow(page);

    const bar = page.getByRole('region', { name: 'Sync status' });
    await bar.getByText('Date and time wrong on this device').waitFor();
    await syncStatus(page)
      .filter({ hasText: /1 request waiting to send/ })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Food for Clock RQ' }).waitFor();
    expect(await bar.getByText(/refused by the server/).count()).toBe(0);
    const onServer = async () =>
      (await serverRecords(suite.url(), ADMIN.username, ADMIN.password)).some(
        (change) => change.entity === 'request' && change.id === id && !change.deleted,
      );
    expect(await onServer()).toBe(false);

    // The date and time set right (as a phone's automatic time would): the next sync sends it.
    await phone.clock.setSystemTime(Date.now());
    await syncNow(page);
    expect(await onServer()).toBe(true);
    await bar.getByText('Date and time wrong on this device').waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Food for Clock RQ' }).waitFor();
  });
});
