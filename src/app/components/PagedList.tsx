// A list of records that can grow without bound (requests in a long incident, stale details, incidents
// over the years, sync issues): the first page of cards, then "Show N more of M" adding a page at a
// time, so a phone never lays out thousands of cards at once. Same wording as the partner list.
import { useState, type ReactNode } from 'react';

export const LIST_PAGE = 50;

export function PagedList<T>({
  items,
  label,
  render,
  pageSize = LIST_PAGE,
  className = 'card-list',
}: {
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  /** One item as an <li> (with its key). */
  render: (item: T) => ReactNode;
  pageSize?: number;
  className?: string;
}) {
  const [limit, setLimit] = useState(pageSize);
  const rest = items.length - limit;
  return (
    <>
      <ul className={className || undefined} aria-label={label}>
        {items.slice(0, limit).map(render)}
      </ul>
      {rest > 0 && (
        <button type="button" className="secondary" onClick={() => setLimit((current) => current + pageSize)}>
          Show {Math.min(pageSize, rest)} more of {rest}
        </button>
      )}
    </>
  );
}
