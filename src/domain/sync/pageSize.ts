// How many changes a device asks for in one pull page, from how its link has fared. Big pages are
// quickest on a good link (fewer round trips, fewer IndexedDB transactions); but nothing of a page is
// stored until all of it has arrived, and on a link that keeps dropping a big page may never arrive
// whole, so the pull would start the same page again and again. A page cut off makes the next ones a
// quarter the size, down to a page a poor link brings in seconds; each page stored whole lets them
// grow again, doubling, back to the largest.
import { PULL_PAGE_MAX } from './sync.ts';

export const PAGE_SIZES = { largest: Math.min(2000, PULL_PAGE_MAX), smallest: 50 } as const;

export type PageOutcome = 'stored' | 'cutOff';

export function pageSizeAfter(size: number, outcome: PageOutcome): number {
  const next = outcome === 'stored' ? size * 2 : Math.floor(size / 4);
  return Math.max(PAGE_SIZES.smallest, Math.min(PAGE_SIZES.largest, next));
}
