import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../../shared/rfc3339';

describe('parseRfc3339', () => {
  it('reads RFC 3339 as Alertmanager and PagerDuty write it', () => {
    expect(parseRfc3339('2026-11-27T04:23:52Z')).toBe(Date.UTC(2026, 10, 27, 4, 23, 52));
    expect(parseRfc3339('2026-11-27T04:23:52.123456789Z')).toBe(Date.UTC(2026, 10, 27, 4, 23, 52, 123));
    expect(parseRfc3339('2026-11-27T05:23:52+01:00')).toBe(Date.UTC(2026, 10, 27, 4, 23, 52));
    expect(parseRfc3339('2015-07-17T08:42:58.315+0000')).toBe(Date.UTC(2015, 6, 17, 8, 42, 58, 315));
    expect(parseRfc3339('2016-12-31T23:59:60Z')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
  });

  it('refuses what Date.parse would guess at, dates that do not exist, and times out of range', () => {
    for (const text of [
      '1',
      '2026',
      'Nov 27 2026',
      '2026-11-27',
      '2026-11-27T04:23:52',
      '2026-11-27 04:23:52Z',
      '+275760-09-13T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-27T24:00:00Z',
      '2026-11-27T04:23:52+25:00',
      '1969-12-31T23:59:59Z',
      '2200-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      ' 2026-11-27T04:23:52Z',
    ]) {
      expect(parseRfc3339(text), text).toBeNull();
    }
  });
});
