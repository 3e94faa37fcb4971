// Incidents: the emergencies the council is responding to, open ones first. Duty officers and admins
// open and close them (the server refuses anyone else, so parish coordinators only see the list).
// Saved on the device first like every change, so an incident can be opened with no signal.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Incident } from '../../../domain/entities/request.ts';
import type { Ward } from '../../../domain/geo/area.ts';
import { compareIncidents, incidentTypeLabel } from '../../../domain/requests/requestList.ts';
import { isOpen } from '../../../domain/entities/request.ts';
import { dateTimeWords } from './describe.ts';
import { closeIncident } from './requestActions.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { isStaff } from '../../../domain/entities/access.ts';
import { useArea } from './useArea.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { Link } from '../../router.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';

export function IncidentsScreen() {
  const user = useSessionUser();
  const area = useArea(user);
  const incidents = useLiveQuery(() => localDatabase.incidents.toArray());
  const openCounts = useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const request of await localDatabase.requests.toArray())
      if (request.incidentId && isOpen(request))
        counts.set(request.incidentId, (counts.get(request.incidentId) ?? 0) + 1);
    return counts;
  });

  if (!user || !area || !incidents || !openCounts) return <p role="status">Loading incidents…</p>;
  const staff = isStaff(user);
  const sorted = [...incidents].sort(compareIncidents);

  return (
    <>
      <h1 tabIndex={-1}>Incidents</h1>
      {sorted.length === 0 ? (
        <p className="empty">
          No incidents on this device.{staff && ' Open one below when an emergency starts.'}
        </p>
      ) : (
        <PagedList
          items={sorted}
          label="Incidents"
          render={(incident) => (
            <IncidentRow
              key={incident.id}
              incident={incident}
              wards={area.wardMap}
              openRequests={openCounts.get(incident.id) ?? 0}
              canClose={staff}
            />
          )}
        />
      )}
      {staff && <IncidentForm wards={area.wards} />}
    </>
  );
}

function IncidentRow({
  incident,
  wards,
  openRequests,
  canClose,
}: {
  incident: Incident;
  wards: ReadonlyMap<string, Ward>;
  openRequests: number;
  canClose: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const wardNames = incident.wardCodes.map((code) => wards.get(code)?.name ?? code);
  const close = () =>
    closeIncident(localDatabase, incident).catch(() =>
      setError('The incident could not be closed on this device. Please try again.'),
    );
  return (
    <li className="card">
      <p className="card-title">
        <bdi>{incident.name}</bdi>
      </p>
      <span className="card-meta">
        <span className={incident.status === 'open' ? 'badge warning' : 'badge muted'}>
          {incident.status === 'open' ? 'Open' : 'Closed'}
        </span>
        <span>{incidentTypeLabel(incident.type)}</span>
        <span>
          started {dateTimeWords(incident.startedAt)}
          {incident.endedAt && `, ended ${dateTimeWords(incident.endedAt)}`}
        </span>
      </span>
      <p className="reasons">
        {wardNames.length === 0 ? 'No wards named' : `Wards affected: ${wardNames.join(', ')}`}
      </p>
      <p className="reasons">
        {openRequests === 0 ? (
          'No open requests'
        ) : (
          <Link to="/requests">
            {openRequests} open request{openRequests === 1 ? '' : 's'}
          </Link>
        )}
      </p>
      {canClose && (
        <p className="reasons">
          <Link
            to={`/incidents/${encodeURIComponent(incident.id)}/report`}
            aria-label={`Situation report: ${incident.name}`}
          >
            Situation report
          </Link>{' '}
          ·{' '}
          <Link
            to={`/dashboard/${encodeURIComponent(incident.id)}`}
            aria-label={`Dashboard: ${incident.name}`}
          >
            Dashboard
          </Link>
        </p>
      )}
      {canClose && incident.status === 'open' && (
        <button
          type="button"
          className="secondary"
          aria-label={`Close incident: ${incident.name}`}
          onClick={() => void close()}
        >
          Close incident
        </button>
      )}
      <FormProblem message={error} />
    </li>
  );
}
