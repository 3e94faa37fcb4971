// The ward shapes (SVG, one path per ward, tagged data-ward / data-unparished / data-cover so tests and
// styles can find them), their labels, and parish boundaries where a parish has one. Labels are React
// children of Leaflet tooltips, so names from the database are always text, never HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Polygon, Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { LatLngTuple, Polygon as LeafletPolygon } from 'leaflet';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import { boundaryLatLngs, boundsOf, pixelWidth, type Box } from './geo.ts';
import { openRequestsWords, type WardLook } from './mapShading.ts';

export interface WardShape {
  ward: Ward;
  latLngs: LatLngTuple[][][];
  bounds: Box;
  labelAt: LatLngTuple;
}

export function wardShapes(wards: readonly Ward[]): WardShape[] {
  return wards.map((ward) => {
    const [lon, lat] = ward.centre;
    return {
      ward,
      latLngs: boundaryLatLngs(ward.boundary),
      bounds: boundsOf([ward.boundary]) ?? [
        [lat, lon],
        [lat, lon],
      ],
      labelAt: [lat, lon],
    };
  });
}

/** A label shows only where the ward is wide enough on screen to hold it (about 6.5 px a letter). */
function labelFits(shape: WardShape, lines: string[], zoom: number): boolean {
  const longest = Math.max(...lines.map((line) => line.length));
  return pixelWidth(shape.bounds, zoom) >= longest * 6.5 + 12;
}

interface WardShapeProps {
  shape: WardShape;
  look: WardLook;
  selected: boolean;
  openRequests: number | undefined;
  zoom: number;
}

function WardPath({ shape, look, selected, openRequests, zoom }: WardShapeProps) {
  const ref = useRef<LeafletPolygon>(null);
  const { ward } = shape;
  const unparished = !ward.parished;
  const pathOptions = useMemo(
    () => ({
      color: selected ? '#1b1b1b' : '#33404a',
      weight: selected ? 4 : unparished ? 2.5 : 1.5,
      dashArray: unparished ? '7 5' : undefined,
      fillColor: look.fill,
      fillOpacity: look.level === 'none' ? 0.55 : 0.8,
    }),
    [selected, unparished, look.fill, look.level],
  );
  useEffect(() => {
    const polygon = ref.current;
    const element = polygon?.getElement();
    if (!polygon || !element) return;
    element.setAttribute('data-ward', ward.code);
    element.setAttribute('data-unparished', String(unparished));
    element.setAttribute('data-cover', look.level);
    if (selected) polygon.bringToFront();
  }, [ward.code, unparished, look.level, selected]);

  const full = [ward.name];
  if (look.words) full.push(look.words);
  if (openRequests) full.push(openRequestsWords(openRequests));
  // With shading the extra lines make a label wider: keep at least the name where the name fits,
  // so choosing a capability never takes the names off the map (the fill and the list say the rest).
  const lines = selected || labelFits(shape, full, zoom) ? full : [ward.name];
  return (
    <Polygon ref={ref} positions={shape.latLngs} pathOptions={pathOptions}>
      {(selected || labelFits(shape, lines, zoom)) && (
        <Tooltip
          // Leaflet reads className only when a tooltip is made: a new cover level makes a new label.
          key={look.level}
          permanent
          direction="center"
          position={shape.labelAt}
          className={`ward-label ward-label-${look.level}`}
        >
          <span className="ward-label-name">{ward.name}</span>
          {lines.slice(1).map((line) => (
            <span key={line} className="ward-label-line">
              {line}
            </span>
          ))}
        </Tooltip>
      )}
    </Polygon>
  );
}

export function WardShapes({
  shapes,
  looks,
  selectedCode,
  openRequests,
}: {
  shapes: readonly WardShape[];
  looks: ReadonlyMap<string, WardLook>;
  selectedCode: string | null;
  openRequests: ReadonlyMap<string, number> | undefined;
}) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return shapes.map((shape) => (
    <WardPath
      key={shape.ward.code}
      shape={shape}
      look={looks.get(shape.ward.code) ?? { level: 'none', fill: '#dfe6ea', words: '' }}
      selected={shape.ward.code === selectedCode}
      openRequests={openRequests ? (openRequests.get(shape.ward.code) ?? 0) : undefined}
      zoom={zoom}
    />
  ));
}

const PARISH_LINE = { color: '#5a2d82', weight: 2, dashArray: '2 4' };

/** Parish boundaries as dotted outlines that ignore taps, so a tap still chooses the ward beneath. */
export function ParishLines({ parishes }: { parishes: readonly Parish[] }) {
  const lines = useMemo(
    () =>
      parishes.flatMap((parish) =>
        parish.boundary ? [{ code: parish.code, rings: boundaryLatLngs(parish.boundary).flat() }] : [],
      ),
    [parishes],
  );
  return lines.map((line) => (
    <Polyline key={line.code} positions={line.rings} pathOptions={PARISH_LINE} interactive={false} />
  ));
}
