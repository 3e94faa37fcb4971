// The dashboard for the people in charge: for one incident or the whole borough, what is open (by
// status, need, ward and urgency), demand over time, how long requests wait to be assigned and closed,
// the immediate requests nobody has taken, who carries the load, and where the immediate needs are.
// Everything comes from this device's copy (IndexedDB), so it works with no signal; the figures are
// computed by src/domain/dashboard, the same functions the tests check.
import './dashboard.css';
import { useEffect, useMemo, useState } from 'react';
import { dashboardFigures, durationText } from '../../../domain/dashboard/figures.ts';
import type { BucketSize } from '../../../domain/dashboard/overTime.ts';
import { compareIncidents, forWhomText } from '../../../domain/requests/requestList.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { Link, navigate } from '../../router.tsx';
import { useOnline } from '../../useOnline.ts';
import { localOffsetMinutes, useRequestRecords } from './useRequestRecords.ts';
import { TallyTable } from './TallyTable.tsx';
import { OverTimeChart } from './OverTimeChart.tsx';
import { WardSketch } from './WardSketch.tsx';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { analyseGaps } from '../../../domain/gaps/gapAnalysis.ts';
import { WardsMostInNeed } from '../deprivation/WardsMostInNeed.tsx';
import { Sentence } from '../../components/Sentence.tsx';

