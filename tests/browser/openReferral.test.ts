// Open Referral UK import in a real Chromium: an admin opens the ORUK validator's Default service
// (which has no phone number, as ORUK 3.0 has no place for one), sees it held back with the reason and
// its unknown taxonomy term offered for mapping, types a phone, previews again, imports it, and finds
// the new partner in the directory. The screen is axe clean and fits a 320 px phone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstPage, serverForSuite, signInSynced } from './harness.ts';
import { axeViolations, pageWidth, PHONE_SCREEN } from './pageChecks.ts';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const SAMPLE = ['openreferral-uk', 'samples', 'oruk-validator-mocks', 'V3.0-UK-Default', 'service_full.json'];

describe.skipIf(!hasSharedData(...SAMPLE))('Open Referral UK import', () => {
  const { url, launch } = serverForSuite();

  it('previews an ORUK service, asks for the phone it lacks, and imports it', async () => {
    const page = await firstPage(await launch('oruk-admin'));
    await page.setViewportSize(PHONE_SCREEN);
    await signInSynced(page, url(), DEMO_ADMIN);
    await page.goto(`${url()}/import`);
    await page.getByRole('heading', { level: 2, name: 'Open Referral UK' }).waitFor();

    await page.getByLabel('Open Referral JSON files to import').setInputFiles({
      name: 'service_full.json',
      mimeType: 'application/json',
      buffer: readFileSync(sharedDataPath(...SAMPLE)),
    });
    const refused = page.getByRole('list', { name: 'Services not imported' }).getByRole('listitem');
    await refused.first().waitFor();
    expect(await refused.allTextContents()).toEqual([
      'Service 1 (Community Counselling): no phone number: ORUK 3.0 has no place for one, and duty officers must be able to call',
    ]);
    await page.getByLabel('“name” means').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);

    await page.getByLabel('Phone for Community Counselling').fill('01632 960444');
    await page.getByRole('button', { name: 'Use these phone numbers' }).click();
    const created = page.getByRole('list', { name: 'New partners' }).getByRole('listitem');
    await created.first().waitFor();
    expect(await created.first().textContent()).toMatch(
      /Example Organization Inc\. — Community Counselling \(paused\)/,
    );
    await created
      .first()
      .getByText(/What was not kept/)
      .click();
    await created
      .first()
      .getByText(/latitude 100, longitude 101 is not a place on Earth/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import the 1 partner' }).click();
    await page.getByText(/^Imported 1 partner from service_full\.json: 1 new, 0 updated\./).waitFor();

    await page.goto(`${url()}/directory`);
    await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Community Counselling');
    await page
      .getByRole('link', { name: /Community Counselling/ })
      .first()
      .waitFor();
  });
});
