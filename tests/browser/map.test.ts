// The ward map on Maidstone's real 26 wards and 41 parishes, loaded by the boundary importer as a council
// would: every ward is drawn as a real boundary, the 8 unparished wards are marked on the map and in the
// key, a capability shades every ward as a gap (this area has no partners), a tap or the keyboard list
// opens a ward's details with "Find help here" — online, and again offline after a reload.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runImportArea } from '../../src/server/cli/importArea.ts';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';
import type { Boundary, Position } from '../../src/domain/geo/geometry.ts';
import {
  DEMO_DUTY,
  firstPage,
  launchBrowser,
  makeDataDir,
  makeTempDir,
  removeTempDirs,
  signInSynced,
  startServer,
  syncStatus,
  waitForServiceWorkerControl,
  type RunningServer,
} from './harness.ts';
import { drawnWards, openMap, screenPointIn, waitForMapReady } from './mapPage.ts';

const haveData = hasSharedData('maidstone') && hasSharedData('maidstone-lists', 'parishes.json');
const WARDS_DIR = sharedDataPath('maidstone');
const PARISHES_FILE = sharedDataPath('maidstone-lists', 'parishes.json');

interface WardFeature {
  properties: { WD13CD: string; WD13NM: string };
  geometry: Boundary;
}
interface ListedWard {
  code: string;
  name: string;
  vintage: string;
  parished: string;
}

/** What the source files say, read independently of the importer: codes, names, shapes, unparished. */
function expectedArea() {
  const features = (
    JSON.parse(readFileSync(sharedDataPath('maidstone', 'wards-2013.geojson'), 'utf8')) as {
      features: WardFeature[];
    }
  ).features;
  const listed = JSON.parse(
    readFileSync(sharedDataPath('maidstone-lists', 'wards.json'), 'utf8'),
  ) as ListedWard[];
  const unparished = listed
    .filter((ward) => ward.vintage.startsWith('2013') && ward.parished.startsWith('none'))
    .map((ward) => ward.code)
    .sort();
  return {
    codes: features.map((feature) => feature.properties.WD13CD).sort(),
    byCode: new Map(features.map((feature) => [feature.properties.WD13CD, feature])),
    unparished,
  };
}

