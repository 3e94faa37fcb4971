// The audit trail as a manager reads it: who did what, filtered, and downloaded as CSV for an
// investigation. It is read from the server, so with no signal the download says so in plain words.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_DUTY, firstPage, openNav, serverForSuite, signInSynced, submitSignIn } from './harness.ts';
import { DEMO_USERS } from '../../src/server/demo/seed.ts';

const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

describe('the audit trail', () => {
  const suite = serverForSuite();

  it('lists sign-ins, filters by person, downloads as CSV, and says plainly when offline', async () => {
    // Someone else's failed sign-in first, so the filter has something to leave out.
    const context = await suite.launch('audit');
    const page = await firstPage(context);
    await page.goto(suite.url());
    await submitSignIn(page, DEMO_DUTY.username, 'not the password');
    await page.getByRole('alert').waitFor();
    await signInSynced(page, suite.url(), admin);

    await openNav(page, 'Audit trail');
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const entries = page.getByRole('region', { name: 'Audit entries' });
    await entries.getByRole('cell', { name: 'Failed sign-in' }).first().waitFor();

    await page.getByLabel('Person (username)').fill(admin.username);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => entries.getByRole('cell', { name: 'Failed sign-in' }).count()).toBe(0);
    await entries.getByRole('cell', { name: 'Signed in', exact: true }).first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-trail.csv');
    const csv = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.data.length).toBeGreaterThan(0);
    expect(new Set(csv.data.map((row) => row.username))).toEqual(new Set([admin.username]));
    expect(csv.data.map((row) => row.action)).toContain('sign_in');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Download CSV' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringMatching(/^Cannot reach the server\. You may be offline/));
  });
});
