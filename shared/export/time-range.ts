import { resolveTimeZone, zoneOffsetMs } from './time-format';

// The bounds of a range export. Date.parse alone would accept "Nov 27" and read offset-less times
// in the server's own zone, so a report would depend on where the hub runs. Here only ISO 8601 is
// accepted, and a date or time without an offset is a wall-clock time in the export's zone: a
// reviewer in Berlin asking for ?from=2026-11-27&tz=Europe/Berlin means midnight in Berlin.

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** Epoch ms for an ISO 8601 date or date-time, offset-less ones read in `timeZone`; null if not ISO. */
export function parseInstant(text: string, timeZone: string): number | null {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s) + Number(`0.${fraction || '0'}`) * 1000;
  // Date.UTC rolls 2026-02-31 over into March; a typo should be an error, not another day.
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  if (offset !== undefined) {
    if (offset.toUpperCase() === 'Z') return wall;
    const sign = offset.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    return wall - sign * offsetMinutes * 60_000;
  }
  return wallTimeToInstant(wall, resolveTimeZone(timeZone));
}

// Two passes settle the zone's offset at that wall time; in a DST gap or overlap this picks one of
// the candidate instants, which is as good as any for the edge of a report range.
function wallTimeToInstant(wall: number, timeZone: string): number {
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** Incidents opened in [from, to); either bound may be absent. */
export function openedWithin(openedAt: number, from: number | null, to: number | null): boolean {
  return (from === null || openedAt >= from) && (to === null || openedAt < to);
}
