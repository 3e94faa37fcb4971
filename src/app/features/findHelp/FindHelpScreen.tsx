// Find help: choose needs and a place, see the partners best placed to help with the reasons and the
// numbers to tap. Runs best placed over this device's copy, so it answers instantly and offline.
// Made for a phone at night: the place is remembered, the need grid shrinks to the chosen needs once
// there is an answer, and the answer is brought into view — the first Call button without scrolling.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { CapabilityId } from '../../../domain/entities/capabilities.ts';
import { bestPlaced, type Urgency } from '../../../domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../../domain/ranking/bestPlacedIndex.ts';
import type { Place } from '../../../domain/entities/place.ts';
import { DEFAULT_URGENCY } from '../../../domain/entities/request.ts';
import { NeedsPicker } from '../../components/NeedsPicker.tsx';
import { PlacePicker } from '../../components/PlacePicker.tsx';
import { RankedPartnerCard } from '../../components/RankedPartnerCard.tsx';
import { UrgencyPicker } from '../../components/UrgencyPicker.tsx';
import { useStaleDays } from '../directory/staleDays.ts';
import { IncludeAllPartners } from '../../components/IncludeAllPartners.tsx';
import { useSessionUser } from '../../useSessionUser.ts';
import { rememberPlace, rememberedPlace } from './rememberedPlace.ts';

function placeFromAddress(): Place | null {
  const params = new URLSearchParams(location.search);
  const ward = params.get('ward');
  const parish = params.get('parish');
  if (ward) return { kind: 'ward', code: ward };
  if (parish) return { kind: 'parish', code: parish };
  return null;
}

const placeKey = (place: Place | null) =>
  !place ? '' : place.kind === 'point' ? `point:${place.lat},${place.lon}` : `${place.kind}:${place.code}`;

export function FindHelpScreen() {
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const user = useSessionUser();
  const [needs, setNeeds] = useState<CapabilityId[]>([]);
  const [chosenPlace, setPlace] = useState<Place | null>(() => placeFromAddress() ?? rememberedPlace());
  const [urgency, setUrgency] = useState<Urgency>(DEFAULT_URGENCY);
  const [includeAll, setIncludeAll] = useState(false);
  // The stale limit chosen on the Stale page, so "stale" means the same here as everywhere.
  const staleDays = useStaleDays();
  const results = useRef<HTMLElement>(null);
  // A coordinator with nothing chosen yet starts at their own parish.
  const place: Place | null =
    chosenPlace ?? (user?.parishCode ? { kind: 'parish', code: user.parishCode } : null);

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
    // place is rebuilt each render from chosenPlace; its key says when it really changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, placeKey(place), needs, urgency, includeAll, staleDays],
  );

  // When the question changes and the first Call button is out of sight, bring the answer into view.
  const question = `${needs.join(',')}|${placeKey(place)}`;
  const answered = Boolean(answer?.ranked.length);
  useEffect(() => {
    if (!answered) return;
    const call = results.current?.querySelector('.call');
    const tabs = document.querySelector('.bottom-tabs')?.getBoundingClientRect().height ?? 0;
    if (call && call.getBoundingClientRect().bottom > window.innerHeight - tabs)
      results.current?.scrollIntoView({ block: 'start' });
  }, [question, answered]);

  if (!index || !wards || !parishes) return <p role="status">Loading the directory…</p>;

  const choosePlace = (next: Place | null) => {
    setPlace(next);
    rememberPlace(next);
  };

  return (
    <>
      <h1 tabIndex={-1}>Find help</h1>
      {wards.length === 0 && (
        <p className="empty">
          No wards or partners on this device yet. Connect once to download the directory.
        </p>
      )}
      <NeedsPicker needs={needs} onChange={setNeeds} collapsed={place !== null} />
      <PlacePicker wards={wards} parishes={parishes} place={place} onChange={choosePlace} />
      <UrgencyPicker urgency={urgency} onChange={setUrgency} name="urgency" />

      <section aria-labelledby="results-heading" className="results" ref={results}>
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
        {/* Under the answer: widening the search is the next question, not the first. */}
        <IncludeAllPartners checked={includeAll} onChange={setIncludeAll} />
      </section>
    </>
  );
}