/** The current time, moved on every minute so ages stay true on a screen left open. */
function useNow(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function DashboardScreen({ params }: { params: string[] }) {
  const records = useRequestRecords();
  const online = useOnline();
  const now = useNow();
  const incidentId = params[0] ?? null;
  const [bucket, setBucket] = useState<BucketSize | ''>('');
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const gaps = useMemo(
    () => records && partners && analyseGaps(records.wards, records.parishes, partners),
    [records, partners],
  );
  const figures = useMemo(
    () =>
      records &&
      dashboardFigures({
        ...records,
        incidentId,
        now,
        offsetMinutes: localOffsetMinutes(),
        ...(bucket === '' ? {} : { bucketSize: bucket }),
      }),
    [records, incidentId, now, bucket],
  );

  if (!records || !figures) return <p role="status">Loading the dashboard…</p>;
  const incidents = [...records.incidents].sort(compareIncidents);
  const incident = incidents.find((candidate) => candidate.id === incidentId);
  const scope =
    incidentId === null ? (
      'Borough-wide'
    ) : incident ? (
      <bdi>{incident.name}</bdi>
    ) : (
      'Incident not on this device'
    );
  const wardsWithImmediate = [...figures.openImmediateByWard]
    .map(([code, count]) => ({
      code,
      count,
      name: records.wards.find((ward) => ward.code === code)?.name ?? code,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  return (
    <div className="dashboard">
      <h1 tabIndex={-1}>Dashboard</h1>
      <p className="dashboard-scope">
        {scope} · from the requests on this device{online ? '' : ' (offline: as last synced)'}
      </p>
      <div className="filters dashboard-filters">
        <FilterSelect
          id="dashboard-incident"
          label="Incident"
          value={incidentId ?? ''}
          onChange={(value) =>
            navigate(value === '' ? '/dashboard' : `/dashboard/${encodeURIComponent(value)}`)
          }
          any="Borough-wide (every request)"
          options={incidents.map((candidate) => ({
            value: candidate.id,
            label: `${candidate.name}${candidate.status === 'closed' ? ' (closed)' : ''}`,
          }))}
        />
        <FilterSelect
          id="dashboard-bucket"
          label="Over time"
          value={bucket}
          onChange={(value) => setBucket(value === 'hour' || value === 'day' ? value : '')}
          any="Per hour or day (by span)"
          options={[
            { value: 'hour', label: 'Per hour' },
            { value: 'day', label: 'Per day' },
          ]}
        />
      </div>
      {incident && (
        <p>
          <Link to={`/incidents/${encodeURIComponent(incident.id)}/report`}>
            <span>
              Situation report for <bdi>{incident.name}</bdi>
            </span>
          </Link>
        </p>
      )}

      {gaps && gaps.wards.length > 0 && <WardsMostInNeed rows={gaps.wards} wards={records.wards} />}
      {figures.total === 0 ? (
        <p className="empty">
          No requests {incidentId === null ? 'on this device' : 'in this incident'} yet. They appear here as
          they are logged or arrive with sync.
        </p>
      ) : (
        <>
          <dl className="headline-figures" aria-label="Headline figures">
            <div>
              <dt>Open requests</dt>
              <dd>{figures.open}</dd>
            </div>
            <div>
              <dt>Immediate, no partner yet</dt>
              <dd>{figures.unassignedImmediateCount}</dd>
            </div>
            <div>
              <dt>Median time to assign</dt>
              <dd>{durationText(figures.timeToAssign.median)}</dd>
            </div>
            <div>
              <dt>Median time to close</dt>
              <dd>{durationText(figures.timeToClose.median)}</dd>
            </div>
          </dl>

          <section aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Immediate requests with no partner</h2>
            {figures.unassignedImmediate.length === 0 ? (
              <p className="empty">None: every open immediate request has a partner assigned.</p>
            ) : (
              <ol className="waiting-list">
                {figures.unassignedImmediate.map(({ request, ageMinutes, where }) => (
                  <li key={request.id}>
                    <Link to={`/requests/${encodeURIComponent(request.id)}`}>
                      {request.needs.map(capabilityLabel).join(', ')} for{' '}
                      <Sentence text={forWhomText(request)} />
                    </Link>{' '}
                    · {where} · waiting {durationText(ageMinutes)}
                  </li>
                ))}
              </ol>
            )}
            {figures.unassignedImmediateCount > figures.unassignedImmediate.length && (
              <p>
                The {figures.unassignedImmediate.length} waiting longest of {figures.unassignedImmediateCount}
                . <Link to="/requests">All requests</Link>
              </p>
            )}
          </section>

          <section aria-labelledby="open-heading">
            <h2 id="open-heading">Open requests</h2>
            <div className="tally-grid">
              <TallyTable
                caption="Open requests by status"
                heading="Status"
                rows={figures.openByStatus}
                empty="No open requests."
              />
              <TallyTable
                caption="Open requests by urgency"
                heading="Urgency"
                rows={figures.openByUrgency}
                empty="No open requests."
              />
              <TallyTable
                caption="Open requests by need (a request with two needs counts under each)"
                heading="Need"
                rows={figures.openByNeed}
                empty="No open requests."
              />
              <TallyTable
                caption="Open requests by ward"
                heading="Ward"
                rows={figures.openByWard.map((tally) => ({ ...tally, key: tally.key ?? '' }))}
                empty="No open requests."
              />
            </div>
          </section>

          <section aria-labelledby="time-heading">
            <h2 id="time-heading">Opened and closed over time</h2>
            <OverTimeChart overTime={figures.overTime} />
          </section>

          <section aria-labelledby="waits-heading">
            <h2 id="waits-heading">How long requests wait</h2>
            <div className="table-scroll" role="region" aria-labelledby="waits-heading" tabIndex={0}>
              <table className="waits-table">
                <caption className="visually-hidden">Time to assign and to close</caption>
                <thead>
                  <tr>
                    <th scope="col">Logged until</th>
                    <th scope="col">Median</th>
                    <th scope="col">90% by</th>
                    <th scope="col" className="number">
                      Count
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[
                    { label: 'Assigned', spread: figures.timeToAssign },
                    { label: 'Closed', spread: figures.timeToClose },
                  ].map(({ label, spread }) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td>{durationText(spread.median)}</td>
                      <td>{durationText(spread.p90)}</td>
                      <td className="number">{spread.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="load-heading">
            <h2 id="load-heading">Partner load</h2>
            <TallyTable
              caption="Open requests assigned to each partner, most first"
              heading="Partner"
              rows={figures.partnerLoad.slice(0, 10).map((load) => ({
                key: load.partnerId,
                label: load.partnerName,
                count: load.open,
              }))}
              empty="No open request has a partner assigned."
            />
          </section>

          <section aria-labelledby="immediate-wards-heading">
            <h2 id="immediate-wards-heading">Wards with open immediate requests</h2>
            {wardsWithImmediate.length === 0 ? (
              <p className="empty">No ward has an open immediate request.</p>
            ) : (
              <div className="sketch-with-list">
                <WardSketch
                  wards={records.wards}
                  counts={figures.openImmediateByWard}
                  label={`Map: ${wardsWithImmediate.length} wards with open immediate requests, listed beside it`}
                />
                <ul aria-label="Wards with open immediate requests">
                  {wardsWithImmediate.map((ward) => (
                    <li key={ward.code}>
                      {ward.name}: {ward.count}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
