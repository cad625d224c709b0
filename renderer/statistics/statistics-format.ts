import { formatDurationBrief } from '../../shared/duration-format';
import type { StatisticsBucket, StatisticsQuery } from '../../shared/metrics/report';

// How statistics read from across the room: durations in the console's "3m 12s" style, axis
// ticks on round durations, periods and ranges as dates in the report's zone, and service names
// (untrusted alert labels) cut to a length a chart has room for.

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Shown where there is no figure: an empty set has no median, and 0 would claim a perfect record. */
export const NO_FIGURE = '—';

/** A duration figure ("3m 12s", "2h 05m"), or NO_FIGURE when there is none. */
export function formatFigure(ms: number | null): string {
  return ms === null ? NO_FIGURE : formatDurationBrief(ms);
}

/** A round duration for an axis: "0", "30s", "5m", "1h 30m", "2d". */
export function formatDurationTick(ms: number): string {
  if (ms <= 0) return '0';
  const units: ReadonlyArray<readonly [number, string]> = [
    [DAY_MS, 'd'],
    [HOUR_MS, 'h'],
    [MINUTE_MS, 'm'],
    [SECOND_MS, 's'],
  ];
  const parts: string[] = [];
  let rest = Math.round(ms / SECOND_MS) * SECOND_MS;
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count}${unit}`);
    if (parts.length === 2) break;
  }
  // "1h 0m" says no more than "1h".
  const meaningful = parts.filter((part, index) => index === 0 || !part.startsWith('0'));
  return meaningful.length > 0 ? meaningful.join(' ') : '0';
}

const TICK_STEPS: ReadonlyArray<number> = [
  SECOND_MS,
  2 * SECOND_MS,
  5 * SECOND_MS,
  10 * SECOND_MS,
  15 * SECOND_MS,
  30 * SECOND_MS,
  MINUTE_MS,
  2 * MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
];

/** Ticks on round durations from 0 to at least `max`, at most `count` steps. */
export function durationTicks(max: number, count = 4): ReadonlyArray<number> {
  const top = Math.max(max, SECOND_MS);
  const step =
    TICK_STEPS.find((candidate) => Math.ceil(top / candidate) <= count) ??
    Math.ceil(top / count / DAY_MS) * DAY_MS;
  const steps = Math.max(1, Math.ceil(top / step));
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    // en-GB: "5 Jan", day before month, which no reader takes for a different date.
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** An axis label for a period: "Mon 5 Jan" for a day, "5 Jan" (its Monday) for a week. */
export function periodLabel(start: number, bucket: StatisticsBucket, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'day'
      ? { weekday: 'short', day: 'numeric', month: 'short' }
      : { day: 'numeric', month: 'short' };
  return dateFormat(timeZone, options).format(start);
}

/** A period in words for a table row: "Mon 5 Jan 2026", "Week of 5 Jan 2026". */
export function periodName(start: number, bucket: StatisticsBucket, timeZone: string): string {
  const date = dateFormat(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(start);
  if (bucket === 'week') return `Week of ${date}`;
  return `${dateFormat(timeZone, { weekday: 'short' }).format(start)} ${date}`;
}

/**
 * What a report covers, in its zone: "5 Jan 2026 – 11 Jan 2026" for whole days (`to` is
 * exclusive, so its midnight ends the day before), with times where a bound is not midnight.
 */
export function rangeCaption(query: Pick<StatisticsQuery, 'from' | 'to' | 'timeZone'>): string {
  const day = dateFormat(query.timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
  const time = dateFormat(query.timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const atMidnight = (t: number): boolean => time.format(t) === '00:00';
  const from = atMidnight(query.from)
    ? day.format(query.from)
    : `${day.format(query.from)} ${time.format(query.from)}`;
  const to = atMidnight(query.to)
    ? day.format(query.to - 1)
    : `${day.format(query.to)} ${time.format(query.to)}`;
  return from === to ? from : `${from} – ${to}`;
}

/** "HH:MM" in the console's zone, for "as of 14:05". */
export function formatAsOf(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * "67%", or NO_FIGURE when nothing was counted. Never "100%" while one is missing, nor "0%" when
 * there is one: 199 of 200 acknowledged is not everything, and 1 of 300 is not nothing.
 */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return NO_FIGURE;
  const rounded = Math.round((part / whole) * 100);
  const honest = part < whole ? Math.min(99, rounded) : rounded;
  return `${part > 0 ? Math.max(1, honest) : honest}%`;
}

/**
 * Untrusted text cut to `max` characters with an ellipsis; whole code points, so an emoji or an
 * astral character is never split into half a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** A time zone as the view names it: "Europe/Berlin (UTC+01:00)". */
export function zoneLabel(timeZone: string, at: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  // "GMT+01:00" reads as a zone name; the NOC says UTC.
  const utc = offset === 'GMT' ? 'UTC' : offset.replace(/^GMT/, 'UTC');
  return utc === '' || timeZone === 'UTC' ? timeZone : `${timeZone} (${utc})`;
}
