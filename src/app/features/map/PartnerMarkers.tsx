// Partners as small circles drawn on one canvas. Canvas, not clustering: thousands of circles stay smooth
// (one bitmap, redrawn once per frame), every partner stays where it really is, and it needs no extra
// package. The canvas ignores the pointer, so taps reach the ward shapes underneath; a tap near partners
// is matched to them here by distance on screen instead, with a finger-sized radius.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import {
  canvas,
  circleMarker,
  layerGroup,
  type LatLngTuple,
  type Map as LeafletMap,
  type Point,
} from 'leaflet';

export interface MappedPartner {
  id: string;
  name: string;
  strategic: boolean;
  latLng: LatLngTuple;
}

const PANE = 'partners';
const RADIUS_PX = 5;
/** About half a 44 px touch target. */
export const TAP_RADIUS_PX = 22;
/** At most this many partners are listed for one tap. */
const MOST_NEAR = 10;

// Strategic partners filled, the rest hollow: told apart by shape as well as colour.
const STRATEGIC_STYLE = { color: '#ffffff', weight: 1.5, fillColor: '#1b1b1b', fillOpacity: 1 };
const OTHER_STYLE = { color: '#1b1b1b', weight: 2, fillColor: '#ffffff', fillOpacity: 1 };

export function PartnerMarkers({
  partners,
  onDrawn,
}: {
  partners: readonly MappedPartner[];
  /** Called once the circles are on the canvas (after the frame that draws them). */
  onDrawn: () => void;
}) {
  const map = useMap();
  useEffect(() => {
    const pane = map.getPane(PANE) ?? map.createPane(PANE);
    // Above ward shapes (400) and their labels (650), below popups (700): where partners are matters more
    // than an unbroken label, and partners cluster in the middle of a ward, where its label sits.
    pane.style.zIndex = '660';
    pane.style.pointerEvents = 'none';
    const renderer = canvas({ pane: PANE, padding: 0.2 });
    const group = layerGroup(
      partners.map((partner) =>
        circleMarker(partner.latLng, {
          renderer,
          pane: PANE,
          radius: RADIUS_PX,
          interactive: false,
          ...(partner.strategic ? STRATEGIC_STYLE : OTHER_STYLE),
        }),
      ),
    ).addTo(map);
    // The canvas redraws on the next animation frame; report after that frame has been painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(onDrawn, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      group.remove();
      renderer.remove();
    };
  }, [map, partners, onDrawn]);
  return null;
}

/** The partners drawn within TAP_RADIUS_PX of a point on the map's container, nearest first. */
export function partnersNear(
  map: LeafletMap,
  point: Point,
  partners: readonly MappedPartner[],
): MappedPartner[] {
  const near: { partner: MappedPartner; distance: number }[] = [];
  for (const partner of partners) {
    const distance = map.latLngToContainerPoint(partner.latLng).distanceTo(point);
    if (distance <= TAP_RADIUS_PX) near.push({ partner, distance });
  }
  near.sort((a, b) => a.distance - b.distance || a.partner.name.localeCompare(b.partner.name));
  return near.slice(0, MOST_NEAR).map((entry) => entry.partner);
}
