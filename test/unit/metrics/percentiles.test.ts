import { describe, expect, it } from 'vitest';
import { nearestRank, summarizeDurations } from '../../../shared/metrics/percentiles';

// Nearest rank: the value at rank ⌈p·n/100⌉ of the sorted values, so a percentile is always a
// time some incident really took.

describe('nearest-rank percentiles', () => {
  it('pick the value at rank ⌈p·n/100⌉', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5); // ⌈5⌉ = 5th
    expect(nearestRank(ten, 90)).toBe(9); // ⌈9⌉ = 9th
    expect(nearestRank(ten, 91)).toBe(10); // ⌈9.1⌉ = 10th
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2); // ⌈2⌉: no interpolation to 2.5
    expect(nearestRank([1, 2, 3, 4], 90)).toBe(4); // ⌈3.6⌉
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([7, 8], 1)).toBe(7); // ⌈0.02⌉ = 1st
    expect(nearestRank([7, 8], 100)).toBe(8);
  });

  it('do not fall off by one where p/100·n is inexact in floating point', () => {
    // 0.9 · 70 = 63.00000000000001 in doubles; the 90th percentile of 1…70 is the 63rd value.
    const seventy = Array.from({ length: 70 }, (_, i) => i + 1);
    expect(nearestRank(seventy, 90)).toBe(63);
  });

  it('are null for no values', () => {
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('a duration summary', () => {
  it('sorts its input and rounds the mean to a whole ms', () => {
    // sorted [100, 200, 201]: p50 rank 2 → 200, p90 rank ⌈2.7⌉ = 3 → 201, mean 501/3 = 167 ms
    expect(summarizeDurations([201, 100, 200])).toEqual({ count: 3, p50: 200, p90: 201, mean: 167 });
  });

  it('is all nulls with a count of 0 for no durations', () => {
    expect(summarizeDurations([])).toEqual({ count: 0, p50: null, p90: null, mean: null });
  });
});
