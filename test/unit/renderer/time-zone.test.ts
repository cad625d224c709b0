import { describe, expect, it } from 'vitest';
import { formatZonedClockTime, localZoneName } from '../../../renderer/time-zone';

describe('formatZonedClockTime', () => {
  it('ends a local clock time with the zone it is in', () => {
    const at = new Date(2026, 11, 7, 15, 1, 30).getTime();
    expect(formatZonedClockTime(at)).toBe(`15:01:30 ${localZoneName(at)}`);
    expect(localZoneName(at)).not.toBe('');
  });
});
