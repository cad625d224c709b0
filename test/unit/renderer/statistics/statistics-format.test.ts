import { describe, expect, it } from 'vitest';
import {
  durationTicks,
  formatDurationTick,
  formatFigure,
  formatShare,
  NO_FIGURE,
  periodLabel,
  periodName,
  rangeCaption,
  truncateText,
  zoneLabel,
} from '../../../../renderer/statistics/statistics-format';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('duration figures', () => {
  it('read like the rest of the console, and an empty set is not zero', () => {
    expect(formatFigure(192 * S)).toBe('3m 12s');
    expect(formatFigure(2 * H + 5 * M)).toBe('2h 05m');
    expect(formatFigure(0)).toBe('0s');
    expect(formatFigure(null)).toBe(NO_FIGURE);
  });

  it.each([
    [0, '0'],
    [30 * S, '30s'],
    [90 * S, '1m 30s'],
    [5 * M, '5m'],
    [H, '1h'],
    [H + 30 * M, '1h 30m'],
    [2 * D, '2d'],
    [D + 10 * H, '1d 10h'],
  ])('axis tick %d ms reads %s', (ms, text) => {
    expect(formatDurationTick(ms)).toBe(text);
  });
});

describe('duration ticks', () => {
  it('are round steps from 0 past the longest value, at most 4 steps', () => {
    expect(durationTicks(12 * S)).toEqual([0, 5 * S, 10 * S, 15 * S]);
    expect(durationTicks(7 * M)).toEqual([0, 2 * M, 4 * M, 6 * M, 8 * M]);
    expect(durationTicks(5 * H)).toEqual([0, 2 * H, 4 * H, 6 * H]);
    expect(durationTicks(H)).toEqual([0, 15 * M, 30 * M, 45 * M, H]);
  });

  it('still draw an axis when there is nothing (or a zero) to show', () => {
    expect(durationTicks(0)).toEqual([0, S]);
  });

  it('go past the step list for very long durations', () => {
    const ticks = durationTicks(400 * D);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(400 * D);
  });
});

describe('periods and ranges in the report zone', () => {
  // Monday 5 January 2026, midnight in Berlin.
  const monday = Date.parse('2026-01-04T23:00:00Z');

  it('labels days and weeks', () => {
    expect(periodLabel(monday, 'day', 'Europe/Berlin')).toBe('Mon 5 Jan');
    expect(periodLabel(monday, 'week', 'Europe/Berlin')).toBe('5 Jan');
    expect(periodName(monday, 'day', 'Europe/Berlin')).toBe('Mon 5 Jan 2026');
    expect(periodName(monday, 'week', 'Europe/Berlin')).toBe('Week of 5 Jan 2026');
    // The same instant is still Sunday in UTC.
    expect(periodLabel(monday, 'day', 'UTC')).toBe('Sun 4 Jan');
  });

  it('names whole days by their dates, the exclusive end being the day before', () => {
    expect(rangeCaption({ from: monday, to: monday + 7 * D, timeZone: 'Europe/Berlin' })).toBe(
      '5 Jan 2026 – 11 Jan 2026',
    );
    expect(rangeCaption({ from: monday, to: monday + D, timeZone: 'Europe/Berlin' })).toBe('5 Jan 2026');
  });

  it('adds times where a bound is not midnight', () => {
    const to = Date.parse('2026-01-14T14:30:00Z');
    expect(rangeCaption({ from: to - D, to, timeZone: 'Europe/Berlin' })).toBe(
      '13 Jan 2026 15:30 – 14 Jan 2026 15:30',
    );
  });

  it('names a zone with its offset', () => {
    expect(zoneLabel('Europe/Berlin', monday)).toBe('Europe/Berlin (UTC+01:00)');
    expect(zoneLabel('UTC', monday)).toBe('UTC');
  });
});

describe('shares and names', () => {
  it('rounds a share, and has none of nothing', () => {
    expect(formatShare(2, 3)).toBe('67%');
    expect(formatShare(0, 4)).toBe('0%');
    expect(formatShare(0, 0)).toBe(NO_FIGURE);
    // Rounding never claims all or none when that is not so.
    expect(formatShare(199, 200)).toBe('99%');
    expect(formatShare(200, 200)).toBe('100%');
    expect(formatShare(1, 300)).toBe('1%');
  });

  it('cuts long names with an ellipsis, never inside a code point', () => {
    expect(truncateText('payments-db', 22)).toBe('payments-db');
    expect(truncateText('a-very-long-service-name-from-an-alert', 12)).toBe('a-very-long…');
    expect(truncateText('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncateText('<img src=x onerror=alert(1)>', 10)).toBe('<img src=…');
  });
});
