// Opened, closed and reopened requests per hour or day, drawn by uPlot (a small canvas time-series chart:
// about 22 KB gzip, loaded with this screen only), with the same figures in a table for screen readers
// and for anyone who wants the numbers. The chart is decoration for those who can see it (aria-hidden);
// the table is the record.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { OverTime } from '../../../domain/dashboard/overTime.ts';

const SERIES = [
  { key: 'opened', label: 'Opened', stroke: '#1d70b8' },
  { key: 'closed', label: 'Closed', stroke: '#00703c' },
  { key: 'reopened', label: 'Reopened', stroke: '#d4351c' },
] as const;

export function bucketLabel(start: string, size: OverTime['size']): string {
  const date = new Date(start);
  return size === 'day'
    ? date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })
    : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function Chart({ overTime }: { overTime: OverTime }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const x = overTime.buckets.map((bucket) => Date.parse(bucket.start) / 1000);
    const columns = SERIES.map(({ key }) => overTime.buckets.map((bucket) => bucket[key]));
    const width = () => Math.max(260, element.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        series: [
          {},
          ...SERIES.map(({ label, stroke }) => ({
            label,
            stroke,
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
          })),
        ],
        axes: [{}, { label: 'Requests' }],
        scales: { y: { range: (_plot, _min, max) => [0, Math.max(1, max)] } },
      },
      [x, ...columns],
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [overTime]);
  return <div ref={holder} className="time-chart" aria-hidden="true" />;
}

export function OverTimeChart({ overTime }: { overTime: OverTime }) {
  if (overTime.buckets.length === 0) return <p className="empty">No requests logged yet.</p>;
  const per = overTime.size === 'hour' ? 'hour' : 'day';
  return (
    <>
      <Chart overTime={overTime} />
      {overTime.truncated && (
        <p>
          Only the latest {overTime.buckets.length} {per}s are shown.
        </p>
      )}
      <details className="chart-table">
        <summary>Table: requests opened, closed and reopened per {per}</summary>
        <div className="table-scroll" role="region" aria-label={`Requests per ${per}`} tabIndex={0}>
          <table>
            <caption className="visually-hidden">Requests opened, closed and reopened per {per}</caption>
            <thead>
              <tr>
                <th scope="col">{per === 'hour' ? 'Hour from' : 'Day'}</th>
                {SERIES.map(({ key, label }) => (
                  <th key={key} scope="col" className="number">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overTime.buckets.map((bucket) => (
                <tr key={bucket.start}>
                  <th scope="row">{bucketLabel(bucket.start, overTime.size)}</th>
                  <td className="number">{bucket.opened}</td>
                  <td className="number">{bucket.closed}</td>
                  <td className="number">{bucket.reopened}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
