// Whether a boundary's rings are simple: no ring crossing or touching itself, no spike, no hole
// crossing its outer ring (or touching it at more than one point), and no polygon of a MultiPolygon
// crossing another. One sweep over every edge of the geometry in order of its west end, so a
// full-resolution ONS boundary (tens of thousands of positions a ward) is checked in well under a
// second: turf's booleanValid compared every vertex with every edge, and took a minute over one ward of
// 20,000 positions and hours over a file of them.
import type { Position } from './geometry.ts';

interface Edge {
  polygon: number;
  ring: number;
  /** Its place in the ring, and how many edges the ring has (the last meets the first). */
  index: number;
  edges: number;
  from: Position;
  to: Position;
  west: number;
  east: number;
  south: number;
  north: number;
}

/** What is wrong, in words after "ring 1 …" or "polygon 2, ring 1 …", with where. */
export interface RingProblem {
  /** 0-based polygon and ring of the first edge involved. */
  polygon: number;
  ring: number;
  words: string;
  /** turf's words for a ring touching itself, a spike or a hole crossing: "is not a valid polygon". */
  invalid: boolean;
}

const orientation = (a: Position, b: Position, c: Position): number =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** Whether p, already known to be on the line through a and b, lies within the segment. */
const within = (a: Position, b: Position, p: Position): boolean =>
  p[0] >= Math.min(a[0], b[0]) &&
  p[0] <= Math.max(a[0], b[0]) &&
  p[1] >= Math.min(a[1], b[1]) &&
  p[1] <= Math.max(a[1], b[1]);

/** To six places, as the file most likely wrote it. */
const at = ([x, y]: Position): string => `${Math.round(x * 1e6) / 1e6}, ${Math.round(y * 1e6) / 1e6}`;

/** Where two segments meet: a crossing point, a touching point, or nowhere. */
function contact(a: Edge, b: Edge): { kind: 'cross' | 'touch'; point: Position } | undefined {
  const o1 = orientation(a.from, a.to, b.from);
  const o2 = orientation(a.from, a.to, b.to);
  const o3 = orientation(b.from, b.to, a.from);
  const o4 = orientation(b.from, b.to, a.to);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const [ax, ay] = a.from;
    const [dx, dy] = [a.to[0] - ax, a.to[1] - ay];
    const [ex, ey] = [b.to[0] - b.from[0], b.to[1] - b.from[1]];
    const t = ((b.from[0] - ax) * ey - (b.from[1] - ay) * ex) / (dx * ey - dy * ex);
    return { kind: 'cross', point: [ax + t * dx, ay + t * dy] };
  }
  if (o1 === 0 && within(a.from, a.to, b.from)) return { kind: 'touch', point: b.from };
  if (o2 === 0 && within(a.from, a.to, b.to)) return { kind: 'touch', point: b.to };
  if (o3 === 0 && within(b.from, b.to, a.from)) return { kind: 'touch', point: a.from };
  if (o4 === 0 && within(b.from, b.to, a.to)) return { kind: 'touch', point: a.to };
  return undefined;
}

/** Edges next to each other in one ring meet at their shared vertex; only folding back is wrong. */
function adjacent(a: Edge, b: Edge): boolean {
  if (a.polygon !== b.polygon || a.ring !== b.ring) return false;
  const gap = Math.abs(a.index - b.index);
  return gap === 1 || gap === a.edges - 1;
}

/** A spike: the ring goes out along a line and straight back along it. */
function spike(a: Edge, b: Edge): Position | undefined {
  const meets = (x: Position, y: Position) => x[0] === y[0] && x[1] === y[1];
  const [first, second] = meets(a.to, b.from) ? [a, b] : [b, a];
  const corner = first.to;
  const back = orientation(first.from, corner, second.to) === 0;
  const sameWay =
    (first.from[0] - corner[0]) * (second.to[0] - corner[0]) +
      (first.from[1] - corner[1]) * (second.to[1] - corner[1]) >
    0;
  return back && sameWay ? corner : undefined;
}

/**
 * The first problem with a boundary's rings (polygons of rings, outer first, each ring closed, with no
 * position repeated one after the other), or undefined when they are simple.
 */
export function ringProblem(
  polygons: readonly (readonly (readonly Position[])[])[],
): RingProblem | undefined {
  const edges: Edge[] = [];
  polygons.forEach((rings, polygon) =>
    rings.forEach((positions, ring) => {
      for (let index = 0; index < positions.length - 1; index += 1) {
        const from = positions[index] as Position;
        const to = positions[index + 1] as Position;
        edges.push({
          polygon,
          ring,
          index,
          edges: positions.length - 1,
          from,
          to,
          west: Math.min(from[0], to[0]),
          east: Math.max(from[0], to[0]),
          south: Math.min(from[1], to[1]),
          north: Math.max(from[1], to[1]),
        });
      }
    }),
  );
  edges.sort((a, b) => a.west - b.west);
  /** Points where a hole touches another ring of its polygon: one is allowed, two cut the polygon. */
  const touches = new Map<string, Set<string>>();
  for (const [i, a] of edges.entries()) {
    for (let j = i + 1; j < edges.length; j += 1) {
      const b = edges[j] as Edge;
      if (b.west > a.east) break;
      if (b.south > a.north || b.north < a.south) continue;
      const [first, second] =
        a.polygon < b.polygon || (a.polygon === b.polygon && a.ring <= b.ring) ? [a, b] : [b, a];
      const problem = (words: string, invalid = true): RingProblem => ({
        polygon: first.polygon,
        ring: first.ring,
        words,
        invalid,
      });
      if (adjacent(a, b)) {
        const corner = spike(a, b);
        if (corner) return problem(`has a spike at ${at(corner)}`);
        continue;
      }
      const met = contact(a, b);
      if (!met) continue;
      if (first.polygon !== second.polygon) {
        if (met.kind === 'cross')
          return problem(`crosses polygon ${second.polygon + 1} near ${at(met.point)}`);
        continue;
      }
      if (first.ring === second.ring)
        return met.kind === 'cross'
          ? problem(`crosses itself near ${at(met.point)}`, false)
          : problem(`touches itself at ${at(met.point)}`);
      if (met.kind === 'cross') return problem(`crosses ring ${second.ring + 1} near ${at(met.point)}`);
      const pair = `${first.polygon}/${first.ring}/${second.ring}`;
      const points = touches.get(pair) ?? new Set<string>();
      points.add(at(met.point));
      touches.set(pair, points);
      if (points.size > 1)
        return problem(
          `touches ring ${second.ring + 1} at more than one point (${[...points].join(' and ')})`,
        );
    }
  }
  return undefined;
}
