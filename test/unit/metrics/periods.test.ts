import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../shared/export/time-range';
import {
  MAX_PERIODS,
  periodIndex,
  periodStart,
  periodStarts,
  TooManyPeriodsError,
} from '../../../shared/metrics/periods';

// Days start at local midnight in the report's zone and weeks on Monday at local midnight, however
// long the clocks make them. Berlin's clocks change on 2026-03-29 (02:00 +01:00 → 03:00 +02:00)
// and 2026-10-25 (03:00 +02:00 → 02:00 +01:00).

const HOUR = 3_600_000;
const berlin = (text: string): number => {
  const ms = parseInstant(text, 'Europe/Berlin');
  if (ms === null) throw new Error(text);
  return ms;
};
const iso = (ms: number): string => new Date(ms).toISOString();

describe('day periods', () => {
  it('start at Berlin midnight and last 23 hours the day the clocks spring forward', () => {
    const starts = periodStarts(berlin('2026-03-28'), berlin('2026-03-31'), 'day', 'Europe/Berlin');
    // 28th and 29th begin at midnight +01:00 (23:00Z the day before), the 30th at midnight +02:00.
    expect(starts.map(iso)).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(((starts[2] ?? 0) - (starts[1] ?? 0)) / HOUR).toBe(23);
  });

  it('last 25 hours the day the clocks fall back', () => {
    const starts = periodStarts(berlin('2026-10-25'), berlin('2026-10-27'), 'day', 'Europe/Berlin');
    expect(starts.map(iso)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(((starts[1] ?? 0) - (starts[0] ?? 0)) / HOUR).toBe(25);
  });

  it('put 00:30 and 23:30 on the day they are in Berlin, not in UTC', () => {
    // 2026-03-29 00:30 +01:00 is still the 28th in UTC; 2026-03-30 00:30 +02:00 is still the 29th.
    expect(iso(periodStart(berlin('2026-03-29T00:30'), 'day', 'Europe/Berlin'))).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(iso(periodStart(berlin('2026-03-29T23:30'), 'day', 'Europe/Berlin'))).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(iso(periodStart(berlin('2026-03-30T00:30'), 'day', 'Europe/Berlin'))).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('begin with the day that contains from, even when from is mid-day', () => {
    const starts = periodStarts(Date.UTC(2026, 10, 23, 15), Date.UTC(2026, 10, 25, 1), 'day', 'UTC');
    expect(starts.map(iso)).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
    ]);
  });

  it('start at 01:00 where the clocks skip midnight itself (Santiago, 2026-09-06)', () => {
    // Chile springs forward at 00:00 -04:00 to 01:00 -03:00: the 6th begins at 04:00Z, labelled 01:00.
    const starts = periodStarts(
      Date.UTC(2026, 8, 5, 12),
      Date.UTC(2026, 8, 7, 12),
      'day',
      'America/Santiago',
    );
    expect(starts.map(iso)).toEqual([
      '2026-09-05T04:00:00.000Z',
      '2026-09-06T04:00:00.000Z',
      '2026-09-07T03:00:00.000Z',
    ]);
  });

  it('are none for an empty range', () => {
    expect(periodStarts(berlin('2026-03-28'), berlin('2026-03-28'), 'day', 'Europe/Berlin')).toEqual([]);
  });
});

describe('week periods', () => {
  it('start on Monday at local midnight, 167 hours long across the spring change', () => {
    // Wednesday 2026-03-18 is in the week of Monday the 16th; weeks of the 23rd and 30th follow.
    const starts = periodStarts(berlin('2026-03-18T12:00'), berlin('2026-04-01'), 'week', 'Europe/Berlin');
    expect(starts.map(iso)).toEqual([
      '2026-03-15T23:00:00.000Z',
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(((starts[2] ?? 0) - (starts[1] ?? 0)) / HOUR).toBe(167);
    for (const start of starts) expect(new Date(start + 2 * HOUR).getUTCDay()).toBe(1); // Monday in Berlin
  });

  it('count Sunday as the end of the week, not its start', () => {
    expect(iso(periodStart(berlin('2026-03-29T23:30'), 'week', 'Europe/Berlin'))).toBe(
      '2026-03-22T23:00:00.000Z',
    );
    expect(iso(periodStart(berlin('2026-03-30T00:00'), 'week', 'Europe/Berlin'))).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });
});

describe('the period limit', () => {
  it(`allows ${MAX_PERIODS} days and refuses one more`, () => {
    // 2025-01-01 … 2026-02-04 inclusive is 365 + 35 = 400 days.
    expect(periodStarts(berlin('2025-01-01'), berlin('2026-02-05'), 'day', 'Europe/Berlin')).toHaveLength(
      400,
    );
    expect(() => periodStarts(berlin('2025-01-01'), berlin('2026-02-06'), 'day', 'Europe/Berlin')).toThrow(
      TooManyPeriodsError,
    );
  });

  it('refuses a range of decades at once and suggests weeks for days', () => {
    expect(() => periodStarts(0, Date.UTC(2026, 0, 1), 'day', 'UTC')).toThrow(
      /more than 400 days.*bucket=week/,
    );
    expect(periodStarts(Date.UTC(2020, 0, 1), Date.UTC(2026, 0, 1), 'week', 'UTC')).toHaveLength(314);
  });
});

describe('finding the period of an instant', () => {
  it('is the last period starting at or before it', () => {
    const starts = [10, 20, 30];
    expect([5, 10, 19, 20, 29, 30, 1_000].map((ms) => periodIndex(starts, ms))).toEqual([
      -1, 0, 0, 1, 1, 2, 2,
    ]);
    expect(periodIndex([], 10)).toBe(-1);
  });
});
