// The map's key, as a plain list under the map: what each fill, outline and dot means, with counts, so
// a reader never has to guess from colour. Also the hidden SVG pattern the gap fill uses.
import { capabilityLabel, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import {
  BOROUGH_WIDE_ONLY_FILL,
  COVERED_BANDS,
  GAP_FILL,
  GAP_PATTERN_ID,
  NEUTRAL_FILL,
  type WardLook,
} from './mapShading.ts';

/** Red diagonal hatching: a gap reads as "missing" even without colour vision. */
export function GapPattern() {
  return (
    <svg className="svg-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id={GAP_PATTERN_ID}
          patternUnits="userSpaceOnUse"
          width="8"
          height="8"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#fbe3e4" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#b10e1e" strokeWidth="4" />
        </pattern>
      </defs>
    </svg>
  );
}

function Swatch({ fill, dashed = false }: { fill: string; dashed?: boolean }) {
  return (
    <svg className="swatch" width="32" height="20" aria-hidden="true" focusable="false">
      <rect
        x="1.5"
        y="1.5"
        width="29"
        height="17"
        fill={fill}
        stroke="#33404a"
        strokeWidth={dashed ? 2.5 : 1.5}
        strokeDasharray={dashed ? '7 5' : undefined}
      />
    </svg>
  );
}

function Dot({ filled }: { filled: boolean }) {
  return (
    <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="5" fill={filled ? '#1b1b1b' : '#ffffff'} stroke="#1b1b1b" strokeWidth="2" />
    </svg>
  );
}

export function MapLegend({
  capability,
  looks,
  wardCount,
  unparishedCount,
  partnersShown,
  partnersWithoutLocation,
  parishLinesShown,
  openRequestTotal,
}: {
  capability: CapabilityId | null;
  looks: ReadonlyMap<string, WardLook>;
  wardCount: number;
  unparishedCount: number;
  partnersShown: number | null;
  partnersWithoutLocation: number;
  parishLinesShown: boolean;
  /** Open requests on this device; null while they are not known. */
  openRequestTotal: number | null;
}) {
  const levels = [...looks.values()].map((look) => look.level);
  const wardsWith = (level: WardLook['level']) => levels.filter((candidate) => candidate === level).length;
  const wardsWord = (n: number) => `${n} ward${n === 1 ? '' : 's'}`;
  return (
    <section className="map-key" aria-labelledby="map-key-heading">
      <h2 id="map-key-heading">Key</h2>
      <ul>
        {capability ? (
          <>
            <li>
              <Swatch fill={GAP_FILL} /> Gap: no active partner offers {capabilityLabel(capability)} (
              {wardsWord(wardsWith('gap'))})
            </li>
            <li>
              <Swatch fill={BOROUGH_WIDE_ONLY_FILL} /> Borough-wide partners only, none local (
              {wardsWord(wardsWith('boroughWideOnly'))})
            </li>
            {COVERED_BANDS.map((band) => (
              <li key={band.id}>
                <Swatch fill={band.fill} /> {band.label}, at least one local
              </li>
            ))}
          </>
        ) : (
          <li>
            <Swatch fill={NEUTRAL_FILL} /> Ward. Choose a capability above to shade wards by how many active
            partners cover them and to see the gaps.
          </li>
        )}
        <li>
          <Swatch fill="#ffffff" dashed /> Unparished ward, no parish council: dashed outline (
          {unparishedCount} of {wardCount} wards)
        </li>
        {parishLinesShown && (
          <li>
            <svg className="swatch" width="32" height="20" aria-hidden="true" focusable="false">
              <line x1="1" y1="10" x2="31" y2="10" stroke="#5a2d82" strokeWidth="2" strokeDasharray="2 4" />
            </svg>{' '}
            Parish boundary
          </li>
        )}
        {partnersShown !== null && (
          <>
            <li>
              <Dot filled /> Strategic partner (named in the emergency plan)
            </li>
            <li>
              <Dot filled={false} /> Other partner
            </li>
            <li>
              {partnersShown} partners shown
              {partnersWithoutLocation > 0 &&
                `; ${partnersWithoutLocation} with no location are not on the map`}
              . Tap a dot to list the partners there.
            </li>
          </>
        )}
        {openRequestTotal !== null && (
          <li>
            {openRequestTotal === 1 ? '1 open request' : `${openRequestTotal} open requests`} in these wards;
            each ward's label and details say how many are in it.
          </li>
        )}
      </ul>
    </section>
  );
}
