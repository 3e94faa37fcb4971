// Ward and parish boundaries (GeoJSON, longitude first) turned into what Leaflet draws (latitude first),
// and the boxes the map fits to. Boundaries come from IndexedDB, so this never touches the network.
import type { LatLngTuple } from 'leaflet';
import { polygonsOf, type Boundary } from '../../../domain/geo/geometry.ts';

/** Polygons → rings → points, as Leaflet's Polygon takes for one or many polygons. */
export function boundaryLatLngs(boundary: Boundary): LatLngTuple[][][] {
  return polygonsOf(boundary).map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon])));
}

/** [[south, west], [north, east]]. */
export type Box = [LatLngTuple, LatLngTuple];

/** The box round some boundaries' outer rings; null when there are none. */
export function boundsOf(boundaries: readonly Boundary[]): Box | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const boundary of boundaries)
    for (const polygon of polygonsOf(boundary))
      for (const [lon, lat] of polygon[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
        west = Math.min(west, lon);
        east = Math.max(east, lon);
      }
  return Number.isFinite(south)
    ? [
        [south, west],
        [north, east],
      ]
    : null;
}

/** How many screen pixels wide a box is at a zoom level (Web Mercator: 256 px round the world at 0). */
export function pixelWidth(bounds: Box, zoom: number): number {
  const [[, west], [, east]] = bounds;
  return ((east - west) / 360) * 256 * 2 ** zoom;
}
