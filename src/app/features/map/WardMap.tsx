// The Leaflet map itself (react-leaflet): ward shapes with labels, parish boundaries, partners on a
// canvas, an optional tile background, and a popup listing the partners under a tap. Loaded only with
// the map screen, Leaflet's CSS included, so none of it is in the first screen's download.
import 'leaflet/dist/leaflet.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MapContainer, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { LatLngTuple, TooltipEvent } from 'leaflet';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import { Link } from '../../router.tsx';
import { boundsOf } from './geo.ts';
import type { WardLook } from './mapShading.ts';
import { PartnerMarkers, partnersNear, type MappedPartner } from './PartnerMarkers.tsx';
import { ParishLines, WardShapes, wardShapes, type WardShape } from './WardShapes.tsx';
import { LsoaLayer } from '../deprivation/LsoaLayer.tsx';
import type { Lsoa } from '../../../domain/entities/lsoa.ts';

export const OGL_ATTRIBUTION =
  'Contains National Statistics data © Crown copyright and database right. ' +
  'Contains OS data © Crown copyright and database right.';

export interface WardSelection {
  code: string;
  /** Chosen from the list (keyboard): the map moves to show it. Chosen on the map: it stays put. */
  fromList: boolean;
}

export interface WardMapProps {
  wards: readonly Ward[];
  parishesWithBoundary: readonly Parish[] | null;
  partners: readonly MappedPartner[];
  looks: ReadonlyMap<string, WardLook>;
  openRequests: ReadonlyMap<string, number> | undefined;
  selection: WardSelection | null;
  onSelectWard: (code: string) => void;
  tileUrl: string | null;
  tileAttribution: string | null;
  /** LSOAs to shade by deprivation decile, or null for no deprivation layer. */
  lsoas?: readonly Lsoa[] | null;
}

/** Leaflet puts attributions in as HTML; these come from configuration, so they go in as text. */
function asText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tileCredit(tileUrl: string, attribution: string | null): string {
  if (attribution) return asText(attribution);
  try {
    return `Map tiles: ${asText(new URL(tileUrl).host)}`;
  } catch {
    return 'Map tiles: the configured tile server';
  }
}

function Setup() {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute(
      'aria-label',
      'Ward map. Arrow keys pan, plus and minus zoom. The list of wards below chooses a ward with the keyboard.',
    );
    map.attributionControl?.addAttribution(OGL_ATTRIBUTION);
    // Leaflet gives every tooltip role="tooltip", but ward labels are permanent labels, not tooltips
    // (and a tooltip whose words have not been rendered yet would have no accessible name).
    const notATooltip = (event: TooltipEvent) => event.tooltip.getElement()?.removeAttribute('role');
    map.on('tooltipopen', notATooltip);
    return () => {
      map.off('tooltipopen', notATooltip);
      map.attributionControl?.removeAttribution(OGL_ATTRIBUTION);
    };
  }, [map]);
  return null;
}

function FitSelection({
  shapes,
  selection,
}: {
  shapes: readonly WardShape[];
  selection: WardSelection | null;
}) {
  const map = useMap();
  useEffect(() => {
    if (!selection?.fromList) return;
    const shape = shapes.find((candidate) => candidate.ward.code === selection.code);
    if (shape) map.fitBounds(shape.bounds, { padding: [16, 16], maxZoom: 15, animate: false });
  }, [map, shapes, selection]);
  return null;
}

interface OpenPopup {
  at: LatLngTuple;
  partners: MappedPartner[];
  /** A new number for every tap, so tapping the same place again opens a fresh popup. */
  seq: number;
}

/** A tap near partners lists them in a popup; any other tap on a ward chooses that ward. */
function Taps({
  partners,
  onSelectWard,
}: {
  partners: readonly MappedPartner[];
  onSelectWard: (code: string) => void;
}) {
  const [popup, setPopup] = useState<OpenPopup | null>(null);
  const map = useMapEvents({
    click(event) {
      const near = partnersNear(map, event.containerPoint, partners);
      const first = near[0];
      if (first) {
        setPopup((current) => ({ at: first.latLng, partners: near, seq: (current?.seq ?? 0) + 1 }));
        return;
      }
      const target = event.originalEvent.target;
      const code =
        target instanceof Element ? target.closest('[data-ward]')?.getAttribute('data-ward') : null;
      if (code) onSelectWard(code);
    },
    popupclose() {
      setPopup(null);
    },
  });
  if (!popup) return null;
  const count = popup.partners.length;
  return (
    <Popup key={popup.seq} position={popup.at} className="partner-popup">
      <p className="partner-popup-title">{count === 1 ? 'Partner here' : `${count} partners here`}</p>
      <ul aria-label="Partners here">
        {popup.partners.map((partner) => (
          <li key={partner.id}>
            <Link to={`/partners/${partner.id}`}>
              <bdi>{partner.name}</bdi>
            </Link>
            {partner.strategic && <span className="badge">Strategic</span>}
          </li>
        ))}
      </ul>
    </Popup>
  );
}

export function WardMap(props: WardMapProps) {
  const { wards, partners, selection, onSelectWard, tileUrl } = props;
  const shapes = useMemo(() => wardShapes(wards), [wards]);
  const area = useMemo(() => boundsOf(wards.map((ward) => ward.boundary)), [wards]);
  const [ready, setReady] = useState(false);
  const onDrawn = useCallback(() => setReady(true), []);
  if (area === null) return null;
  return (
    <div className={`ward-map${tileUrl ? ' with-tiles' : ''}`} data-ready={ready ? 'true' : 'false'}>
      <MapContainer
        bounds={area}
        boundsOptions={{ padding: [8, 8] }}
        zoomSnap={0.25}
        className="ward-map-leaflet"
      >
        <Setup />
        {tileUrl && (
          <TileLayer url={tileUrl} attribution={tileCredit(tileUrl, props.tileAttribution)} maxZoom={19} />
        )}
        <WardShapes
          shapes={shapes}
          looks={props.looks}
          selectedCode={selection?.code ?? null}
          openRequests={props.openRequests}
        />
        {props.lsoas && <LsoaLayer lsoas={props.lsoas} />}
        {props.parishesWithBoundary && <ParishLines parishes={props.parishesWithBoundary} />}
        <PartnerMarkers partners={partners} onDrawn={onDrawn} />
        <Taps partners={partners} onSelectWard={onSelectWard} />
        <FitSelection shapes={shapes} selection={selection} />
      </MapContainer>
      {!tileUrl && <p className="no-base-map">No base map configured — see README (TILE_URL).</p>}
    </div>
  );
}
