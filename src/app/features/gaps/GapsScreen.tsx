// On a phone, the gaps as a list in words, most pressing first (GapList); on a wide screen,
// the gap table: wards × capabilities with the number of active partners covering each, gaps marked
// in words and with an icon (not colour alone), unparished wards marked; sortable and downloadable as
// CSV. The accessible equivalent of the map and the council's "missing services" report.
import '../map/map.css';
import { useMemo, useState } from 'react';
import { CAPABILITIES, capabilityLabel } from '../../../domain/entities/capabilities.ts';
import {
  analyseGaps,
  coverLevel,
  sortGapRows,
  type CoverCount,
  type GapSortKey,
  type SortDirection,
} from '../../../domain/gaps/gapAnalysis.ts';
import { useCoverageData } from '../coverage/useCoverageData.ts';
import { useOpenRequestsByWard } from '../coverage/openRequests.ts';
import { downloadText } from '../../download.ts';
import { gapReportCsv } from './gapCsv.ts';
import { WardsMostInNeed } from '../deprivation/WardsMostInNeed.tsx';
import { GapList } from './GapList.tsx';

interface Sort {
  key: GapSortKey;
  direction: SortDirection;
}

/** What a first press sorts by: names A–Z, most gaps first, fewest partners (gaps) first. */
const FIRST_DIRECTION = (key: GapSortKey): SortDirection => (key === 'gaps' ? 'descending' : 'ascending');

function sortLabel(key: GapSortKey): string {
  return key === 'ward' ? 'ward name' : key === 'gaps' ? 'number of gaps' : capabilityLabel(key);
}

function describeSort({ key, direction }: Sort): string {
  if (key === 'ward') return `Sorted by ward name, ${direction === 'ascending' ? 'A to Z' : 'Z to A'}.`;
  const order = direction === 'ascending' ? 'fewest first' : 'most first';
  return `Sorted by ${sortLabel(key)}, ${order}.`;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: GapSortKey;
  sort: Sort;
  onSort: (key: GapSortKey) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="sort-icon">
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

function CoverCell({ count }: { count: CoverCount }) {
  const level = coverLevel(count);
  if (level === 'gap')
    return (
      <td className="cover-cell cover-gap">
        <span aria-hidden="true">✕ </span>Gap
      </td>
    );
  return (
    <td className={`cover-cell cover-${level}`}>
      <span className="cover-total">{count.total}</span>
      <span className="cover-local">
        {level === 'boroughWideOnly' ? 'borough-wide only' : `${count.local} local`}
      </span>
    </td>
  );
}

export function GapsScreen() {
  const data = useCoverageData();
  const openRequests = useOpenRequestsByWard();
  const [sort, setSort] = useState<Sort>({ key: 'gaps', direction: 'descending' });
  const analysis = useMemo(
    () => data && analyseGaps(data.wards, data.parishes, data.partners, { openRequests }),
    [data, openRequests],
  );
  const rows = useMemo(
    () => analysis && sortGapRows(analysis.wards, sort.key, sort.direction),
    [analysis, sort],
  );

  if (!data || !analysis || !rows) return <p role="status">Loading the gap table…</p>;

  const onSort = (key: GapSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION(key) },
    );
  const totalGaps = rows.reduce((sum, row) => sum + row.gaps, 0);
  const wardsWithGaps = rows.filter((row) => row.gaps > 0).length;
  const unparished = rows.filter((row) => !row.parished);
  const unparishedWithGaps = unparished.filter((row) => row.gaps > 0).length;
  const withRequests = openRequests !== undefined;
  const activePartners = data.partners.filter((partner) => partner.status === 'active').length;

  return (
    <>
      <h1 tabIndex={-1}>Gaps in cover</h1>
      {rows.length === 0 ? (
        <p className="empty">
          No wards on this device yet. They arrive with the first sync; if you are offline, connect once to
          download them.
        </p>
      ) : (
        <>
          <p>
            How many active partners cover each ward for each capability: partners naming the ward or a parish
            in it (“local”), plus partners working borough-wide. A gap is a ward and capability nobody covers.
          </p>
          <p className="count">
            {totalGaps} gaps in {wardsWithGaps} of {rows.length} wards; {unparishedWithGaps} of the{' '}
            {unparished.length} unparished wards have gaps. {activePartners} active partners.
          </p>
          {activePartners === 0 && (
            <p className="empty">
              No active partners on this device yet, so every cell is a gap until the directory arrives.
            </p>
          )}
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                // A byte-order mark first, so Excel reads names with accents as UTF-8.
                downloadText(
                  `gaps-${new Date().toISOString().slice(0, 10)}.csv`,
                  `\uFEFF${gapReportCsv(analysis, rows)}`,
                )
              }
            >
              Download CSV
            </button>
          </p>
          <WardsMostInNeed rows={analysis.wards} wards={data.wards} />
          <GapList wards={analysis.wards} />
          <div className="gap-table-wide">
            <p className="visually-hidden" aria-live="polite">
              {describeSort(sort)}
            </p>
            <h2 id="gap-table-heading">Partners covering each ward, by capability</h2>
            <div className="table-scroll" role="region" aria-labelledby="gap-table-heading" tabIndex={0}>
              <table className="gap-table">
                {/* The heading above shows the title; the caption names the table for screen readers. */}
                <caption className="visually-hidden">Partners covering each ward, by capability</caption>
                <thead>
                  <tr>
                    <SortHeader label="Ward" sortKey="ward" sort={sort} onSort={onSort} />
                    <SortHeader label="Gaps" sortKey="gaps" sort={sort} onSort={onSort} />
                    {withRequests && <th scope="col">Open requests</th>}
                    {CAPABILITIES.map(({ id, label }) => (
                      <SortHeader key={id} label={label} sortKey={id} sort={sort} onSort={onSort} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.code}>
                      <th scope="row">
                        {row.name}
                        {!row.parished && <span className="badge warning">Unparished</span>}
                      </th>
                      <td className={row.gaps > 0 ? 'gap-count has-gaps' : 'gap-count'}>{row.gaps}</td>
                      {withRequests && <td>{row.openRequests ?? 0}</td>}
                      {CAPABILITIES.map(({ id }) => (
                        <CoverCell key={id} count={row.counts.get(id) ?? { total: 0, local: 0 }} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </>
  );
}
