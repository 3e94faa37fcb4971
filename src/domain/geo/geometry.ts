// GeoJSON geometry for ward and parish boundaries (WGS84 longitude/latitude), validated to the
// GeoJSON spec: closed rings of at least four positions, coordinates within range.
import { z } from 'zod';

export const positionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type Position = z.infer<typeof positionSchema>;

export const linearRingSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must end where it starts');

const polygonCoordinates = z.array(linearRingSchema).min(1, 'a polygon needs an outer ring');

export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates });
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(polygonCoordinates).min(1, 'a multipolygon needs at least one polygon'),
});
export const boundarySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export type Boundary = z.infer<typeof boundarySchema>;

/** The polygons of a boundary, each a list of rings (outer first), whatever its GeoJSON type. */
export function polygonsOf(boundary: Boundary): Position[][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

/** West, south, east and north of a boundary's outer rings. A loop, not Math.min(...positions): a
 *  full-resolution boundary has more positions than a call may take arguments. */
export function boundsOf(boundary: Boundary): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(boundary))
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  return [west, south, east, north];
}
