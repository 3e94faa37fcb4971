// Requests for help: everyone's open requests, or "mine" (logged or assigned by me), filtered by
// incident, status, ward, need and urgency, most urgent and longest waiting first. Reads IndexedDB
// live, so a request logged offline shows at once, marked as waiting to sync.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { Link } from '../../router.tsx';
import { CAPABILITIES, capabilityLabel, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import { REQUEST_STATUSES, URGENCIES, type HelpRequest } from '../../../domain/entities/request.ts';
import {
  NO_FILTERS,
  compareIncidents,
  filterRequests,
  forWhomText,
  isMine,
  statusLabel,
  urgencyLabel,
  type RequestFilters,
  type StatusFilter,
} from '../../../domain/requests/requestList.ts';
import { timeAgo } from '../../timeAgo.ts';
import { placeName } from '../../../domain/geo/placeName.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { useArea } from './useArea.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { Sentence } from '../../components/Sentence.tsx';
import { isolated } from '../../../domain/words/isolated.ts';

type View = 'open' | 'mine';

const OPEN_STATUSES: { id: StatusFilter; label: string }[] = [
  { id: 'open', label: 'Any open status' },
  ...REQUEST_STATUSES.filter((status) => status.id !== 'done' && status.id !== 'cancelled'),
];
const ALL_STATUSES: { id: StatusFilter; label: string }[] = [
  ...OPEN_STATUSES,
  ...REQUEST_STATUSES.filter((status) => status.id === 'done' || status.id === 'cancelled'),
  { id: 'any', label: 'Any status' },
];

export function RequestsScreen() {
  const user = useSessionUser();
  const area = useArea(user);
  const requests = useLiveQuery(() => localDatabase.requests.toArray());
  const incidents = useLiveQuery(() => localDatabase.incidents.toArray());
  const waiting = useLiveQuery(async () => {
    const entries = await localDatabase.outbox.toArray();
    return new Set(entries.filter((entry) => entry.entity === 'request').map((entry) => entry.recordId));
  });
  const [view, setView] = useState<View>('open');
  const [filters, setFilters] = useState<RequestFilters>(NO_FILTERS);
  const now = Date.now();

  const shown = useMemo(() => {
    if (!requests || !area || !user) return undefined;
    const pool = view === 'mine' ? requests.filter((request) => isMine(request, user.id)) : requests;
    return filterRequests(pool, filters, area.parishMap);
  }, [requests, area, user, view, filters]);

  const set = <K extends keyof RequestFilters>(key: K, value: RequestFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const chooseView = (next: View) => {
    setView(next);
    // "Open requests" offers only open statuses; a done or cancelled choice would hide everything.
    if (
      next === 'open' &&
      (filters.status === 'any' || filters.status === 'done' || filters.status === 'cancelled')
    )
      set('status', 'open');
  };

  if (shown === undefined || !area || !incidents || !waiting) return <p role="status">Loading requests…</p>;
  const statuses = view === 'open' ? OPEN_STATUSES : ALL_STATUSES;
  const activeFilters = (Object.keys(filters) as (keyof RequestFilters)[]).filter(
    (key) => filters[key] !== NO_FILTERS[key],
  ).length;
  const listName = view === 'open' ? 'Open requests' : 'My requests';

  return (
    <>
      <h1 tabIndex={-1}>Requests</h1>
      <p>
        <Link to="/requests/new" className="button-link">
          Log a request
        </Link>
      </p>
      <div className="view-toggle" role="group" aria-label="Which requests">
        <button type="button" aria-pressed={view === 'open'} onClick={() => chooseView('open')}>
          Open requests
        </button>
        <button type="button" aria-pressed={view === 'mine'} onClick={() => chooseView('mine')}>
          Mine
        </button>
      </div>
      <details className="filters-box">
        <summary>Filters{activeFilters > 0 ? ` (${activeFilters} in use)` : ''}</summary>
        <fieldset className="request-filters">
          <legend className="visually-hidden">Filter the requests</legend>
          <FilterSelect
            id="filter-incident"
            label="Incident"
            value={filters.incident}
            onChange={(value) => set('incident', value)}
            any="Any incident"
            options={[
              { value: 'none', label: 'Not part of an incident' },
              ...[...incidents].sort(compareIncidents).map((incident) => ({
                value: incident.id,
                label: `${incident.name}${incident.status === 'closed' ? ' (closed)' : ''}`,
              })),
            ]}
          />
          <FilterSelect
            id="filter-status"
            label="Status"
            value={filters.status}
            onChange={(value) => set('status', value as StatusFilter)}
            options={statuses.map((status) => ({ value: status.id, label: status.label }))}
          />
          <FilterSelect
            id="filter-ward"
            label="Ward"
            value={filters.ward}
            onChange={(value) => set('ward', value)}
            any="Any ward"
            options={area.ownWards.map((ward) => ({ value: ward.code, label: ward.name }))}
          />
          <FilterSelect
            id="filter-need"
            label="Need"
            value={filters.need}
            onChange={(value) => set('need', value as CapabilityId | '')}
            any="Any need"
            options={CAPABILITIES.map((capability) => ({ value: capability.id, label: capability.label }))}
          />
          <FilterSelect
            id="filter-urgency"
            label="Urgency"
            value={filters.urgency}
            onChange={(value) => set('urgency', value as RequestFilters['urgency'])}
            any="Any urgency"
            options={URGENCIES.map((urgency) => ({ value: urgency.id, label: urgency.label }))}
          />
        </fieldset>
      </details>

      {requests?.length === 0 ? (
        <p className="empty">
          No requests on this device yet. Log one with “Log a request”; requests others log arrive when this
          device syncs.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {view === 'mine'
            ? 'None of your requests match these filters.'
            : 'No open requests match these filters.'}
        </p>
      ) : (
        <>
          <p className="count" aria-live="polite">
            {shown.length} request{shown.length === 1 ? '' : 's'}, most urgent first
          </p>
          <PagedList
            key={listName}
            items={shown}
            label={listName}
            render={(request) => (
              <RequestRow
                key={request.id}
                request={request}
                place={placeName(request.place, area.wardMap, area.parishMap)}
                age={timeAgo(request.createdAt, now)}
                waiting={waiting.has(request.id)}
              />
            )}
          />
        </>
      )}
    </>
  );
}

function RequestRow({
  request,
  place,
  age,
  waiting,
}: {
  request: HelpRequest;
  place: string;
  age: string;
  waiting: boolean;
}) {
  const needs = request.needs.map(capabilityLabel).join(', ');
  return (
    <li className="card request-row">
      <Link to={`/requests/${request.id}`} className="card-title">
        <span>
          {needs} for <Sentence text={forWhomText(request)} />
        </span>
      </Link>
      <span className="card-meta">
        <span className={`badge urgency-${request.urgency}`}>{urgencyLabel(request.urgency)}</span>
        <span className="badge muted">{statusLabel(request.status)}</span>
        {waiting && <span className="badge warning">Waiting to sync</span>}
        <span>{place}</span>
        <span>logged {age}</span>
      </span>
      <span className="card-meta">
        {request.assignments.length === 0 ? (
          'No partner assigned yet'
        ) : (
          <Sentence
            text={`Assigned: ${request.assignments.map((assignment) => isolated(assignment.partnerName)).join(', ')}`}
          />
        )}
      </span>
    </li>
  );
}
