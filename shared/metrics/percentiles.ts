import type { DurationSummary } from './report';

// Nearest-rank percentiles: the value reported is always one that was measured (a real incident's
// time to acknowledge), never an interpolation between two incidents. With n values sorted
// ascending, the p-th percentile is the value at rank ⌈p·n/100⌉ (1-based): the smallest value
// with at least p% of the values at or below it. So p50 of [1, 2, 3, 4] is 2, p90 of ten values is
// the 9th, and p90 of fewer than ten values is the largest.

/** The p-th percentile (0 < p ≤ 100) of ascending `sorted` by nearest rank; null when empty. */
export function nearestRank(sorted: ReadonlyArray<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // p·n before dividing: (90 / 100) · 70 is 63.00000000000001 in floating point, whose ceiling is 64.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1] ?? null;
}

/** Count, p50, p90 and mean of durations in ms; the mean is rounded to a whole ms. */
export function summarizeDurations(durations: ReadonlyArray<number>): DurationSummary {
  if (durations.length === 0) return { count: 0, p50: null, p90: null, mean: null };
  const sorted = [...durations].sort((a, b) => a - b);
  let sum = 0;
  for (const duration of sorted) sum += duration;
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    mean: Math.round(sum / sorted.length),
  };
}
