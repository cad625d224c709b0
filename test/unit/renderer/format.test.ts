import { describe, expect, it } from 'vitest';
import { formatClockTime } from '../../../renderer/format';

describe('formatClockTime', () => {
  it('shows local wall-clock time to the second, zero-padded', () => {
    expect(formatClockTime(new Date(2026, 10, 27, 4, 5, 6).getTime())).toBe('04:05:06');
    expect(formatClockTime(new Date(2026, 10, 27, 23, 59, 59).getTime())).toBe('23:59:59');
  });
});
