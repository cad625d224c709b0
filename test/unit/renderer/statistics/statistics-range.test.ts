import { describe, expect, it } from 'vitest';
import {
  checkCustomRange,
  DAY_BUCKET_MAX_DAYS,
  defaultBucket,
  queryDates,
  rangeBounds,
  rangeLabel,
  statisticsQuery,
  stepRange,
} from '../../../../renderer/statistics/statistics-range';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Wednesday 14 January 2026, 15:30 in Berlin (UTC+1).
const NOW = Date.parse('2026-01-14T14:30:00Z');

describe('range presets', () => {
  it('last 24 hours is a sliding window ending now', () => {
    expect(rangeBounds({ kind: 'preset', preset: '24h' }, NOW, 'Europe/Berlin')).toEqual({
      from: NOW - DAY,
      to: NOW,
    });
  });

  it('last 7 days starts at midnight six days ago in the zone, today included', () => {
    const bounds = rangeBounds({ kind: 'preset', preset: '7d' }, NOW, 'Europe/Berlin');
    expect(new Date(bounds.from).toISOString()).toBe('2026-01-07T23:00:00.000Z');
    expect(bounds.to).toBe(NOW);
    const utc = rangeBounds({ kind: 'preset', preset: '7d' }, NOW, 'UTC');
    expect(new Date(utc.from).toISOString()).toBe('2026-01-08T00:00:00.000Z');
  });

  it('counts calendar days across a DST change (Berlin, end of March)', () => {
    const now = Date.parse('2026-04-02T10:00:00Z');
    const bounds = rangeBounds({ kind: 'preset', preset: '7d' }, now, 'Europe/Berlin');
    // 27 March is still winter time (UTC+1).
    expect(new Date(bounds.from).toISOString()).toBe('2026-03-26T23:00:00.000Z');
  });

  it('late in the evening west of UTC, "today" is the zone\'s today', () => {
    const now = Date.parse('2026-01-15T03:00:00Z'); // 22:00 on the 14th in New York
    const bounds = rangeBounds({ kind: 'preset', preset: '30d' }, now, 'America/New_York');
    expect(new Date(bounds.from).toISOString()).toBe('2025-12-16T05:00:00.000Z');
  });
});

describe('custom ranges', () => {
  it('cover both dates whole, in the zone', () => {
    const bounds = rangeBounds(
      { kind: 'custom', from: '2026-01-05', to: '2026-01-11' },
      NOW,
      'Europe/Berlin',
    );
    expect(new Date(bounds.from).toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(new Date(bounds.to).toISOString()).toBe('2026-01-11T23:00:00.000Z');
  });

  it.each([
    ['', '2026-01-11', 'Choose a start date.'],
    ['2026-01-05', '', 'Choose an end date.'],
    ['2026-02-31', '2026-03-02', '2026-02-31 is not a date.'],
    ['2026-01-11', '2026-01-05', 'The end date is before the start date.'],
    ['2020-01-01', '2026-01-01', 'Choose at most 1098 days.'],
  ])('%s to %s is refused: %s', (from, to, reason) => {
    expect(checkCustomRange(from, to)).toEqual({ ok: false, reason });
  });

  it('refuses a start in the future, as this console sees today', () => {
    expect(checkCustomRange('2026-12-01', '2026-12-05', '2026-11-27')).toEqual({
      ok: false,
      reason: 'The start date is in the future.',
    });
    expect(checkCustomRange('2026-11-27', '2026-11-27', '2026-11-27').ok).toBe(true);
  });

  it('accepts a single day', () => {
    expect(checkCustomRange('2026-01-05', '2026-01-05')).toEqual({
      ok: true,
      choice: { kind: 'custom', from: '2026-01-05', to: '2026-01-05' },
    });
    expect(rangeLabel({ kind: 'custom', from: '2026-01-05', to: '2026-01-05' })).toBe('2026-01-05');
  });

  it('prefills from the range on screen, the last day being the one before `to`', () => {
    const bounds = rangeBounds(
      { kind: 'custom', from: '2026-01-05', to: '2026-01-11' },
      NOW,
      'Europe/Berlin',
    );
    expect(queryDates(bounds.from, bounds.to, 'Europe/Berlin')).toEqual({
      from: '2026-01-05',
      to: '2026-01-11',
    });
    const week = rangeBounds({ kind: 'preset', preset: '7d' }, NOW, 'Europe/Berlin');
    expect(queryDates(week.from, week.to, 'Europe/Berlin')).toEqual({ from: '2026-01-08', to: '2026-01-14' });
  });
});

describe('buckets', () => {
  it('are days up to 30 days and weeks beyond', () => {
    expect(defaultBucket(0, DAY)).toBe('day');
    expect(defaultBucket(0, DAY_BUCKET_MAX_DAYS * DAY)).toBe('day');
    // A DST change makes 30 calendar days an hour longer: still days.
    expect(defaultBucket(0, DAY_BUCKET_MAX_DAYS * DAY + HOUR)).toBe('day');
    expect(defaultBucket(0, (DAY_BUCKET_MAX_DAYS + 1) * DAY)).toBe('week');
  });

  it("the query uses the operator's bucket, else the default for the range", () => {
    const ninety = { kind: 'preset', preset: '90d' } as const;
    expect(statisticsQuery(ninety, null, NOW, 'UTC')).toMatchObject({
      bucket: 'week',
      to: NOW,
      timeZone: 'UTC',
    });
    expect(statisticsQuery(ninety, 'day', NOW, 'UTC').bucket).toBe('day');
    expect(statisticsQuery({ kind: 'preset', preset: '30d' }, null, NOW, 'UTC').bucket).toBe('day');
  });

  it('counts a range over 400 days by week whatever was asked: the hub counts at most 400 periods', () => {
    const long = { kind: 'custom', from: '2025-01-01', to: '2026-06-30' } as const;
    expect(statisticsQuery(long, 'day', NOW, 'UTC').bucket).toBe('week');
    const year = { kind: 'custom', from: '2025-01-01', to: '2025-12-31' } as const;
    expect(statisticsQuery(year, 'day', NOW, 'UTC').bucket).toBe('day');
  });
});

describe('stepping through the presets', () => {
  it('goes longer and shorter and stops at the ends', () => {
    expect(stepRange({ kind: 'preset', preset: '7d' }, 1)).toEqual({ kind: 'preset', preset: '30d' });
    expect(stepRange({ kind: 'preset', preset: '7d' }, -1)).toEqual({ kind: 'preset', preset: '24h' });
    expect(stepRange({ kind: 'preset', preset: '90d' }, 1)).toEqual({ kind: 'preset', preset: '90d' });
    expect(stepRange({ kind: 'preset', preset: '24h' }, -1)).toEqual({ kind: 'preset', preset: '24h' });
  });

  it('from custom dates, longer starts at the shortest preset and shorter at the longest', () => {
    const custom = { kind: 'custom', from: '2026-01-01', to: '2026-01-02' } as const;
    expect(stepRange(custom, 1)).toEqual({ kind: 'preset', preset: '24h' });
    expect(stepRange(custom, -1)).toEqual({ kind: 'preset', preset: '90d' });
  });
});
