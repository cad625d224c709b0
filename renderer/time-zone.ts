import { formatClockTime } from './format';

// A clock time read by a room that spans zones (a wall, a bridge call) says which zone it is in:
// "15:01:30" alone is an hour wrong for half of the people reading it.

/**
 * Making an Intl.DateTimeFormat costs about as much as rendering the incident view (0.3–1 ms
 * each, several per render), so one is kept, and made again when the console's zone may have
 * changed (a laptop that travels changes it under a console that stays open): its UTC offsets in
 * January and July, which cost microseconds to read, differ, or a minute has passed (a move to
 * another zone with the same offsets).
 */
const ZONE_FORMAT_TTL_MS = 60_000;
let zoneFormat: {
  readonly format: Intl.DateTimeFormat;
  readonly offsets: string;
  readonly madeAt: number;
} | null = null;

function zoneNameFormat(): Intl.DateTimeFormat {
  const now = performance.now();
  const year = new Date().getFullYear();
  const offsets = `${new Date(year, 0, 1).getTimezoneOffset()}/${new Date(year, 6, 1).getTimezoneOffset()}`;
  if (zoneFormat === null || zoneFormat.offsets !== offsets || now - zoneFormat.madeAt > ZONE_FORMAT_TTL_MS) {
    const format = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' });
    zoneFormat = { format, offsets, madeAt: now };
  }
  return zoneFormat.format;
}

/** The console's zone as people say it ("CET", "GMT+5:30"), falling back to the IANA name. */
export function localZoneName(epochMs: number): string {
  try {
    const part = zoneNameFormat()
      .formatToParts(epochMs)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'local';
  }
}

/** A local clock time with its zone, "15:01:30 EST". */
export function formatZonedClockTime(epochMs: number): string {
  return `${formatClockTime(epochMs)} ${localZoneName(epochMs)}`;
}
