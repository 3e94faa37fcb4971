// One request: what, where, for whom, its status (changed in one tap), any conflict over it, the
// partners assigned with their numbers, the best placed to assign next, and its timeline. Everything
// here is saved on the device first, so it works offline and syncs later.
import { outOfHoursPhoneFor } from '../../../domain/entities/partner.ts';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { Link } from '../../router.tsx';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import { telHref } from '../../../domain/entities/common.ts';
import { REQUEST_STATUSES, type HelpRequest, type RequestStatus } from '../../../domain/entities/request.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { forWhomText, sourceLabel, statusLabel, urgencyLabel } from '../../../domain/requests/requestList.ts';
import { dateTimeWords } from './describe.ts';
import { placeName } from '../../../domain/geo/placeName.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { useArea } from './useArea.ts';
import { changeStatus } from './requestActions.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { BestPlacedAssign } from './BestPlacedAssign.tsx';
import { writeRefusal } from '../../../domain/entities/access.ts';
import { parishScope } from '../../../domain/entities/scope.ts';
import { RequestTimeline } from './RequestTimeline.tsx';
import { CallButtons } from '../../components/CallButtons.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { Sentence } from '../../components/Sentence.tsx';

/** The statuses that end a request: one tap away, so each offers an undo. */
const ENDINGS: ReadonlySet<RequestStatus> = new Set(['done', 'cancelled']);

export function RequestScreen({ params: [id = ''] }: { params: string[] }) {
  // null = looked and not found; undefined = still loading
  const request = useLiveQuery(async () => (await localDatabase.requests.get(id)) ?? null, [id]);
  const user = useSessionUser();

  if (request === undefined || user === undefined) return <p role="status">Loading request…</p>;
  if (request === null || user === null) {
    return (
      <>
        <h1 tabIndex={-1}>Request not found</h1>
        <p className="empty">
          This request is not on this device. It may not have synced yet, or the server refused it (see{' '}
          <Link to="/sync-issues">sync issues</Link>). <Link to="/requests">Back to requests</Link>
        </p>
      </>
    );
  }
  return <RequestDetail request={request} user={user} />;
}

