// Where keyboard focus goes when the screen changes: to the new screen's heading, once it is drawn,
// so a keyboard or screen-reader user starts at the top of the screen they asked for. A screen often
// arrives late (its code is fetched the first time it is opened, its records read from IndexedDB
// after its first draw), so the heading is waited for, not looked for once. A screen that has put
// focus somewhere of its own inside it by then (a search box) keeps it, and so does a person who has
// moved focus themselves while the screen was on its way (opened the sync detail, say): taking it
// from them would close what they just opened.
import { useEffect, useRef } from 'react';

export function useFocusOnArrival(path: string): void {
  const opened = useRef(false);
  useEffect(() => {
    // The address the app opened at: the browser has just placed focus itself.
    if (!opened.current) {
      opened.current = true;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    // Where focus was as the move began: the link or button that made it, or nowhere.
    const leftAt = document.activeElement;
    const focusHeading = (): boolean => {
      const focused = document.activeElement;
      if (focused && focused !== main && main.contains(focused)) return true;
      if (
        focused &&
        focused !== leftAt &&
        focused !== document.body &&
        focused !== main &&
        focused.isConnected
      )
        return true;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      // Not scrolled to: a new screen opens at its top already (navigate), and Back leaves the page
      // where the browser puts it.
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [path]);
}
