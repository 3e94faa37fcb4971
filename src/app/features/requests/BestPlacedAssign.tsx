// The partners best placed for this request's needs and place, each with the reasons and one button
// to assign it. Load counts come from the open requests on this device, so a partner already busy
// with many requests ranks below an equal one that is free.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { bestPlaced, type RankedPartner } from '../../../domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../../domain/ranking/bestPlacedIndex.ts';
import type { Place } from '../../../domain/entities/place.ts';
import type { HelpRequest } from '../../../domain/entities/request.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { openAssignmentsByPartner } from '../../../domain/requests/requestList.ts';
import { RankedPartnerCard } from '../../components/RankedPartnerCard.tsx';
import { assignPartner } from './requestActions.ts';
import { IncludeAllPartners } from '../../components/IncludeAllPartners.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { isolated } from '../../../domain/words/isolated.ts';

export function BestPlacedAssign({ request, user }: { request: HelpRequest; user: User }) {
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const wards = useLiveQuery(() => localDatabase.wards.toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.toArray());
  const requests = useLiveQuery(() => localDatabase.requests.toArray());
  const [includeAll, setIncludeAll] = useState(false);
  const [limit, setLimit] = useState(5);
  const [error, setError] = useState<string | null>(null);

  const index = useMemo(
    () => partners && wards && parishes && buildBestPlacedIndex(partners, wards, parishes),
    [partners, wards, parishes],
  );
  const load = useMemo(() => openAssignmentsByPartner(requests ?? []), [requests]);
  const { wardCode, parishCode } = request.place;
  const place = useMemo<Place | null>(
    () =>
      wardCode ? { kind: 'ward', code: wardCode } : parishCode ? { kind: 'parish', code: parishCode } : null,
    [wardCode, parishCode],
  );
  const answer = useMemo(
    () =>
      index && place
        ? bestPlaced(index, {
            needs: request.needs,
            place,
            urgency: request.urgency,
            at: new Date(),
            includeNonStrategic: includeAll,
            openRequests: load,
            limit,
          })
        : null,
    [index, place, request.needs, request.urgency, includeAll, load, limit],
  );

  const assigned = new Set(request.assignments.map((assignment) => assignment.partnerId));
  const assign = async (entry: RankedPartner) => {
    setError(null);
    try {
      await assignPartner(localDatabase, request, entry, user);
    } catch {
      setError(`${isolated(entry.partner.name)} could not be assigned on this device. Please try again.`);
    }
  };

  return (
    <section aria-labelledby="best-placed-heading" className="results">
      <h2 id="best-placed-heading">Best placed to help</h2>
      <IncludeAllPartners checked={includeAll} onChange={setIncludeAll} />
      <FormProblem message={error} />
      {!index ? (
        <p role="status">Loading the directory…</p>
      ) : !answer || !answer.place ? (
        <p className="empty">This request’s place is not on this device, so no partners can be ranked.</p>
      ) : answer.ranked.length === 0 ? (
        <p className="empty">
          No {includeAll ? '' : 'strategic '}partner offers these needs.
          {!includeAll && ' Try including partners not named in the emergency plan.'}
        </p>
      ) : (
        <ol className="card-list ranked" aria-label="Best placed partners">
          {answer.ranked.map((entry) => (
            <RankedPartnerCard
              key={entry.partner.id}
              entry={entry}
              action={
                assigned.has(entry.partner.id) ? (
                  <span className="badge">Assigned</span>
                ) : (
                  <button type="button" onClick={() => void assign(entry)}>
                    <span>
                      Assign <bdi>{entry.partner.name}</bdi>
                    </span>
                  </button>
                )
              }
            />
          ))}
        </ol>
      )}
      {answer && answer.ranked.length < answer.eligible && limit < 20 && (
        <button type="button" className="secondary" onClick={() => setLimit(20)}>
          Show more partners ({Math.min(20, answer.eligible)} of {answer.eligible})
        </button>
      )}
    </section>
  );
}
