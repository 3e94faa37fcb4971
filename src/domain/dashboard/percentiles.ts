// Median and 90th percentile by the nearest-rank rule: the value at rank ceil(p × n) in sorted order,
// always one of the values themselves (a time someone really waited), never an interpolation.

/** The nearest-rank percentile p (0 < p ≤ 1) of the values, or null when there are none. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  return { count: values.length, median: nearestRank(values, 0.5), p90: nearestRank(values, 0.9) };
}
