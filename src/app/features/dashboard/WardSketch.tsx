// A small map of the wards drawn as SVG from their boundaries (no tiles, no Leaflet): light enough for
// the dashboard and the printed situation report, and legible offline and on paper. Wards with a count
// are shaded and numbered; the same facts are always listed beside it, so the picture is decoration
// for screen readers (role img with a summary).
import type { Ward } from '../../../domain/geo/area.ts';
import { polygonsOf } from '../../../domain/geo/geometry.ts';

const WIDTH = 320;

function projector(wards: readonly Ward[]) {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const ward of wards)
    for (const polygon of polygonsOf(ward.boundary))
      for (const [lon, lat] of polygon[0] ?? []) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
  // Longitude degrees shrink with latitude: scale them so the borough keeps its shape.
  const squash = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLon - minLon) * squash);
  const spanY = Math.max(1e-9, maxLat - minLat);
  const scale = WIDTH / spanX;
  const height = Math.round(spanY * scale);
  const point = (lon: number, lat: number) =>
    `${((lon - minLon) * squash * scale).toFixed(1)},${((maxLat - lat) * scale).toFixed(1)}`;
  return { point, height };
}

export function WardSketch({
  wards,
  counts,
  label,
}: {
  wards: readonly Ward[];
  /** A number per ward code; wards left out are drawn plain. */
  counts: ReadonlyMap<string, number>;
  label: string;
}) {
  if (wards.length === 0) return null;
  const { point, height } = projector(wards);
  return (
    <svg
      className="ward-sketch"
      viewBox={`-2 -2 ${WIDTH + 4} ${height + 4}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {wards.map((ward) => {
        const count = counts.get(ward.code) ?? 0;
        const d = polygonsOf(ward.boundary)
          .flatMap((polygon) =>
            polygon.map((ring) => `M${ring.map(([lon, lat]) => point(lon, lat)).join('L')}Z`),
          )
          .join('');
        return (
          <path key={ward.code} d={d} className={count > 0 ? 'sketch-ward marked' : 'sketch-ward'}>
            <title>{count > 0 ? `${ward.name}: ${count}` : ward.name}</title>
          </path>
        );
      })}
      {wards
        .filter((ward) => (counts.get(ward.code) ?? 0) > 0)
        .map((ward) => {
          const [x, y] = point(ward.centre[0], ward.centre[1]).split(',');
          return (
            <text
              key={ward.code}
              x={x}
              y={y}
              className="sketch-count"
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {counts.get(ward.code)}
            </text>
          );
        })}
    </svg>
  );
}
