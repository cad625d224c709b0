import type { ConnectionState } from '../../shared/connection';
import { assertNever } from '../../shared/domain';
import { formatDurationBrief } from '../../shared/duration-format';
import { formatClockTime } from '../format';

// What the connection indicator says. Operators must be able to tell at a glance whether the
// board is live or a stale picture, and since when.

export type ConnectionTone = 'live' | 'connecting' | 'offline' | 'degraded';

export interface ConnectionLabel {
  readonly tone: ConnectionTone;
  /** "Live", "Connecting…", "Offline since 14:02:07". */
  readonly status: string;
  /** The state alone ("Offline", "Hub can't save"): what a wall's one line leads with. */
  readonly word: string;
  /** "3m 12s" while offline or degraded: it ticks, so the view keeps it out of the live region. */
  readonly elapsed: string | null;
  /**
   * "last update 14:02:05", "cached — last update …", or null before any update; while the hub
   * cannot save, led by "new alerts wait".
   */
  readonly lastUpdate: string | null;
}

/**
 * Describes the link to the hub at `now`. `clockTime` writes its clock times: a wall, read by a
 * room across zones, passes one that names the zone.
 */
export function describeConnection(
  connection: ConnectionState,
  now: number,
  clockTime: (epochMs: number) => string = formatClockTime,
): ConnectionLabel {
  // Refused for want of a valid token: the fix is signing in, not waiting, so no ticking timer.
  if (connection.status === 'offline' && connection.reason === 'unauthorized') {
    return {
      tone: 'offline',
      status: 'Sign-in needed',
      word: 'Sign-in needed',
      elapsed: null,
      lastUpdate: lastUpdateText(connection, clockTime),
    };
  }
  // Connected, but the hub cannot store anything (its database is down): it refuses new alerts
  // (monitoring sends them again later) and keeps actions waiting, so the board stops where it
  // is. Said in the room's words, not ours: "degraded" told a wall's watchers nothing they
  // could act on, and the one thing they must know, that new alerts are not arriving, not at all.
  if (connection.status === 'live' && connection.degraded) {
    const last = lastUpdateText(connection, clockTime);
    return {
      tone: 'degraded',
      status: `Hub can't save since ${clockTime(connection.degraded.since)}: new alerts and actions wait`,
      word: "Hub can't save",
      elapsed: formatDurationBrief(now - connection.degraded.since),
      lastUpdate: last === null ? 'new alerts wait' : `new alerts wait · ${last}`,
    };
  }
  return {
    tone: connection.status,
    status: statusText(connection, clockTime),
    word: connection.status === 'offline' ? 'Offline' : statusText(connection, clockTime),
    elapsed: connection.status === 'offline' ? formatDurationBrief(now - connection.since) : null,
    lastUpdate: lastUpdateText(connection, clockTime),
  };
}

function statusText(connection: ConnectionState, clockTime: (epochMs: number) => string): string {
  switch (connection.status) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'offline':
      return `Offline since ${clockTime(connection.since)}`;
    default:
      return assertNever(connection.status);
  }
}

function lastUpdateText(connection: ConnectionState, clockTime: (epochMs: number) => string): string | null {
  if (connection.lastUpdateAt === null) return null;
  const time = clockTime(connection.lastUpdateAt);
  return connection.cached ? `cached — last update ${time}` : `last update ${time}`;
}
