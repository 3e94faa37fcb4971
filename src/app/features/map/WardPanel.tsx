// The chosen ward's facts: its parishes (or that it has none), its open requests when known, who covers
// it for each capability (local partners first, then borough-wide ones), and "Find help here".
import type { Ref } from 'react';
import type { Ward } from '../../../domain/geo/area.ts';
import { CAPABILITIES, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import type { WardCover } from '../../../domain/gaps/gapAnalysis.ts';
import type { Partner } from '../../../domain/entities/partner.ts';
import { Link } from '../../router.tsx';
import { openRequestsWords } from './mapShading.ts';

/** Enough to read on a phone; Find help ranks all of them. */
const MOST_LISTED = 30;

function PartnerLinks({ local, boroughWide }: WardCover) {
  const all: { partner: Partner; boroughWide: boolean }[] = [
    ...local.map((partner) => ({ partner, boroughWide: false })),
    ...boroughWide.map((partner) => ({ partner, boroughWide: true })),
  ];
  const more = all.length - MOST_LISTED;
  return (
    <>
      <ul className="ward-cover-partners">
        {all.slice(0, MOST_LISTED).map(({ partner, boroughWide: wide }) => (
          <li key={partner.id}>
            <Link to={`/partners/${partner.id}`}>
              <bdi>{partner.name}</bdi>
            </Link>
            {wide && <span className="card-meta"> (borough-wide)</span>}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="count">and {more} more: Find help here ranks them all.</p>}
    </>
  );
}

export function WardPanel({
  ward,
  parishNames,
  cover,
  capability,
  openRequests,
  headingRef,
  deprivation = null,
}: {
  ward: Ward;
  parishNames: readonly string[];
  cover: ReadonlyMap<CapabilityId, WardCover>;
  capability: CapabilityId | null;
  openRequests: number | undefined;
  headingRef: Ref<HTMLHeadingElement>;
  /** Its most deprived LSOA in words, when the area came with deprivation figures. */
  deprivation?: string | null;
}) {
  // The capability shading the map comes first, so the answer to "why this colour?" is at the top.
  const ordered = [...CAPABILITIES].sort((a, b) => Number(b.id === capability) - Number(a.id === capability));
  return (
    <section className="ward-panel" aria-labelledby="ward-panel-heading">
      <h2 id="ward-panel-heading" tabIndex={-1} ref={headingRef}>
        {ward.name}
      </h2>
      <p>
        {ward.parished ? (
          `Parishes: ${parishNames.join(', ')}`
        ) : (
          <>
            <span className="badge warning">Unparished</span> No parish council in this ward.
          </>
        )}
      </p>
      {openRequests !== undefined && <p>{openRequestsWords(openRequests)}</p>}
      {deprivation && <p className="ward-deprivation">{deprivation}</p>}
      <p>
        <Link className="call" to={`/find?ward=${encodeURIComponent(ward.code)}`}>
          Find help here
        </Link>
      </p>
      <h3>Partners covering {ward.name}</h3>
      <ul className="ward-cover-list">
        {ordered.map(({ id, label }) => {
          const entry = cover.get(id) ?? { local: [], boroughWide: [] };
          const total = entry.local.length + entry.boroughWide.length;
          if (total === 0)
            return (
              <li key={id} className="ward-cover-gap">
                <span aria-hidden="true">✕ </span>
                {label}: gap, no active partner
              </li>
            );
          const summary =
            entry.local.length === 0
              ? `${label}: ${total} borough-wide only`
              : `${label}: ${total} (${entry.local.length} local)`;
          return (
            <li key={id}>
              <details open={id === capability}>
                <summary>{summary}</summary>
                <PartnerLinks {...entry} />
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
