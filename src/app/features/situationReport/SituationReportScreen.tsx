// The situation report for one incident (/incidents/<id>/report): made on this device from IndexedDB,
// so it can be printed or saved as PDF with no signal. On screen, controls above the page: the
// protective marking (the council's, set by an admin), print, CSV, "mark as issued" (shared with every
// staff device, so anyone's next report shows the changes since). In print (A4), only the report, with the marking and
// the time it was made at the top of every page and page numbers at the foot.
import './situationReport.css';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { situationReport } from '../../../domain/situationReport/report.ts';
import { changesSince, issuedRecord } from '../../../domain/situationReport/changesSince.ts';
import { incidentTypeLabel } from '../../../domain/requests/requestList.ts';
import { downloadText } from '../../download.ts';
import { Link } from '../../router.tsx';
import { useRequestRecords } from '../dashboard/useRequestRecords.ts';
import { WardSketch } from '../dashboard/WardSketch.tsx';
import { situationReportCsv } from './reportCsv.ts';
import { cssString } from '../../../domain/situationReport/pageMargin.ts';
import { recordIssued, saveMarking, useLastIssued, useReportMarking } from './issuedReports.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { isStaff } from '../../../domain/entities/access.ts';
import { ReportBody } from './ReportBody.tsx';
import { reportTime } from './reportTime.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { Announced } from '../../components/Announced.tsx';

export function SituationReportScreen({ params }: { params: string[] }) {
  const incidentId = params[0] ?? '';
  const records = useRequestRecords();
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const [madeAt, setMadeAt] = useState(() => new Date().toISOString());
  const councilMarking = useReportMarking();
  // What an admin is typing, shown on the page before it is saved for the council.
  const [markingDraft, setMarkingDraft] = useState<string | null>(null);
  const [markingSaved, setMarkingSaved] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const user = useSessionUser();
  const marking = markingDraft ?? councilMarking ?? '';
  const incident = records?.incidents.find((candidate) => candidate.id === incidentId);
  const report = useMemo(
    () =>
      records && partners && incident
        ? situationReport({ ...records, incident, partners, now: madeAt })
        : undefined,
    [records, partners, incident, madeAt],
  );
  const previous = useLastIssued(incidentId);
  const changes = report && previous ? changesSince(report, previous) : null;

  if (!records || !partners || previous === undefined || councilMarking === undefined || user === undefined)
    return <p role="status">Loading the situation report…</p>;
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

  const admin = user?.role === 'admin';
  const staff = user ? isStaff(user) : false;
  const onSaveMarking = async () => {
    setSaveError(null);
    try {
      await saveMarking(marking);
      setMarkingDraft(null);
      setMarkingSaved(true);
    } catch (failure) {
      setSaveError(notSavedMessage(failure, 'The protective marking'));
    }
  };
  const issue = async () => {
    if (!user) return;
    setSaveError(null);
    try {
      await recordIssued(issuedRecord(report), user);
      setMadeAt(new Date().toISOString());
    } catch (failure) {
      setSaveError(notSavedMessage(failure, 'That the report was issued'));
    }
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
        <p className="hint" id="report-marking-hint">
          {admin
            ? 'The council’s marking: saving it sets it on every device.'
            : 'The council’s marking, set by an administrator.'}
        </p>
        <input
          id="report-marking"
          value={marking}
          maxLength={60}
          readOnly={!admin}
          aria-describedby="report-marking-hint"
          onChange={(event) => {
            setMarkingDraft(event.target.value);
            setMarkingSaved(false);
          }}
        />
        {admin && (
          <div className="button-row">
            <button type="button" className="secondary" onClick={() => void onSaveMarking()}>
              Save marking for the council
            </button>
            <Announced inline>{markingSaved && 'Saved; it reaches every device at the next sync.'}</Announced>
          </div>
        )}
        <FormProblem message={saveError} />
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
          {staff && (
            <button type="button" className="secondary" onClick={() => void issue()}>
              Mark as issued
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setMadeAt(new Date().toISOString())}>
            Refresh figures
          </button>
        </div>
        <p>
          {previous
            ? `Last issued ${reportTime(previous.issuedAt)}${previous.byName ? ` by ${previous.byName}` : ''}; “Changes since” compares with it.`
            : 'No report issued for this incident yet.'}
        </p>
      </div>

      <article className="report-page" aria-labelledby="report-title">
        {marking.trim() !== '' && <p className="report-marking">{marking}</p>}
        <h1 id="report-title" tabIndex={-1}>
          Situation report: <bdi>{incident.name}</bdi>
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
