// With Maidstone's real wards, parishes, LSOAs and IMD 2019 loaded through import-area (and no partners
// yet, so every capability is a gap everywhere), the gap list in a real Chromium puts the unparished
// deprived wards first — Shepway South, High Street, Shepway North — then deprived but parished Park
// Wood, names the deciles and says "no parish council"; the dashboard ranks the same; axe finds nothing.
import { describe, expect, it, afterAll } from 'vitest';
import { runImportArea } from '../../src/server/cli/importArea.ts';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeDataDir,
  makeTempDir,
  removeTempDirs,
  signInSynced,
  startServer,
  type RunningServer,
} from './harness.ts';
import { axeViolations } from './pageChecks.ts';
import { openNav } from './requestSteps.ts';
import { openMap } from './mapPage.ts';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';
import type { BrowserContext } from 'playwright-core';

const FILES = [
  sharedDataPath('maidstone'),
  sharedDataPath('maidstone-lists', 'parishes.json'),
  sharedDataPath('maidstone-lsoa'),
  sharedDataPath('maidstone-imd'),
];

describe.skipIf(
  !['maidstone', 'maidstone-lists', 'maidstone-lsoa', 'maidstone-imd'].every((dir) => hasSharedData(dir)),
)('deprivation in the gap list (real Maidstone data)', () => {
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('puts unparished deprived wards first and names the deciles', async () => {
    const dataDir = await makeDataDir('maidstone');
    const printed: string[] = [];
    const out = { log: (line: string) => printed.push(line), error: (line: string) => printed.push(line) };
    expect(await runImportArea(FILES, { DATA_DIR: dataDir }, out), printed.join('\n')).toBe(0);
    expect(printed).toContain(
      "Wards with LSOAs in England's most deprived 20%: High Street (1, unparished), Park Wood (2), Shepway North (1, unparished), Shepway South (2, unparished).",
    );

    server = await startServer({ dataDir });
    context = await launchBrowser(await makeTempDir('deprivation-profile'));
    const page = await firstPage(context);
    await signInSynced(page, server.url, DEMO_DUTY);
    await openNav(page, 'Gaps');
    await page.getByRole('heading', { level: 1, name: 'Gaps in cover' }).waitFor();
    const list = page.getByRole('list', { name: 'Wards most in need, most first' });
    await list.getByRole('listitem').first().waitFor();
    const first = await list.getByRole('listitem').allTextContents();
    expect(first.map((line) => line.split(':')[0])).toEqual([
      'Shepway South',
      'High Street',
      'Shepway North',
      'Park Wood',
      first[4]?.split(':')[0],
    ]);
    expect(first[0]).toMatch(
      /^Shepway South: no partner covers food, medicines collection, welfare check, befriending and 11 more; 1 of its \d+ LSOAs in England's most deprived 10% \(decile 1\); no parish council$/,
    );
    expect(first[1]).toMatch(
      /^High Street: .*; 1 of its \d+ LSOAs in England's most deprived 20% \(deciles 1–2\); no parish council$/,
    );
    expect(first[3]).toMatch(
      /^Park Wood: .*; 1 of its \d+ LSOAs in England's most deprived 10% \(decile 1\)$/,
    );
    // The fifth is an unparished ward that is not deprived: its most deprived LSOA's decile is named.
    expect(first[4]).toMatch(/most deprived LSOA in decile \d+; no parish council$/);
    expect(await axeViolations(page)).toEqual([]);

    await openNav(page, 'Dashboard');
    const onDashboard = page.getByRole('list', { name: 'Wards most in need, most first' });
    await onDashboard.getByRole('listitem').first().waitFor();
    expect((await onDashboard.getByRole('listitem').allTextContents()).slice(0, 4)).toEqual(
      first.slice(0, 4),
    );

    // The map shades the 95 LSOAs by decile when asked, and the ward panel names the most deprived.
    await openMap(page);
    await page.getByLabel('Show deprivation by LSOA (95 small areas)').check();
    await page.getByRole('list', { name: 'Deprivation deciles, most deprived first' }).waitFor();
    const shaded = page.locator('.leaflet-overlay-pane path:not([data-ward])');
    await expect.poll(() => shaded.count()).toBeGreaterThanOrEqual(95);
    await page
      .getByRole('list', { name: 'Wards on the map' })
      .getByRole('button', { name: /^Shepway South/ })
      .click();
    await page
      .getByText(
        /^Most deprived LSOA: Maidstone 013D, decile 1 \(rank 3,092 in England; 1 is the most deprived\)/,
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
