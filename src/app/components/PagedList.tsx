// A list of records that can grow without bound (requests in a long incident, stale details, incidents
// over the years, sync issues, a request's timeline): one page of items, then a button adding a page at
// a time, so a phone never lays out thousands of items at once. Same wording as the partner list. A
// list read oldest first, where the newest matter most (a timeline), shows its last page and offers
// the earlier entries above it instead.
import { useState, type ReactNode } from 'react';

export const LIST_PAGE = 50;

export function PagedList<T>({
  items,
  label,
  render,
  pageSize = LIST_PAGE,
  className = 'card-list',
  ordered = false,
  showLatest = false,
}: {
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  /** One item as an <li> (with its key). */
  render: (item: T) => ReactNode;
  pageSize?: number;
  className?: string;
  /** An ordered list (<ol>), such as a timeline. */
  ordered?: boolean;
  /** Show the last page first, with "Show N earlier" above it. */
  showLatest?: boolean;
}) {
  const [limit, setLimit] = useState(pageSize);
  const rest = items.length - limit;
  const shown = showLatest ? items.slice(Math.max(0, rest)) : items.slice(0, limit);
  const List = ordered ? 'ol' : 'ul';
  const more = rest > 0 && (
    <button type="button" className="secondary" onClick={() => setLimit((current) => current + pageSize)}>
      Show {Math.min(pageSize, rest)} {showLatest ? 'earlier' : 'more'} of {rest}
    </button>
  );
  return (
    <>
      {showLatest && more}
      <List className={className || undefined} aria-label={label}>
        {shown.map(render)}
      </List>
      {!showLatest && more}
    </>
  );
}
