// Text from the database is only ever text on the map: a partner named like an HTML image with an
// onerror handler shows its name literally in the ward panel, the map's tap popup and its own page, and
// nothing runs — no dialog opens, and no <img src="x"> exists anywhere in the document.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { openDatabase } from '../../src/server/storage/open.ts';
import { seedDemo, DEMO_USERS } from '../../src/server/demo/seed.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import {
  firstPage,
  launchBrowser,
  makeDataDir,
  makeTempDir,
  removeTempDirs,
  signInSynced,
  startServer,
  type RunningServer,
} from './harness.ts';
import { openMap, screenPointIn } from './mapPage.ts';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const ADMIN = DEMO_USERS.find((user) => user.role === 'admin');

/** The demo borough's ward the partner works in (the seed builds the same borough every time). */
const area = generateDemoArea();
const ward = area.wards.find((candidate) => candidate.name === 'Kingsmead') ?? area.wards[0];

async function seedWithHostilePartner(dataDir: string): Promise<void> {
  if (!ward) throw new Error('the demo borough has no wards');
  const db = await openDatabase({ dataDir });
  try {
    await seedDemo(db);
    const partner = partnerSchema.parse({
      id: randomUUID(),
      name: HOSTILE_NAME,
      kind: 'voluntary_group',
      capabilities: ['food'],
      coverage: { boroughWide: false, wards: [ward.code], parishes: [] },
      // At the ward's own centre, so a tap there finds it on the map.
      base: { address: '1 Test Street', postcode: null, lat: ward.centre[1], lon: ward.centre[0] },
      phone: '01632 960999',
      email: null,
      availability: { always: true, hours: [], outOfHoursPhone: null },
      capacityNotes: '',
      emergencyPlan: { agreed: true, date: '2026-01-01' },
      localCompact: { agreed: false, date: null },
      listedPublicly: false,
      lastVerified: new Date().toISOString().slice(0, 10),
      status: 'active',
      updatedAt: new Date().toISOString(),
    });
    await db.transaction((tx) => saveLoadedRecords(tx, 'partner', [partner]));
  } finally {
    await db.close();
  }
}

async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.locator('img[src="x"]').count(), 'an <img src="x"> in the document').toBe(0);
  expect(dialogs, 'dialogs opened by injected script').toEqual([]);
}

describe('names from the database are text on the map', () => {
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const dataDir = await makeDataDir('data-escaping');
    await seedWithHostilePartner(dataDir);
    server = await startServer({ dataDir });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('shows the name literally in the ward panel, the map popup and the partner page, and runs nothing', async () => {
    if (!server || !ADMIN || !ward) throw new Error('setup did not finish');
    context = await launchBrowser(await makeTempDir('profile-escaping'));
    const page = await firstPage(context);
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await signInSynced(page, server.url, ADMIN);
    await openMap(page);

    // The ward panel, with Food chosen so its list of partners is open.
    await page.getByLabel('Shade wards by capability').selectOption({ label: 'Food' });
    await page
      .getByRole('list', { name: 'Wards on the map' })
      .getByRole('button', { name: new RegExp(`^${ward.name}`) })
      .click();
    const panel = page.getByRole('region', { name: ward.name });
    const inPanel = panel.getByRole('link', { name: HOSTILE_NAME, exact: true });
    await inPanel.waitFor();
    expect(await inPanel.textContent()).toBe(HOSTILE_NAME);
    expect(await inPanel.isVisible()).toBe(true);
    await expectNothingInjected(page, dialogs);

    // The popup a tap on the map opens at the partner's base.
    const at = await screenPointIn(page, ward.code, ward.boundary, ward.centre);
    await page.mouse.click(at.x, at.y);
    const popup = page.getByRole('list', { name: 'Partners here' });
    const inPopup = popup.getByRole('link', { name: HOSTILE_NAME, exact: true });
    await inPopup.waitFor();
    expect(await inPopup.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('.leaflet-popup').getByText(HOSTILE_NAME, { exact: true }).isVisible()).toBe(
      true,
    );
    await expectNothingInjected(page, dialogs);

    // And its own page, reached from the popup.
    await inPopup.click();
    await page.getByRole('heading', { level: 1, name: HOSTILE_NAME, exact: true }).waitFor();
    await expectNothingInjected(page, dialogs);
  });
});
