import { formatClockTime } from './format';

// A clock time read by a room that spans zones (a wall, a bridge call) says which zone it is in:
// "15:01:30" alone is an hour wrong for half of the people reading it.

/** The console's zone as people say it ("CET", "GMT+5:30"), falling back to the IANA name. */
export function localZoneName(epochMs: number): string {
  try {
    const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
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
