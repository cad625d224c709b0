import { compareForBoard, isOpen, type Severity } from '../../shared/domain';
import type { BoardRow } from '../../shared/feed/board-row';

// What a wall must make people look at: open incidents of an interrupting severity nobody has
// acknowledged. It is a condition, not an arrival event, so a wall that reloads or reconnects in
// the middle of an outage still alarms, and the alarm ends exactly when someone acknowledges.

/** Open, unacknowledged incidents of the given severities, most urgent and then oldest first. */
export function incidentsNeedingAttention(
  incidents: ReadonlyArray<BoardRow>,
  severities: ReadonlyArray<Severity>,
): ReadonlyArray<BoardRow> {
  const found: BoardRow[] = [];
  for (const incident of incidents) {
    if (isOpen(incident) && incident.acknowledgedAt === null && severities.includes(incident.severity)) {
      found.push(incident);
    }
  }
  return found.sort(compareForBoard);
}

/** The open incident that has waited longest for an acknowledgement, of any severity; null if none. */
export function oldestUnacknowledged(incidents: ReadonlyArray<BoardRow>): BoardRow | null {
  let oldest: BoardRow | null = null;
  for (const incident of incidents) {
    if (!isOpen(incident) || incident.acknowledgedAt !== null) continue;
    if (oldest === null || incident.openedAt < oldest.openedAt) oldest = incident;
  }
  return oldest;
}
