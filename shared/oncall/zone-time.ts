import { emptyDict } from '../dict';

// Wall-clock time in an IANA time zone, with nothing but Intl: shared/ runs in browsers too, so
// no time zone library. A "wall" value is the local date and time written as if it were UTC
// epoch milliseconds (Date.UTC of the local fields), which makes local arithmetic plain
// addition: 08:00 + 12 h is 20:00 whatever the offset does in between.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at instant `t`, in milliseconds (Berlin in summer: +7,200,000). */
export function zoneOffset(timeZone: string, t: number): number {
  const fields = emptyDict<string>();
  for (const part of formatterFor(timeZone).formatToParts(t)) fields[part.type] = part.value;
  const wall = Date.UTC(
    Number(fields.year),
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  // Intl shows whole seconds; the milliseconds of `t` are the same on both sides.
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** The wall-clock value of instant `t` in the zone. */
export function wallOf(timeZone: string, t: number): number {
  return t + zoneOffset(timeZone, t);
}

/**
 * The instant the zone's clocks show `wall`. A time that happens twice (clocks going back) is its
 * first occurrence; a time that never happens (clocks going forward) is the instant the clocks
 * jump past it, so hand-offs never move backwards in time and never vanish.
 */
export function instantOf(timeZone: string, wall: number): number {
  const key = `${timeZone}|${wall}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = computeInstantOf(timeZone, wall);
  // Hand-off times repeat (every lookup of a shift asks for its edges), and Intl is slow.
  if (instants.size >= INSTANT_CACHE_SIZE) instants.clear();
  instants.set(key, instant);
  return instant;
}

const INSTANT_CACHE_SIZE = 50_000;
const instants = new Map<string, number>();

function computeInstantOf(timeZone: string, wall: number): number {
  // The offsets a day either side bracket any transition near `wall`: no zone changes its
  // offset twice within a day.
  const before = zoneOffset(timeZone, wall - DAY_MS);
  const after = zoneOffset(timeZone, wall + DAY_MS);
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (zoneOffset(timeZone, candidate) === offset && candidate < earliest) earliest = candidate;
  }
  if (Number.isFinite(earliest)) return earliest;
  return firstInstantShowingAtLeast(timeZone, wall, Math.max(before, after), Math.min(before, after));
}

/** In a gap: the first instant whose wall clock reads `wall` or later (the moment of the jump). */
function firstInstantShowingAtLeast(timeZone: string, wall: number, maxOffset: number, minOffset: number) {
  let lo = wall - maxOffset; // shows less than `wall`
  let hi = wall - minOffset; // shows `wall` or more
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** "YYYY-MM-DD" and "HH:MM" as a wall value. */
export function wallFrom(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
}
