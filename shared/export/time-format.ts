import { emptyDict } from '../dict';
// Times in exports are read by people in a post-incident review, often in their own zone, so each
// export names one IANA zone and shows every time in it with its offset. Epoch ms stay UTC inside
// Sitroom (domain.ts); this file is the only place that turns them into wall-clock text.

export const DEFAULT_TIME_ZONE = 'UTC';

/** Thrown for a `timeZone` that is not an IANA zone this runtime knows. */
export class UnknownTimeZoneError extends RangeError {
  constructor(readonly timeZone: string) {
    super(`Unknown time zone "${timeZone}": use an IANA zone such as UTC or Europe/Berlin.`);
    this.name = 'UnknownTimeZoneError';
  }
}

interface ZoneFormat {
  readonly zone: string;
  readonly format: Intl.DateTimeFormat;
}

// Building an Intl.DateTimeFormat costs far more than using one; a long timeline formats hundreds
// of times in one zone. Keys are only names Intl accepted, so the cache stays as small as the tz database.
const formats = new Map<string, ZoneFormat>();

function zoneFormat(timeZone: string): ZoneFormat {
  const cached = formats.get(timeZone);
  if (cached) return cached;
  // Intl would also take offsets such as "+01:00" on newer runtimes; the API promises IANA names.
  if (!/^[A-Za-z]/.test(timeZone)) throw new UnknownTimeZoneError(timeZone);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
      numberingSystem: 'latn',
    });
  } catch {
    throw new UnknownTimeZoneError(timeZone);
  }
  // ICU fixes the case ("europe/berlin" → "Europe/Berlin") but may also swap in an old alias
  // ("Asia/Kolkata" → "Asia/Calcutta", varying by runtime); a reader should see the name they chose.
  const canonical = format.resolvedOptions().timeZone;
  const entry = { zone: canonical.toLowerCase() === timeZone.toLowerCase() ? canonical : timeZone, format };
  formats.set(timeZone, entry);
  return entry;
}

/** The IANA zone as it should be shown ("utc" → "UTC"); throws UnknownTimeZoneError for anything else. */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return DEFAULT_TIME_ZONE;
  return zoneFormat(timeZone).zone;
}

const isUtc = (zone: string): boolean => zone === 'UTC' || zone === 'Etc/UTC';

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** "+01:00", "-05:00", "+00:00". */
  readonly offset: string;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = emptyDict<string>();
  for (const part of zoneFormat(timeZone).format.formatToParts(ms)) parts[part.type] = part.value;
  // longOffset says "GMT+01:00", or plain "GMT" when the offset is zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    offset,
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-27 04:23:52 UTC", or "2026-11-27 05:23:52 +01:00 (Europe/Berlin)" in another zone. */
export function formatTime(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const zone = resolveTimeZone(timeZone);
  const t = wallClock(ms, zone);
  const stamp = `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
  return isUtc(zone) ? `${stamp} UTC` : `${stamp} ${t.offset} (${zone})`;
}

/** ISO 8601 in UTC, for machines; null stays null. */
export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** How far `timeZone`'s wall clock is ahead of UTC at instant `ms`, in ms. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const t = wallClock(ms, resolveTimeZone(timeZone));
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}
