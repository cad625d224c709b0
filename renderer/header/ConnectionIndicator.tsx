import { formatClockTime } from '../format';
import { useBoardStore } from '../state/board-store';
import { useNow } from '../state/clock-store';
import { formatZonedClockTime } from '../time-zone';
import { describeConnection } from './connection-label';

/**
 * Live / Connecting… / Offline since …, and when the board last heard from the hub. `withZone`
 * names the zone of those times, for a wall read by a room across zones.
 */
export function ConnectionIndicator({ withZone = false }: { readonly withZone?: boolean }) {
  const connection = useBoardStore((state) => state.connection);
  const now = useNow();
  const label = describeConnection(connection, now, withZone ? formatZonedClockTime : formatClockTime);
  return (
    <div className={`connection connection--${label.tone}`}>
      <span
        role="status"
        className="connection__status"
        data-testid="connection-status"
        data-status={label.tone}
      >
        <span className="connection__dot" aria-hidden="true" />
        {label.status}
        {/* The elapsed time ticks every second: kept out of the live region so screen readers are not flooded. */}
        {label.elapsed !== null ? <span aria-hidden="true"> ({label.elapsed})</span> : null}
      </span>
      {label.lastUpdate !== null ? (
        <span className="connection__last-update" data-testid="last-update" data-cached={connection.cached}>
          {label.lastUpdate}
        </span>
      ) : null}
    </div>
  );
}
