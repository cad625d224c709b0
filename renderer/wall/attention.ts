import { compareForBoard, type Incident, type IncidentMap, isOpen, type Severity } from '../../shared/domain';

// What a wall must make people look at: open incidents of an interrupting severity nobody has
// acknowledged. It is a condition, not an arrival event, so a wall that reloads or reconnects in
// the middle of an outage still alarms, and the alarm ends exactly when someone acknowledges.

/** Open, unacknowledged incidents of the given severities, most urgent and then oldest first. */
export function incidentsNeedingAttention(
  incidents: IncidentMap,
  severities: ReadonlyArray<Severity>,
): ReadonlyArray<Incident> {
  const found: Incident[] = [];
  for (const incident of Object.values(incidents)) {
    if (isOpen(incident) && incident.acknowledgedAt === null && severities.includes(incident.severity)) {
      found.push(incident);
    }
  }
  return found.sort(compareForBoard);
}

/** The open incident that has waited longest for an acknowledgement, of any severity; null if none. */
export function oldestUnacknowledged(incidents: IncidentMap): Incident | null {
  let oldest: Incident | null = null;
  for (const incident of Object.values(incidents)) {
    if (!isOpen(incident) || incident.acknowledgedAt !== null) continue;
    if (oldest === null || incident.openedAt < oldest.openedAt) oldest = incident;
  }
  return oldest;
}
