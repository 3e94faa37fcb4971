// Opened, closed and reopened requests per hour or per day: the demand curve senior officers ask for.
// Buckets start at local midnight or on the local hour (the offset is given, so the result does not
// depend on the machine running it), run from the first event to the last, and include empty ones so a
// quiet night shows as zeros rather than vanishing from the chart.
import type { StatusHistory } from './statusHistory.ts';
import { isClosedStatus } from './statusHistory.ts';

export type BucketSize = 'hour' | 'day';

export interface TimeBucket {
  /** The bucket's start, as an ISO instant. */
  start: string;
  opened: number;
  closed: number;
  reopened: number;
}

export interface OverTime {
  size: BucketSize;
  buckets: TimeBucket[];
  /** True when older buckets were left out to keep the chart readable. */
  truncated: boolean;
}

const HOUR_MS = 3_600_000;
const SIZE_MS: Record<BucketSize, number> = { hour: HOUR_MS, day: 24 * HOUR_MS };
/** At most this many buckets; older ones are left out (and `truncated` says so). */
export const MAX_BUCKETS = 400;

/** Hours for up to two days of events, days beyond. */
export function chooseBucketSize(firstAt: string | null, lastAt: string | null): BucketSize {
  if (firstAt === null || lastAt === null) return 'hour';
  return Date.parse(lastAt) - Date.parse(firstAt) <= 48 * HOUR_MS ? 'hour' : 'day';
}

/** The start (ms since the epoch) of the bucket holding this instant, for a zone `offsetMinutes` ahead of UTC. */
export function bucketStart(at: string, size: BucketSize, offsetMinutes: number): number {
  const offset = offsetMinutes * 60_000;
  const width = SIZE_MS[size];
  return Math.floor((Date.parse(at) + offset) / width) * width - offset;
}

export function openedAndClosedOverTime(
  histories: readonly StatusHistory[],
  size: BucketSize,
  offsetMinutes: number,
): OverTime {
  const tallies = new Map<number, TimeBucket>();
  const tally = (at: string) => {
    const start = bucketStart(at, size, offsetMinutes);
    let bucket = tallies.get(start);
    if (!bucket) {
      bucket = { start: new Date(start).toISOString(), opened: 0, closed: 0, reopened: 0 };
      tallies.set(start, bucket);
    }
    return bucket;
  };
  for (const history of histories) {
    tally(history.openedAt).opened += 1;
    for (const change of history.changes) {
      const closing = isClosedStatus(change.to);
      if (closing === isClosedStatus(change.from)) continue;
      if (closing) tally(change.at).closed += 1;
      else tally(change.at).reopened += 1;
    }
  }
  if (tallies.size === 0) return { size, buckets: [], truncated: false };
  const starts = [...tallies.keys()];
  const width = SIZE_MS[size];
  const last = Math.max(...starts);
  const first = Math.max(Math.min(...starts), last - (MAX_BUCKETS - 1) * width);
  const buckets: TimeBucket[] = [];
  for (let start = first; start <= last; start += width)
    buckets.push(
      tallies.get(start) ?? { start: new Date(start).toISOString(), opened: 0, closed: 0, reopened: 0 },
    );
  return { size, buckets, truncated: first > Math.min(...starts) };
}