describe.skipIf(!haveData)('the ward map with the real Maidstone wards', () => {
  const expected = haveData
    ? expectedArea()
    : { codes: [], byCode: new Map<string, WardFeature>(), unparished: [] };
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    const dataDir = await makeDataDir('data-maidstone');
    const lines: string[] = [];
    const code = await runImportArea(
      [WARDS_DIR, PARISHES_FILE],
      { DATA_DIR: dataDir },
      {
        log: (line) => lines.push(line),
        error: (line) => lines.push(`error: ${line}`),
      },
    );
    expect(code, lines.join('\n')).toBe(0);
    server = await startServer({ dataDir });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await removeTempDirs();
  });

  const page = async (): Promise<Page> => {
    if (!context) throw new Error('an earlier step did not launch the browser');
    return firstPage(context);
  };

  /** Every ward drawn once as a real, visible boundary; exactly the unparished ones marked. */
  async function expectEveryWardDrawn(p: Page): Promise<void> {
    const drawn = await drawnWards(p);
    expect(expected.codes).toHaveLength(26);
    expect(expected.unparished).toHaveLength(8);
    expect(drawn.map((ward) => ward.code).sort()).toEqual(expected.codes);
    const map = await p.locator('.ward-map-leaflet').boundingBox();
    if (!map) throw new Error('the map has no size');
    for (const ward of drawn) {
      expect(ward.pathLength, `${ward.code} has a boundary`).toBeGreaterThan(40);
      expect(ward.box.width, `${ward.code} is drawn with a width`).toBeGreaterThan(4);
      expect(ward.box.height, `${ward.code} is drawn with a height`).toBeGreaterThan(4);
      // Inside the map, not off somewhere the reader cannot see.
      expect(ward.box.x).toBeGreaterThanOrEqual(map.x - 1);
      expect(ward.box.x + ward.box.width).toBeLessThanOrEqual(map.x + map.width + 1);
    }
    const marked = drawn
      .filter((ward) => ward.unparished)
      .map((ward) => ward.code)
      .sort();
    expect(marked).toEqual(expected.unparished);
    // Dashed outlines, as the key says.
    const dashed = await p
      .locator('.leaflet-overlay-pane path[data-unparished="true"]')
      .evaluateAll((paths) => paths.filter((path) => path.getAttribute('stroke-dasharray')).length);
    expect(dashed).toBe(8);
    await p.getByText('Unparished ward, no parish council: dashed outline (8 of 26 wards)').waitFor();
    const list = p.getByRole('list', { name: 'Wards on the map' });
    expect(await list.getByRole('button').count()).toBe(26);
    expect(await list.getByRole('button').filter({ hasText: 'Unparished' }).count()).toBe(8);
    // Maidstone's parishes come as a list without boundaries, and the screen says so.
    await p.getByText(/none of the 41 parishes has a boundary on this device/).waitFor();
  }

  it('draws all 26 wards and marks the 8 unparished ones, online', async () => {
    if (!server) throw new Error('server not started');
    context = await launchBrowser(await makeTempDir('profile-map'));
    const p = await firstPage(context);
    await signInSynced(p, server.url, DEMO_DUTY);
    await openMap(p);
    await expectEveryWardDrawn(p);
    await waitForServiceWorkerControl(p);
  });

  it('shades every ward as a gap for a capability nobody offers here, in words too', async () => {
    const p = await page();
    await waitForMapReady(p);
    await p.getByLabel('Shade wards by capability').selectOption({ label: 'Food' });
    await p.getByText('Gap: no active partner offers Food (26 wards)').waitFor();
    const covers = (await drawnWards(p)).map((ward) => ward.cover);
    expect(covers).toEqual(Array.from({ length: 26 }, () => 'gap'));
    const list = p.getByRole('list', { name: 'Wards on the map' });
    expect(await list.getByRole('button').filter({ hasText: 'Gap: no partner' }).count()).toBe(26);
  });

  it('opens a ward tapped on the map, with "Unparished" and Find help here', async () => {
    const p = await page();
    const allington = expected.byCode.get('E05004982');
    if (!allington) throw new Error('Allington is not in the source file');
    // A point well inside Allington: the middle of its widest east-west run through its centre line.
    const ring = (
      allington.geometry.type === 'Polygon'
        ? allington.geometry.coordinates[0]
        : allington.geometry.coordinates[0]?.[0]
    ) as Position[];
    const lons = ring.map(([lon]) => lon);
    const lats = ring.map(([, lat]) => lat);
    const inside = insidePoint(ring, [
      (Math.min(...lons) + Math.max(...lons)) / 2,
      (Math.min(...lats) + Math.max(...lats)) / 2,
    ]);
    const at = await screenPointIn(p, 'E05004982', allington.geometry, inside);
    await p.mouse.click(at.x, at.y);
    const panel = p.getByRole('region', { name: 'Allington' });
    await panel.waitFor();
    await panel.getByText('Unparished').waitFor();
    const findHelp = panel.getByRole('link', { name: 'Find help here' });
    expect(await findHelp.getAttribute('href')).toBe('/find?ward=E05004982');
    expect(
      await p
        .getByRole('list', { name: 'Wards on the map' })
        .getByRole('button', { pressed: true })
        .textContent(),
    ).toMatch(/^Allington/);
  });

  it('after going offline and reloading, still draws every ward and marks the unparished ones', async () => {
    const p = await page();
    await context?.setOffline(true);
    await p.reload();
    await waitForMapReady(p);
    await syncStatus(p)
      .filter({ hasText: /^Offline/ })
      .waitFor();
    await expectEveryWardDrawn(p);

    // The keyboard way in works offline too: choose a parished ward from the list.
    await p
      .getByRole('list', { name: 'Wards on the map' })
      .getByRole('button', { name: /^Barming/ })
      .click();
    const panel = p.getByRole('region', { name: 'Barming' });
    await panel.getByText(/^Parishes: Barming, Teston$/).waitFor();
    await panel.getByRole('link', { name: 'Find help here' }).click();
    await p.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    expect(new URL(p.url()).search).toBe('?ward=E05004983');
  });
});

/**
 * A point inside a ring near a guess: the guess if it is inside, else the middle of the longest
 * east-west run of the ring at the guess's latitude (ray casting), so the tap lands on the ward itself.
 */
function insidePoint(ring: Position[], [lon, lat]: Position): Position {
  const crossings: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat) crossings.push(xi + ((lat - yi) / (yj - yi)) * (xj - xi));
  }
  crossings.sort((a, b) => a - b);
  let best: Position = [lon, lat];
  let widest = -1;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const [west, east] = [crossings[k] as number, crossings[k + 1] as number];
    if (east - west > widest) {
      widest = east - west;
      best = [(west + east) / 2, lat];
    }
  }
  return best;
}
