// How much a device sends or asks for at once, from how its link has fared: pull pages (changes asked
// for) and push batches (changes sent). Big is quickest on a good link (fewer round trips, fewer
// IndexedDB transactions); but nothing of a pull page is stored until all of it has arrived, and a
// push is answered only once all of it has been sent, so on a link that keeps dropping a big one may
// never get through and the same one is tried again and again. One cut off makes the next a quarter
// the size, down to what a poor link carries in seconds; each one that gets through lets them grow
// again, doubling, back to the largest.
import { PULL_PAGE_MAX } from './sync.ts';

export interface SizeBounds {
  largest: number;
  smallest: number;
}

export const PULL_PAGE_SIZES: SizeBounds = { largest: Math.min(2000, PULL_PAGE_MAX), smallest: 50 };
/** A push of 200 changes is some 70 kB; of 10, a few kilobytes. */
export const PUSH_BATCH_SIZES: SizeBounds = { largest: 200, smallest: 10 };

export type Outcome = 'through' | 'cutOff';

export function sizeAfter(size: number, outcome: Outcome, bounds: SizeBounds): number {
  const next = outcome === 'through' ? size * 2 : Math.floor(size / 4);
  return Math.max(bounds.smallest, Math.min(bounds.largest, next));
}
