import type { IncidentStatus } from '../shared/domain';
import { formatDuration } from '../shared/duration-format';

// How times read on a wall display: a clock time to the second. Durations are formatted in
// shared/duration-format.ts, one place for the console and the exports.

const pad = (value: number): string => String(value).padStart(2, '0');

/** A wall-clock time in the console's local zone, HH:MM:SS. */
export function formatClockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * How long a resolved incident lasted, as the console says it: the same text as the exports'
 * Duration line (shared/duration-format.ts), so the two never disagree about one incident.
 */
export function resolvedDurationText(openedAt: number, resolvedAt: number): string {
  return `open for ${formatDuration(resolvedAt - openedAt)}`;
}

/** How a status reads on screen. */
export const STATUS_TEXT: Readonly<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};
