// The situation report's sections: summary, changes since the last report, key events, open requests
// by ward and need, partners engaged and gaps in cover. Plain tables and lists so it reads the same on
// screen, on paper and to a screen reader.
import { capabilityLabel, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import type { SituationReport } from '../../../domain/situationReport/report.ts';
import type { ReportChanges } from '../../../domain/situationReport/changesSince.ts';
import { reportTime } from './reportTime.ts';
import { Sentence } from '../../components/Sentence.tsx';

function gapWords(key: string, wardNames: ReadonlyMap<string, string>): string {
  const [ward = '', need = ''] = key.split(':');
  return `${wardNames.get(ward) ?? ward}: ${capabilityLabel(need as CapabilityId)}`;
}

export function ReportBody({ report, changes }: { report: SituationReport; changes: ReportChanges | null }) {
  const { summary } = report;
  const wardNames = new Map(report.gaps.map((gap) => [gap.wardCode, gap.wardName]));
  return (
    <>
      <section aria-labelledby="report-summary-heading">
        <h2 id="report-summary-heading">Summary</h2>
        <table className="report-table summary-table">
          <caption className="visually-hidden">Summary figures</caption>
          <tbody>
            {[
              ['Requests in the incident', summary.total],
              ['Open requests', summary.open],
              ['Open immediate requests', summary.openImmediate],
              ['Immediate requests with no partner', summary.unassignedImmediate],
              ['Closed requests', summary.closed],
              ['Partners engaged', summary.partnersEngaged],
              ['Wards affected', summary.wardsAffected],
            ].map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="number">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-changes-heading">
        <h2 id="report-changes-heading">Changes since the last report</h2>
        {changes === null ? (
          <p>This is the first report issued from this device for this incident.</p>
        ) : (
          <ul>
            <li>Since {reportTime(changes.since)}:</li>
            <li>
              {changes.logged} requests logged, {changes.closed} closed, {changes.reopened} reopened; open
              requests {changes.openBefore} → {changes.openNow}.
            </li>
            <li>
              New gaps:{' '}
              {changes.newGaps.length === 0
                ? 'none'
                : changes.newGaps.map((key) => gapWords(key, wardNames)).join('; ')}
              .
            </li>
            <li>
              Gaps now covered: {changes.gapsClosed.length === 0 ? 'none' : changes.gapsClosed.join('; ')}.
            </li>
          </ul>
        )}
      </section>

      <section aria-labelledby="report-events-heading">
        <h2 id="report-events-heading">Key events</h2>
        <ol className="key-events">
          {report.keyEvents.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <time dateTime={event.at}>{reportTime(event.at)}</time> <Sentence text={event.text} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="report-wards-heading">
        <h2 id="report-wards-heading">Open requests by ward and need</h2>
        {report.openByWard.length === 0 ? (
          <p>No open requests.</p>
        ) : (
          <table className="report-table">
            <caption className="visually-hidden">Open requests by ward and need</caption>
            <thead>
              <tr>
                <th scope="col">Ward</th>
                <th scope="col" className="number">
                  Open
                </th>
                {report.needs.map((need) => (
                  <th key={need} scope="col" className="number">
                    {capabilityLabel(need)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.openByWard.map((row) => (
                <tr key={row.wardCode ?? 'unknown'}>
                  <th scope="row">{row.wardName}</th>
                  <td className="number">{row.open}</td>
                  {report.needs.map((need) => (
                    <td key={need} className="number">
                      {row.byNeed.get(need) ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-partners-heading">
        <h2 id="report-partners-heading">Partners engaged</h2>
        {report.partners.length === 0 ? (
          <p>No partner assigned yet.</p>
        ) : (
          <table className="report-table">
            <caption className="visually-hidden">Partners engaged</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col" className="number">
                  Open
                </th>
                <th scope="col" className="number">
                  In all
                </th>
              </tr>
            </thead>
            <tbody>
              {report.partners.map((partner) => (
                <tr key={partner.partnerId}>
                  <th scope="row">
                    <bdi>{partner.name}</bdi>
                  </th>
                  <td className="number">{partner.open}</td>
                  <td className="number">{partner.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-gaps-heading">
        <h2 id="report-gaps-heading">Gaps in cover</h2>
        {report.gaps.length === 0 ? (
          <p>Every need asked for in this incident has a partner covering each of its wards.</p>
        ) : (
          <ul className="report-gaps">
            {report.gaps.map((gap) => (
              <li key={`${gap.wardCode}:${gap.need}`}>
                {gap.wardName}: no partner covers {capabilityLabel(gap.need).toLowerCase()}
                {gap.openRequests > 0 ? ` (${gap.openRequests} open requests)` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
