import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration } from '../../../renderer/format';

describe('formatDuration', () => {
  it('reads in the two most significant units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59_999)).toBe('59s');
    expect(formatDuration(3 * 60_000 + 12_000)).toBe('3m 12s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('2h 05m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
  });

  it('shows a negative duration from clock skew as 0s rather than nonsense', () => {
    expect(formatDuration(-5_000)).toBe('0s');
  });
});

describe('formatClockTime', () => {
  it('shows local wall-clock time to the second, zero-padded', () => {
    expect(formatClockTime(new Date(2026, 10, 27, 4, 5, 6).getTime())).toBe('04:05:06');
    expect(formatClockTime(new Date(2026, 10, 27, 23, 59, 59).getTime())).toBe('23:59:59');
  });
});
