// map.firstRender: milliseconds from clicking "Map" to every ward and 5,000 partners drawn, in the real
// Chromium, with the directory already on the device (synced before timing starts). Uses the built app
// in dist/ (built here only if missing) and a server whose data folder is seeded with 5,000 partners.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src/server/storage/open.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signIn,
  startServer,
} from '../browser/harness.ts';
import { percentile, round, type BenchResult } from './measure.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PARTNERS = 5_000;

async function seedBigDirectory(dataDir: string): Promise<number> {
  const area = generateDemoArea();
  const { partners } = generateDemoDirectory(area, { partners: PARTNERS, contacts: 0 });
  const db = await openDatabase({ dataDir });
  try {
    await db.transaction(async (tx) => {
      await saveLoadedRecords(tx, 'ward', area.wards);
      await saveLoadedRecords(tx, 'parish', area.parishes);
      await saveLoadedRecords(tx, 'partner', partners);
    });
    await seedDemo(db); // the area is there already, so this adds only the demo users
  } finally {
    await db.close();
  }
  return area.wards.length;
}

/** Clicks "Map" in the page itself and times, with the page's clock, until the map marks itself ready. */
function timeOneOpen(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const link = document.querySelector<HTMLAnchorElement>('nav[aria-label="Main"] a[href="/map"]');
        if (!link) {
          reject(new Error('no "Map" link in the main navigation'));
          return;
        }
        const observer = new MutationObserver(() => {
          if (document.querySelector('.ward-map[data-ready="true"]')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-ready'] });
        const start = performance.now();
        link.click();
      }),
  );
}

export async function benchMapFirstRender(opens = 5): Promise<BenchResult[]> {
  if (!existsSync(`${REPO_ROOT}dist/index.html`))
    execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const dataDir = await makeTempDir('bench-map-data');
  const wardCount = await seedBigDirectory(dataDir);
  const server = await startServer({ dataDir });
  const context = await launchBrowser(await makeTempDir('bench-map-profile'), {
    viewport: { width: 1280, height: 800 },
    fullChromium: true,
  });
  try {
    const page = await firstPage(context);
    await page.goto(server.url);
    await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
    await page
      .getByRole('region', { name: 'Sync status' })
      .getByRole('status')
      .filter({ hasText: /Last synced/ })
      .waitFor({ timeout: 180_000 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Start each open from the light Wards screen, so leaving the previous screen is not timed.
    await nav.getByRole('link', { name: 'Wards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wards' }).waitFor();

    const samples: number[] = [];
    for (let open = 0; open < opens; open += 1) {
      samples.push(await timeOneOpen(page));
      // Check it really drew everything before counting the sample.
      const wards = await page.locator('.leaflet-overlay-pane path[data-ward]').count();
      const shown = Number(
        /(\d+) partners shown/.exec((await page.locator('.map-key').textContent()) ?? '')?.[1],
      );
      if (wards !== wardCount || !(shown > PARTNERS * 0.8))
        throw new Error(`the map drew ${wards} of ${wardCount} wards and ${shown} partners`);
      await nav.getByRole('link', { name: 'Wards' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wards' }).waitFor();
    }
    console.log(`map.firstRender samples (ms): ${samples.map((ms) => ms.toFixed(0)).join(', ')}`);
    return [
      { name: 'map.firstRender.p50', value: round(percentile(samples, 50), 1), unit: 'ms' },
      { name: 'map.firstRender.max', value: round(Math.max(...samples), 1), unit: 'ms' },
    ];
  } finally {
    await context.close();
    await server.stop();
    await removeTempDirs();
  }
}
