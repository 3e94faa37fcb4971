// With TILE_URL set, the map draws tiles from that server with its credit and the OGL attribution, the
// service worker keeps the tiles it has seen (the "map-tiles" cache), and after going offline and
// reloading those tiles still show under the ward boundaries.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  freePort,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signIn,
  startServer,
  waitForServiceWorkerControl,
  waitForSynced,
  type RunningServer,
} from './harness.ts';
import { openMap, waitForMapReady } from './mapPage.ts';

// A 1 × 1 grey PNG: every tile looks the same, which is all the map needs here.
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN4+P//fwAJ0QPPmqwQMAAAAABJRU5ErkJggg==',
  'base64',
);

describe('a configured tile server', () => {
  let tiles: Server | undefined;
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  const requested: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    tiles = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '') ? 200 : 404, {
        'Content-Type': 'image/png',
      });
      response.end(TILE_PNG);
    });
    await new Promise<void>((resolve) => tiles?.listen(port, '127.0.0.1', resolve));
    server = await startServer({
      env: {
        TILE_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
        TILE_ATTRIBUTION: 'Test tiles <b>ltd</b>',
      },
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await new Promise((resolve) => tiles?.close(resolve));
    await removeTempDirs();
  });

  it('draws tiles with their credit, and the service worker keeps them for offline use', async () => {
    if (!server) throw new Error('server not started');
    context = await launchBrowser(await makeTempDir('profile-tiles'));
    const page = await firstPage(context);
    await page.goto(server.url);
    await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
    await waitForServiceWorkerControl(page);
    await waitForSynced(page);
    await openMap(page);
    // The app learns the tile server from /api/config, then Leaflet asks for tiles.
    await page.locator('.leaflet-tile-loaded').first().waitFor({ timeout: 30_000 });
    expect(requested.length).toBeGreaterThan(0);
    const attribution = page.locator('.leaflet-control-attribution');
    // The configured credit is shown as text, tags and all, beside the OGL statement.
    await attribution.getByText('Test tiles <b>ltd</b>').waitFor();
    expect(await attribution.locator('b').count()).toBe(0);
    await attribution
      .getByText(/Contains National Statistics data © Crown copyright and database right\./)
      .waitFor();

    const cached = async () =>
      page.evaluate(async () => (await (await caches.open('map-tiles')).keys()).length);
    await expect.poll(cached, { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('shows the tiles it has seen after going offline and reloading', async () => {
    if (!context) throw new Error('an earlier step did not launch the browser');
    const page = await firstPage(context);
    await context.setOffline(true);
    const before = requested.length;
    await page.reload();
    await waitForMapReady(page);
    await page.locator('.leaflet-tile-loaded').first().waitFor({ timeout: 30_000 });
    expect(requested.length, 'no tile came from the network').toBe(before);
    await page.getByText('Offline: the background shows only map tiles seen before.').waitFor();
  });
});
