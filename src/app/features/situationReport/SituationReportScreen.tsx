// The situation report for one incident (/incidents/<id>/report): made on this device from IndexedDB,
// so it can be printed or saved as PDF with no signal. On screen, controls above the page: the
// protective marking, print, CSV, "mark as issued". In print (A4), only the report, with the marking and
// the time it was made at the top of every page and page numbers at the foot.
import './situationReport.css';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { situationReport } from '../../../domain/situationReport/report.ts';
import { changesSince, issuedRecord } from '../../../domain/situationReport/changesSince.ts';
import { incidentTypeLabel } from '../../../domain/requestList.ts';
import { downloadText } from '../../download.ts';
import { Link } from '../../router.tsx';
import { useRequestRecords } from '../dashboard/useRequestRecords.ts';
import { WardSketch } from '../dashboard/WardSketch.tsx';
import { situationReportCsv } from './reportCsv.ts';
import { cssString, lastIssued, readMarking, recordIssued, saveMarking } from './issuedReports.ts';
import { ReportBody } from './ReportBody.tsx';
import { reportTime } from './reportTime.ts';

export function SituationReportScreen({ params }: { params: string[] }) {
  const incidentId = params[0] ?? '';
  const records = useRequestRecords();
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const [madeAt, setMadeAt] = useState(() => new Date().toISOString());
  const [marking, setMarking] = useState(readMarking);
  const [issuedVersion, setIssuedVersion] = useState(0);
  const incident = records?.incidents.find((candidate) => candidate.id === incidentId);
  const report = useMemo(
    () =>
      records && partners && incident
        ? situationReport({ ...records, incident, partners, now: madeAt })
        : undefined,
    [records, partners, incident, madeAt],
  );
  // issuedVersion: read the record again after "mark as issued".
  const previous = useMemo(
    () => (issuedVersion >= 0 ? lastIssued(incidentId) : null),
    [incidentId, issuedVersion],
  );
  const changes = report && previous ? changesSince(report, previous) : null;

  if (!records || !partners) return <p role="status">Loading the situation report…</p>;
  if (!incident || !report)
    return (
      <>
        <h1 tabIndex={-1}>Situation report</h1>
        <p className="empty">
          This incident is not on this device. It arrives with sync if you may see it.{' '}
          <Link to="/incidents">All incidents</Link>
        </p>
      </>
    );

  const onMarking = (value: string) => {
    setMarking(value);
    saveMarking(value);
  };
  const issue = () => {
    recordIssued(issuedRecord(report));
    setIssuedVersion((version) => version + 1);
    setMadeAt(new Date().toISOString());
  };
  const wardCounts = new Map(
    report.openByWard.flatMap((row) => (row.wardCode === null ? [] : [[row.wardCode, row.open] as const])),
  );

  return (
    <div className="situation-report">
      {/* The marking and the time in every printed page's margin; page numbers at the foot. */}
      <style>{`@page { @top-left { content: ${cssString(marking)}; } @top-right { content: ${cssString(
        `Made ${reportTime(report.madeAt)}`,
      )}; } @bottom-left { content: ${cssString(marking)}; } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }`}</style>
      <div className="report-controls">
        <p>
          <Link to={`/dashboard/${encodeURIComponent(incident.id)}`}>Dashboard for this incident</Link>
        </p>
        <label htmlFor="report-marking">Protective marking (printed on every page)</label>
        <input
          id="report-marking"
          value={marking}
          maxLength={60}
          onChange={(event) => onMarking(event.target.value)}
        />
        <div className="button-row">
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadText(
                `situation-report-${report.madeAt.slice(0, 16).replace(':', '')}.csv`,
                `\uFEFF${situationReportCsv(report, changes, marking)}`,
              )
            }
          >
            Download CSV
          </button>
          <button type="button" className="secondary" onClick={issue}>
            Mark as issued
          </button>
          <button type="button" className="secondary" onClick={() => setMadeAt(new Date().toISOString())}>
            Refresh figures
          </button>
        </div>
        <p>
          {previous
            ? `Last issued from this device ${reportTime(previous.issuedAt)}; “Changes since” compares with it.`
            : 'No report issued from this device for this incident yet.'}
        </p>
      </div>

      <article className="report-page" aria-labelledby="report-title">
        {marking.trim() !== '' && <p className="report-marking">{marking}</p>}
        <h1 id="report-title" tabIndex={-1}>
          Situation report: {incident.name}
        </h1>
        <p className="report-meta">
          {incidentTypeLabel(incident.type)} · started {reportTime(incident.startedAt)}
          {incident.endedAt ? ` · ended ${reportTime(incident.endedAt)}` : ' · still open'} · made{' '}
          {reportTime(report.madeAt)} from the records on this device
        </p>
        <ReportBody report={report} changes={changes} />
        {report.openByWard.length > 0 && (
          <section aria-labelledby="report-map-heading" className="report-map">
            <h2 id="report-map-heading">Where the open requests are</h2>
            <WardSketch
              wards={records.wards}
              counts={wardCounts}
              label="Map of open requests per ward (the same figures as the ward table above)"
            />
          </section>
        )}
      </article>
    </div>
  );
}
