// Find help: choose needs and a place, see the partners best placed to help with the reasons and the
// numbers to tap. Runs best placed over this device's copy, so it answers instantly and offline.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../store/localDatabase.ts';
import type { CapabilityId } from '../../domain/capabilities.ts';
import { bestPlaced, buildBestPlacedIndex, type Urgency } from '../../domain/bestPlaced.ts';
import type { Place } from '../../domain/place.ts';
import { NeedsPicker } from '../components/NeedsPicker.tsx';
import { PlacePicker } from '../components/PlacePicker.tsx';
import { RankedPartnerCard } from '../components/RankedPartnerCard.tsx';
import { UrgencyPicker } from '../components/UrgencyPicker.tsx';
import { useStaleDays } from '../directory/staleDays.ts';
import { IncludeAllPartners } from '../components/IncludeAllPartners.tsx';

function initialPlace(): Place | null {
  const params = new URLSearchParams(location.search);
  const ward = params.get('ward');
  const parish = params.get('parish');
  if (ward) return { kind: 'ward', code: ward };
  if (parish) return { kind: 'parish', code: parish };
  return null;
}

export function FindHelpScreen() {
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const [needs, setNeeds] = useState<CapabilityId[]>([]);
  const [place, setPlace] = useState<Place | null>(initialPlace);
  const [urgency, setUrgency] = useState<Urgency>('immediate');
  const [includeAll, setIncludeAll] = useState(false);
  // The stale limit chosen on the Stale page, so "stale" means the same here as everywhere.
  const staleDays = useStaleDays();

  const index = useMemo(
    () => partners && wards && parishes && buildBestPlacedIndex(partners, wards, parishes),
    [partners, wards, parishes],
  );
  const answer = useMemo(
    () =>
      index && place && needs.length > 0
        ? bestPlaced(index, {
            needs,
            place,
            urgency,
            at: new Date(),
            includeNonStrategic: includeAll,
            staleAfterDays: staleDays,
          })
        : null,
    [index, place, needs, urgency, includeAll, staleDays],
  );

  if (!index || !wards || !parishes) return <p role="status">Loading the directory…</p>;

  return (
    <>
      <h1 tabIndex={-1}>Find help</h1>
      {wards.length === 0 && (
        <p className="empty">
          No wards or partners on this device yet. Connect once to download the directory.
        </p>
      )}
      <NeedsPicker needs={needs} onChange={setNeeds} />
      <PlacePicker wards={wards} parishes={parishes} place={place} onChange={setPlace} />
      <UrgencyPicker urgency={urgency} onChange={setUrgency} name="urgency" />
      <IncludeAllPartners checked={includeAll} onChange={setIncludeAll} />

      <section aria-labelledby="results-heading" className="results">
        <h2 id="results-heading">Best placed to help</h2>
        {needs.length === 0 || !place ? (
          <p className="empty">
            Choose what is needed and where, and the partners best placed to help appear here.
          </p>
        ) : answer === null || answer.place === null ? (
          <p className="empty">That place is not in this area any more. Choose another.</p>
        ) : answer.ranked.length === 0 ? (
          <p className="empty">
            No {includeAll ? '' : 'strategic '}partner offers that.
            {!includeAll && ' Try including partners not named in the emergency plan.'}
          </p>
        ) : (
          <>
            <p className="count" aria-live="polite">
              {answer.ranked.length} of {answer.eligible} partners for {answer.place.label}, best placed
              first.
            </p>
            <ol className="card-list ranked" aria-label="Best placed partners">
              {answer.ranked.map((entry) => (
                <RankedPartnerCard key={entry.partner.id} entry={entry} />
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}
