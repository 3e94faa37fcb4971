// Helpers for the map's browser tests: open the map from the navigation, read what Leaflet drew (one SVG
// path per ward, tagged data-ward), and turn a longitude/latitude inside a ward into a point on screen.
import type { Page } from 'playwright-core';
import type { Boundary, Position } from '../../src/domain/geo/geometry.ts';
import { polygonsOf } from '../../src/domain/geo/geometry.ts';

export interface DrawnWard {
  code: string;
  unparished: boolean;
  cover: string;
  /** Length of the path's d attribute: an empty or one-point path is not a drawn boundary. */
  pathLength: number;
  box: { x: number; y: number; width: number; height: number };
}

/** Opens the map with the main navigation and waits until it says wards and partners are drawn. */
export async function openMap(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map' }).click();
  await waitForMapReady(page);
}

export async function waitForMapReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Map' }).waitFor();
  await page.locator('.ward-map[data-ready="true"]').waitFor({ timeout: 30_000 });
}

export async function drawnWards(page: Page): Promise<DrawnWard[]> {
  return page.locator('.leaflet-overlay-pane path[data-ward]').evaluateAll((paths) =>
    paths.map((path) => {
      const rect = path.getBoundingClientRect();
      return {
        code: path.getAttribute('data-ward') ?? '',
        unparished: path.getAttribute('data-unparished') === 'true',
        cover: path.getAttribute('data-cover') ?? '',
        pathLength: (path.getAttribute('d') ?? '').length,
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    }),
  );
}

/** The longitude/latitude box of a boundary's outer rings. */
export function geoBox(boundary: Boundary): { west: number; east: number; south: number; north: number } {
  const points: Position[] = polygonsOf(boundary).flatMap((polygon) => polygon[0] ?? []);
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
}

/**
 * Where a place inside a ward is on screen, by placing it within the ward path's drawn box. Across one
 * ward (a few km) Web Mercator is linear to well under a pixel, so this lands where Leaflet drew it.
 */
export async function screenPointIn(
  page: Page,
  wardCode: string,
  boundary: Boundary,
  [lon, lat]: Position,
): Promise<{ x: number; y: number }> {
  const drawn = (await drawnWards(page)).find((ward) => ward.code === wardCode);
  if (!drawn) throw new Error(`ward ${wardCode} is not drawn`);
  const box = geoBox(boundary);
  return {
    x: drawn.box.x + ((lon - box.west) / (box.east - box.west)) * drawn.box.width,
    y: drawn.box.y + ((box.north - lat) / (box.north - box.south)) * drawn.box.height,
  };
}
