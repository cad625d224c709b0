import { formatDurationBrief } from '../../shared/duration-format';
import { useBoardStore } from '../state/board-store';
import { useNow } from '../state/clock-store';
import { oldestUnacknowledged } from './attention';

/** How long the longest-waiting open incident has gone unacknowledged: the wall's pulse of the room. */
export function OldestUnacknowledged() {
  const incidents = useBoardStore((state) => state.active);
  const now = useNow();
  const oldest = oldestUnacknowledged(incidents);
  return (
    <div className="wall-oldest" data-testid="wall-oldest-unacknowledged">
      <span className="wall-oldest__label">Oldest unacknowledged</span>
      {oldest === null ? (
        <span className="wall-oldest__value wall-oldest__value--none">none</span>
      ) : (
        <span className="wall-oldest__value">
          {formatDurationBrief(now - oldest.openedAt)}
          <span className="wall-oldest__id"> {oldest.id}</span>
        </span>
      )}
    </div>
  );
}
