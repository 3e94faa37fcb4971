// Which wards border which, worked out from their boundaries when an area is loaded. "Best placed"
// falls back to neighbouring wards when no partner covers the ward itself, so two wards count as
// neighbours only when they share a stretch of boundary: touching at a single corner is not enough.
import { polygonsOf, type Boundary, type Position } from './geometry.ts';

// ONS boundaries are cut from one topology, so a shared edge has identical vertices on both sides up
// to floating-point noise from reprojection; 7 decimals (about 1 cm) absorbs that noise.
const DECIMALS = 7;

function vertexKey(position: Position): string {
  return `${position[0].toFixed(DECIMALS)},${position[1].toFixed(DECIMALS)}`;
}

/** Every edge of a boundary, keyed the same way whichever direction its ring runs. */
function edgeKeys(boundary: Boundary): Set<string> {
  const keys = new Set<string>();
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const from = vertexKey(ring[i] as Position);
        const to = vertexKey(ring[i + 1] as Position);
        if (from === to) continue; // repeated vertex: not an edge
        keys.add(from < to ? `${from}|${to}` : `${to}|${from}`);
      }
    }
  }
  return keys;
}

/** Ward code → the codes of the wards sharing at least one boundary edge with it, sorted. */
export function computeNeighbours(
  wards: readonly { code: string; boundary: Boundary }[],
): Map<string, string[]> {
  const wardsByEdge = new Map<string, Set<string>>();
  for (const ward of wards) {
    for (const edge of edgeKeys(ward.boundary)) {
      let sharing = wardsByEdge.get(edge);
      if (sharing === undefined) {
        sharing = new Set();
        wardsByEdge.set(edge, sharing);
      }
      sharing.add(ward.code);
    }
  }
  const neighbours = new Map<string, Set<string>>(wards.map((ward) => [ward.code, new Set<string>()]));
  for (const sharing of wardsByEdge.values()) {
    if (sharing.size < 2) continue;
    for (const code of sharing) {
      for (const other of sharing) {
        if (other !== code) neighbours.get(code)?.add(other);
      }
    }
  }
  return new Map([...neighbours].map(([code, codes]) => [code, [...codes].sort()]));
}
