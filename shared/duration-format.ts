// How long something lasted, as people read it, in one place for the console and the exports: a
// post-incident review puts the export beside a screenshot of the console, and an incident that
// lasted 4m 59.6s must not read "4m 59s" on one and "5m 00s" on the other.
//
// Whole seconds are counted down (floored), as a clock counts: a live age reads 4m 59s until five
// minutes have passed, and the duration it stops at when the incident resolves is the same figure.

const two = (n: number): string => String(n).padStart(2, '0');

interface DurationParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

// Negative durations come from clock skew between machines; they read as 0s rather than nonsense.
function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

/** "45s", "12m 05s", "1h 02m 03s", "2d 01h 00m": a duration to the second (to the minute past a day). */
export function formatDuration(ms: number): string {
  const { days, hours, minutes, seconds } = durationParts(ms);
  if (days > 0) return `${days}d ${two(hours)}h ${two(minutes)}m`;
  if (hours > 0) return `${hours}h ${two(minutes)}m ${two(seconds)}s`;
  if (minutes > 0) return `${minutes}m ${two(seconds)}s`;
  return `${seconds}s`;
}

/**
 * The same duration in its two most significant units ("3m 12s", "2h 05m", "3d 04h"), short enough
 * to take in from across the room: ages, countdowns. Always the start of `formatDuration`'s text.
 */
export function formatDurationBrief(ms: number): string {
  const { days, hours, minutes, seconds } = durationParts(ms);
  if (days > 0) return `${days}d ${two(hours)}h`;
  if (hours > 0) return `${hours}h ${two(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${two(seconds)}s`;
  return `${seconds}s`;
}
