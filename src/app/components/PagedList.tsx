// A list of records that can grow without bound (requests in a long incident, stale details, incidents
// over the years, sync issues, a request's timeline): one page of items, then a button adding a page at
// a time, so a phone never lays out thousands of items at once. Same wording as the partner list. A
// list read oldest first, where the newest matter most (a timeline), shows its last page and offers
// the earlier entries above it instead. A press moves focus to the first item it brought, so a keyboard or
// screen reader user carries on reading there.
import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  const list = useRef<HTMLElement | null>(null);
  // Which shown item takes focus once the page a press asked for is drawn: the last press removes the
  // button, and focus would fall back to the top of the page, losing the reader's place.
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    const at = focusNext.current;
    focusNext.current = null;
    const entry = at === null ? undefined : list.current?.children[at];
    if (!(entry instanceof HTMLElement)) return;
    // Focusable only while it holds focus: left on, a click anywhere in the item would focus it.
    entry.tabIndex = -1;
    entry.addEventListener('blur', () => entry.removeAttribute('tabindex'), { once: true });
    entry.focus();
  }, [limit]);
  const rest = items.length - limit;
  const shown = showLatest ? items.slice(Math.max(0, rest)) : items.slice(0, limit);
  const List = ordered ? 'ol' : 'ul';
  const showMore = () => {
    // The first item the press brings: at the top of a timeline, else just after the ones shown.
    focusNext.current = showLatest ? 0 : shown.length;
    setLimit((current) => current + pageSize);
  };
  const more = rest > 0 && (
    <button type="button" className="secondary" onClick={showMore}>
      Show {Math.min(pageSize, rest)} {showLatest ? 'earlier' : 'more'} of {rest}
    </button>
  );
  return (
    <>
      {showLatest && more}
      <List
        // A callback, as one typed ref fits an <ol> or a <ul> but not both.
        ref={(element: HTMLElement | null) => {
          list.current = element;
        }}
        className={className || undefined}
        aria-label={label}
      >
        {shown.map(render)}
      </List>
      {!showLatest && more}
    </>
  );
}
