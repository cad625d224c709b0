import { describe, expect, it } from 'vitest';
import { formatTime, resolveTimeZone, UnknownTimeZoneError } from '../../../shared/export/time-format';
import { openedWithin, parseInstant } from '../../../shared/export/time-range';
import { T0 } from './timeline-fixture';

describe('formatTime', () => {
  it('shows UTC by default, to the second', () => {
    expect(formatTime(T0)).toBe('2026-11-27 04:23:52 UTC');
    expect(formatTime(T0 + 999)).toBe('2026-11-27 04:23:52 UTC');
  });

  it('shows another zone with its offset and name', () => {
    expect(formatTime(T0, 'Europe/Berlin')).toBe('2026-11-27 05:23:52 +01:00 (Europe/Berlin)');
    expect(formatTime(Date.UTC(2026, 6, 1, 12, 0, 0), 'Europe/Berlin')).toBe(
      '2026-07-01 14:00:00 +02:00 (Europe/Berlin)',
    );
    expect(formatTime(T0, 'Asia/Kolkata')).toBe('2026-11-27 09:53:52 +05:30 (Asia/Kolkata)');
    expect(formatTime(T0, 'Europe/London')).toBe('2026-11-27 04:23:52 +00:00 (Europe/London)');
  });

  it('follows New York across the end of daylight saving time, where 01:30 happens twice', () => {
    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST.
    expect(formatTime(Date.UTC(2026, 10, 1, 5, 30), 'America/New_York')).toBe(
      '2026-11-01 01:30:00 -04:00 (America/New_York)',
    );
    expect(formatTime(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toBe(
      '2026-11-01 01:30:00 -05:00 (America/New_York)',
    );
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatTime(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026-01-01 00:00:00 UTC');
  });
});

describe('resolveTimeZone', () => {
  it('defaults to UTC and canonicalises names', () => {
    expect(resolveTimeZone(undefined)).toBe('UTC');
    expect(resolveTimeZone('')).toBe('UTC');
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });

  it('rejects what is not an IANA zone, with an error that says what to use', () => {
    for (const zone of ['Mars/Olympus_Mons', 'Europe/Berlin; DROP', '+01:00', '<script>']) {
      expect(() => resolveTimeZone(zone)).toThrow(UnknownTimeZoneError);
    }
    expect(() => formatTime(T0, 'Nowhere/City')).toThrow(/Unknown time zone "Nowhere\/City".*IANA/);
  });
});

describe('parseInstant', () => {
  it('takes ISO instants with an offset as they are', () => {
    expect(parseInstant('2026-11-27T04:23:52Z', 'Europe/Berlin')).toBe(T0);
    expect(parseInstant('2026-11-27T05:23:52+01:00', 'UTC')).toBe(T0);
    expect(parseInstant('2026-11-27T04:23:52.250Z', 'UTC')).toBe(T0 + 250);
  });

  it('reads dates and offset-less times as wall clock in the export’s zone', () => {
    expect(parseInstant('2026-11-27', 'UTC')).toBe(Date.UTC(2026, 10, 27));
    expect(parseInstant('2026-11-27', 'Europe/Berlin')).toBe(Date.UTC(2026, 10, 26, 23));
    expect(parseInstant('2026-07-01T12:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 10));
    expect(parseInstant('2026-11-02T09:00:00', 'America/New_York')).toBe(Date.UTC(2026, 10, 2, 14));
  });

  it('refuses what is not ISO 8601 or not a real date', () => {
    for (const text of ['Nov 27 2026', '2026-02-31', '2026-11-27T25:00', '27/11/2026', '1764217432000', '']) {
      expect(parseInstant(text, 'UTC')).toBeNull();
    }
  });

  it('bounds a range as [from, to)', () => {
    expect(openedWithin(10, 10, 20)).toBe(true);
    expect(openedWithin(20, 10, 20)).toBe(false);
    expect(openedWithin(5, null, null)).toBe(true);
  });
});
