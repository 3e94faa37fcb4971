// A small path router on the History API: the service worker serves index.html for every path, so
// deep links work offline too. Screens are few; a routing library would outweigh them.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  // A new screen opens at its top, not at the depth the last one was scrolled to; focus moves to its
  // heading once it is drawn (focusOnArrival.ts).
  window.scrollTo(0, 0);
  notify();
}

/** Goes to `path` in place of the current address (a redirect: Back does not return here). */
export function replaceWith(path: string): void {
  history.replaceState(null, '', path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => location.pathname,
  );
}

export function Link({ to, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...props} href={to} onClick={onClick} />;
}
