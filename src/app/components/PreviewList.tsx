// The parts every import preview is made of (a CSV file, an Open Referral feed): the counts of what
// the import would do, and a list per outcome, either shown under a heading (problems and updates,
// which a person should read) or folded away (new and unchanged records, which they may skip).
// A file may hold tens of thousands of rows: each list shows a page at a time (PagedList).
import type { ReactNode } from 'react';
import { PagedList } from './PagedList.tsx';

export function PreviewCounts({ label, counts }: { label: string; counts: ReactNode[] }) {
  return (
    <ul className="import-counts" aria-label={label}>
      {counts.map((count, index) => (
        <li key={index}>{count}</li>
      ))}
    </ul>
  );
}

interface ListProps<T> {
  rows: readonly T[];
  keyOf: (row: T) => string | number;
  children: (row: T) => ReactNode;
}

/** A heading and a labelled list; nothing when there are no rows. */
export function PreviewList<T>({
  heading,
  label,
  rows,
  keyOf,
  children,
}: ListProps<T> & { heading?: string; label: string }) {
  if (rows.length === 0) return null;
  return (
    <>
      {heading && <h3>{heading}</h3>}
      <PagedList
        className="problem-list"
        label={label}
        items={rows}
        render={(row) => <li key={keyOf(row)}>{children(row)}</li>}
      />
    </>
  );
}

/** A folded list whose summary says how many it holds; nothing when there are no rows. */
export function FoldedPreviewList<T>({ summary, rows, keyOf, children }: ListProps<T> & { summary: string }) {
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>
        {summary} ({rows.length})
      </summary>
      <PagedList
        className=""
        label={summary}
        items={rows}
        render={(row) => <li key={keyOf(row)}>{children(row)}</li>}
      />
    </details>
  );
}
