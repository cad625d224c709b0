import { zoneOffsetMs } from '../export/time-format';
import type { StatisticsBucket } from './report';

// A day is a calendar day where the people reading the report live: it starts at local midnight in
// the report's zone and is 23 or 25 hours long when the clocks change. A week is an ISO week: it
// starts on Monday at local midnight. Offsets come from Intl (shared/export/time-format.ts); no
// time zone library in shared/.

/** At most this many periods in one report: a year and a month of days, or about 7½ years of weeks. */
export const MAX_PERIODS = 400;

const DAY_MS = 86_400_000;
const BUCKET_DAYS: Readonly<Record<StatisticsBucket, number>> = { day: 1, week: 7 };

/** Thrown for a range that would be cut into more than MAX_PERIODS periods. */
export class TooManyPeriodsError extends RangeError {
  constructor(
    readonly bucket: StatisticsBucket,
    readonly max: number,
  ) {
    super(
      `The range has more than ${max} ${bucket === 'day' ? 'days' : 'weeks'}; a report covers at most ${max} periods: choose a shorter range${bucket === 'day' ? ' or bucket=week' : ''}.`,
    );
    this.name = 'TooManyPeriodsError';
  }
}

/** The local calendar date of `ms` in `timeZone`, as the epoch ms of that date's midnight in UTC. */
function localDate(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS) * DAY_MS;
}

/**
 * The first instant of local date `date` (midnight as UTC ms, see localDate). Midnight is tried
 * with the offset of the day before and of the day after: on an ordinary day they agree; on a day
 * the clocks change the earliest one that really falls on `date` wins. Where a zone skips midnight
 * itself (clocks jump from 00:00 to 01:00), that is 01:00, the first moment the day exists.
 */
function startOfLocalDate(date: number, timeZone: string): number {
  const candidates = [
    date - zoneOffsetMs(date - DAY_MS, timeZone),
    date - zoneOffsetMs(date + DAY_MS, timeZone),
  ];
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (localDate(candidate, timeZone) >= date) return candidate;
  }
  return candidates[1] ?? date;
}

/** Local date of the Monday of `date`'s ISO week. */
function mondayOf(date: number): number {
  const weekday = new Date(date).getUTCDay(); // 0 = Sunday
  return date - ((weekday + 6) % 7) * DAY_MS;
}

/** Start of the day or ISO week (Monday) that contains `ms`, in `timeZone`. */
export function periodStart(ms: number, bucket: StatisticsBucket, timeZone: string): number {
  const date = localDate(ms, timeZone);
  return startOfLocalDate(bucket === 'week' ? mondayOf(date) : date, timeZone);
}

/**
 * Starts of the periods that overlap [from, to), oldest first; none when from = to. The first
 * starts at or before `from` (a partial day or week is still that day or week).
 * Throws TooManyPeriodsError when there would be more than `max`.
 */
export function periodStarts(
  from: number,
  to: number,
  bucket: StatisticsBucket,
  timeZone: string,
  max = MAX_PERIODS,
): number[] {
  if (to <= from) return [];
  const days = BUCKET_DAYS[bucket];
  // No period is longer than its days plus a few hours of clock change, so a range this long has
  // surely too many: refused before any zone arithmetic. Shorter ones are counted exactly below.
  if ((to - from) / (days * DAY_MS + 3 * 3_600_000) > max + 1) throw new TooManyPeriodsError(bucket, max);
  const first = localDate(from, timeZone);
  let date = bucket === 'week' ? mondayOf(first) : first;
  const starts: number[] = [];
  for (let start = startOfLocalDate(date, timeZone); start < to; ) {
    // A zone that skipped a whole date (Pacific/Apia, 2011-12-30) gives it no period of its own.
    if (start !== starts[starts.length - 1]) {
      if (starts.length === max) throw new TooManyPeriodsError(bucket, max);
      starts.push(start);
    }
    date += days * DAY_MS;
    start = startOfLocalDate(date, timeZone);
  }
  return starts;
}

/** Index of the period (in ascending `starts`) that contains `ms`; -1 when it is before them all. */
export function periodIndex(starts: ReadonlyArray<number>, ms: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? Number.POSITIVE_INFINITY) <= ms) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
