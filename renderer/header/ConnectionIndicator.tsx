import { formatClockTime } from '../format';
import { useBoardStore } from '../state/board-store';
import { useNow } from '../state/clock-store';
import { formatZonedClockTime } from '../time-zone';
import { describeConnection } from './connection-label';

/**
 * Live / Connecting… / Offline since …, and when the board last heard from the hub. On a `wall`
 * the times name their zone, for a room read across zones, and the state keeps one line.
 */
export function ConnectionIndicator({ wall = false }: { readonly wall?: boolean }) {
  const connection = useBoardStore((state) => state.connection);
  const now = useNow();
  const label = describeConnection(connection, now, wall ? formatZonedClockTime : formatClockTime);
  // A wall's line is the state and how long ("Offline 50m 00s"), read from across the room:
  // "Offline since 17:02:37 EST (for 50m 00s)" took three lines of a crowded 1366 px header.
  // Since when stays in the title and in what a screen reader is told; the last update's time
  // stays on the line under it.
  const brief = wall && label.word !== label.status;
  const whole = label.elapsed === null ? label.status : `${label.status} (for ${label.elapsed})`;
  return (
    <div className={`connection connection--${label.tone}`}>
      <span
        role="status"
        className="connection__status"
        data-testid="connection-status"
        data-status={label.tone}
        title={wall ? whole : undefined}
      >
        <span className="connection__dot" aria-hidden="true" />
        {brief ? (
          <>
            <span className="visually-hidden">{label.status}</span>
            <span aria-hidden="true" data-testid="connection-word">
              {label.word}
            </span>
          </>
        ) : (
          label.status
        )}
        {/* The elapsed time ticks every second: kept out of the live region so screen readers are not flooded. */}
        {label.elapsed === null ? null : (
          <span aria-hidden="true">{wall ? ` ${label.elapsed}` : ` (for ${label.elapsed})`}</span>
        )}
      </span>
      {label.lastUpdate !== null ? (
        <span
          className="connection__last-update"
          data-testid="last-update"
          data-cached={connection.cached}
          title={wall ? label.lastUpdate : undefined}
        >
          {label.lastUpdate}
        </span>
      ) : null}
    </div>
  );
}
