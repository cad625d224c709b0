import type { StatisticsBucket, StatisticsQuery } from '../../shared/metrics/report';
import { instantOf, wallFrom, wallOf } from '../../shared/oncall/zone-time';

// Which incidents the statistics cover: a preset ("last 7 days") or the operator's own dates, and
// how they become the hub's query. Day ranges start at midnight in the chosen zone, so "last 7
// days" is seven whole calendar days (today included) rather than eight ragged ones.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const RANGE_PRESETS = [
  { id: '24h', label: 'Last 24 hours', short: '24 hours', days: 1 },
  { id: '7d', label: 'Last 7 days', short: '7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', short: '30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', short: '90 days', days: 90 },
] as const;

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];

/** A preset, or calendar dates chosen by the operator ("YYYY-MM-DD", both days included). */
export type RangeChoice =
  | { readonly kind: 'preset'; readonly preset: RangePresetId }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

/** The range a console opens on, and the one a wall display always shows. */
export const DEFAULT_RANGE: RangeChoice = { kind: 'preset', preset: '7d' };

/** Ranges up to this long are shown by day unless the operator says otherwise; longer ones by week. */
export const DAY_BUCKET_MAX_DAYS = 30;

/** The longest custom range the console asks for (the hub keeps a few years of events at most). */
export const CUSTOM_RANGE_MAX_DAYS = 3 * 366;

/** The instants [from, to) a choice covers at `now`, with day boundaries in `timeZone`. */
export function rangeBounds(
  choice: RangeChoice,
  now: number,
  timeZone: string,
): { readonly from: number; readonly to: number } {
  if (choice.kind === 'custom') {
    return {
      from: instantOf(timeZone, wallFrom(choice.from, '00:00')),
      to: instantOf(timeZone, wallFrom(choice.to, '00:00') + DAY_MS),
    };
  }
  const preset = presetOf(choice.preset);
  // 24 hours is a sliding window: "since this time yesterday" is what a shift handover asks.
  if (preset.days === 1) return { from: now - DAY_MS, to: now };
  const today = wallDay(wallOf(timeZone, now));
  return { from: instantOf(timeZone, today - (preset.days - 1) * DAY_MS), to: now };
}

/** Day up to DAY_BUCKET_MAX_DAYS, week beyond. */
export function defaultBucket(from: number, to: number): StatisticsBucket {
  return to - from <= DAY_BUCKET_MAX_DAYS * DAY_MS + HOUR_MS ? 'day' : 'week';
}

/** The hub counts at most 400 periods a report; longer ranges can only be shown by week. */
export const DAY_BUCKET_LIMIT_DAYS = 400;

/** Whether a range may be shown by day (the hub refuses more than DAY_BUCKET_LIMIT_DAYS days). */
export function dayBucketAllowed(from: number, to: number): boolean {
  return to - from <= DAY_BUCKET_LIMIT_DAYS * DAY_MS;
}

/** The bucket a range is shown in: the operator's, unless the range is too long for days. */
export function effectiveBucket(bucket: StatisticsBucket | null, from: number, to: number): StatisticsBucket {
  const wanted = bucket ?? defaultBucket(from, to);
  return wanted === 'day' && !dayBucketAllowed(from, to) ? 'week' : wanted;
}

/** The hub query for a choice at `now`; a null bucket means the default for the range's length. */
export function statisticsQuery(
  choice: RangeChoice,
  bucket: StatisticsBucket | null,
  now: number,
  timeZone: string,
): StatisticsQuery {
  const { from, to } = rangeBounds(choice, now, timeZone);
  return { from, to, bucket: effectiveBucket(bucket, from, to), timeZone };
}

/**
 * The preset `step` places longer (+1) or shorter (-1), stopping at the ends. From custom dates,
 * "longer" starts at the shortest preset and "shorter" at the longest.
 */
export function stepRange(choice: RangeChoice, step: 1 | -1): RangeChoice {
  const index = choice.kind === 'preset' ? RANGE_PRESETS.findIndex((p) => p.id === choice.preset) : -1;
  const next =
    index === -1
      ? step === 1
        ? 0
        : RANGE_PRESETS.length - 1
      : Math.min(RANGE_PRESETS.length - 1, Math.max(0, index + step));
  return { kind: 'preset', preset: RANGE_PRESETS[next]?.id ?? '7d' };
}

/** How the chooser names a choice: "Last 7 days", "3 Jan 2026 – 9 Jan 2026". */
export function rangeLabel(choice: RangeChoice): string {
  if (choice.kind === 'preset') return presetOf(choice.preset).label;
  return choice.from === choice.to ? choice.from : `${choice.from} – ${choice.to}`;
}

export type CustomRangeCheck =
  | { readonly ok: true; readonly choice: RangeChoice }
  | { readonly ok: false; readonly reason: string };

/** Checks dates typed into the custom range ("YYYY-MM-DD", as <input type="date"> gives them). */
export function checkCustomRange(from: string, to: string, today?: string): CustomRangeCheck {
  const fromDay = parseDate(from);
  const toDay = parseDate(to);
  if (fromDay === null) return { ok: false, reason: dateProblem(from, 'Choose a start date.') };
  if (toDay === null) return { ok: false, reason: dateProblem(to, 'Choose an end date.') };
  if (toDay < fromDay) return { ok: false, reason: 'The end date is before the start date.' };
  // Nothing has been logged there yet: an empty future is not worth a chart.
  if (today !== undefined && from > today) return { ok: false, reason: 'The start date is in the future.' };
  if ((toDay - fromDay) / DAY_MS + 1 > CUSTOM_RANGE_MAX_DAYS) {
    return { ok: false, reason: `Choose at most ${CUSTOM_RANGE_MAX_DAYS} days.` };
  }
  return { ok: true, choice: { kind: 'custom', from, to } };
}

/** The calendar dates (inclusive) a query covers in its zone, to prefill the custom range. */
export function queryDates(
  from: number,
  to: number,
  timeZone: string,
): { readonly from: string; readonly to: string } {
  const lastDay = wallDay(wallOf(timeZone, Math.max(from, to - 1)));
  return { from: isoDate(wallDay(wallOf(timeZone, from))), to: isoDate(lastDay) };
}

function presetOf(id: RangePresetId): (typeof RANGE_PRESETS)[number] {
  return RANGE_PRESETS.find((preset) => preset.id === id) ?? RANGE_PRESETS[1];
}

/** Midnight of a wall value's day, as a wall value. */
function wallDay(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

function isoDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** A valid "YYYY-MM-DD" as the wall value of its midnight, else null (2026-02-31 is not a date). */
/** "2026-02-31 is not a date." for a well-formed impossible date, else the request to choose one. */
function dateProblem(text: string, missing: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} is not a date.` : missing;
}

function parseDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const wall = wallFrom(text, '00:00');
  return isoDate(wall) === text ? wall : null;
}