function RequestDetail({ request, user }: { request: HelpRequest; user: User }) {
  const area = useArea(user);
  const conflicts = useLiveQuery(
    () =>
      localDatabase.conflicts
        .where('recordId')
        .equals(request.id)
        .filter((conflict) => conflict.status === 'open')
        .toArray(),
    [request.id],
  );
  const incident = useLiveQuery(
    async () =>
      request.incidentId ? ((await localDatabase.incidents.get(request.incidentId)) ?? null) : null,
    [request.incidentId],
  );
  const waiting = useLiveQuery(
    () => localDatabase.outbox.where('[entity+recordId]').equals(['request', request.id]).count(),
    [request.id],
  );
  const partnerKey = request.assignments.map((assignment) => assignment.partnerId).join(',');
  const partners = useLiveQuery(
    () => localDatabase.partners.bulkGet(partnerKey.split(',').filter(Boolean)),
    [partnerKey],
  );
  const [error, setError] = useState<string | null>(null);
  // Closing or cancelling is one tap, so it can be undone: the way back stays offered until the next
  // status change or leaving the page (not timed, so nobody has to be quick).
  const [undoTo, setUndoTo] = useState<RequestStatus | null>(null);

  const setStatus = async (status: RequestStatus) => {
    setError(null);
    try {
      const before = request.status;
      await changeStatus(localDatabase, request, status, user);
      setUndoTo(ENDINGS.has(status) && before !== status ? before : null);
    } catch (failure) {
      setError(notSavedMessage(failure, 'The status'));
    }
  };

  const needs = request.needs.map(capabilityLabel).join(', ');
  return (
    <article className="detail request-detail">
      <p>
        <Link to="/requests">← All requests</Link>
      </p>
      <h1 tabIndex={-1}>
        {needs} for <Sentence text={forWhomText(request)} />
      </h1>
      <p className="card-meta">
        <span className={`badge urgency-${request.urgency}`}>{urgencyLabel(request.urgency)}</span>
        <span className="badge muted">{statusLabel(request.status)}</span>
        {(waiting ?? 0) > 0 && <span className="badge warning">Waiting to sync</span>}
      </p>

      {conflicts && conflicts.length > 0 && (
        <section aria-labelledby="conflicts-heading" className="conflicts">
          <h2 id="conflicts-heading">Conflicting changes to settle</h2>
          <ul className="card-list" aria-label="Conflicts on this request">
            {conflicts.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} showRecord={false} />
            ))}
          </ul>
        </section>
      )}

      <fieldset className="status-buttons">
        <legend>Status</legend>
        <div className="status-row">
          {REQUEST_STATUSES.map((status) => (
            <button
              key={status.id}
              type="button"
              className="secondary"
              aria-pressed={request.status === status.id}
              onClick={() => void setStatus(status.id)}
            >
              {status.label}
            </button>
          ))}
        </div>
        <div role="status" className={undoTo ? 'undo-line' : undefined}>
          {undoTo && (
            <>
              Marked {statusLabel(request.status)}.{' '}
              <button type="button" className="secondary" onClick={() => void setStatus(undoTo)}>
                Undo: back to {statusLabel(undoTo)}
              </button>
            </>
          )}
        </div>
        <FormProblem message={error} />
      </fieldset>

      <dl className="facts">
        <dt>Needs</dt>
        <dd>{request.needs.map(capabilityLabel).join(', ')}</dd>
        <dt>Where</dt>
        <dd>
          {area ? placeName(request.place, area.wardMap, area.parishMap) : '…'}
          {request.place.address && ` — ${request.place.address}`}
        </dd>
        <dt>For</dt>
        <dd>
          <Sentence text={forWhomText(request)} />
          {request.forWhom.phone && (
            <>
              {' · '}
              <a href={telHref(request.forWhom.phone)}>Call {request.forWhom.phone}</a>
            </>
          )}
        </dd>
        <dt>Came in by</dt>
        <dd>{sourceLabel(request.source)}</dd>
        <dt>Incident</dt>
        <dd>{incident ? <bdi>{incident.name}</bdi> : request.incidentId ? 'Not on this device' : 'None'}</dd>
        <dt>Logged</dt>
        <dd>
          {dateTimeWords(request.createdAt)} by <bdi>{request.createdByName}</bdi>
        </dd>
      </dl>

      <section aria-labelledby="assigned-heading">
        <h2 id="assigned-heading">Assigned partners</h2>
        {request.assignments.length === 0 ? (
          <p className="empty">No partner assigned yet.</p>
        ) : (
          <ul className="card-list" aria-label="Assigned partners">
            {request.assignments.map((assignment, index) => {
              const partner = partners?.[index];
              return (
                <li key={assignment.partnerId} className="card">
                  <Link to={`/partners/${assignment.partnerId}`} className="card-title">
                    <bdi>{assignment.partnerName}</bdi>
                  </Link>
                  <span className="card-meta">Assigned {dateTimeWords(assignment.assignedAt)}</span>
                  {assignment.reasons.length > 0 && (
                    <p className="reasons">
                      <Sentence text={assignment.reasons.join(' · ')} />
                    </p>
                  )}
                  {partner && (
                    <CallButtons
                      name={assignment.partnerName}
                      phone={partner.phone}
                      outOfHoursPhone={outOfHoursPhoneFor(partner)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {/* Staff, and the coordinator of the request's parish (access.ts lets them change it). */}
      {writeRefusal(
        user,
        'request',
        parishScope(request.place.parishCode),
        parishScope(request.place.parishCode),
      ) === null && <BestPlacedAssign request={request} user={user} />}
      <RequestTimeline
        requestId={request.id}
        user={user}
        names={request.assignments.map((assignment) => assignment.partnerName)}
      />
    </article>
  );
}
