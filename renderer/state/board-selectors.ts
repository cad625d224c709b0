import { compareForBoard, type Incident, type IncidentMap, isOpen, type Severity } from '../../shared/domain';

// Derived views of the board. They take values and return values; the memoised versions keep
// the same array while the incident map is the same object, so zustand subscribers do not re-render.

/** How long a resolved incident stays in the board's "resolved" section. */
export const RECENTLY_RESOLVED_MS = 60 * 60 * 1000;

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Open incidents in board order: most urgent first, then oldest first. */
export function activeIncidents(incidents: IncidentMap): ReadonlyArray<Incident> {
  return Object.values(incidents).filter(isOpen).sort(compareForBoard);
}

/** Incidents resolved within the window before `now`, newest resolution first. */
export function recentlyResolved(
  incidents: IncidentMap,
  now: number,
  windowMs: number = RECENTLY_RESOLVED_MS,
): ReadonlyArray<Incident> {
  const resolved: Incident[] = [];
  for (const incident of Object.values(incidents)) {
    if (incident.resolvedAt !== null && !isOpen(incident) && now - incident.resolvedAt <= windowMs) {
      resolved.push(incident);
    }
  }
  return resolved.sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || compareForBoard(a, b));
}

/** How many of the given incidents there are of each severity. */
export function countBySeverity(incidents: ReadonlyArray<Incident>): SeverityCounts {
  const counts: Record<Severity, number> = { sev1: 0, sev2: 0, sev3: 0, sev4: 0 };
  for (const incident of incidents) counts[incident.severity] += 1;
  return counts;
}

/** Remembers the last input and result of a one-argument function, by identity. */
export function memoizeLast<A, R>(compute: (arg: A) => R): (arg: A) => R {
  let last: { readonly arg: A; readonly result: R } | null = null;
  return (arg: A): R => {
    if (last === null || last.arg !== arg) last = { arg, result: compute(arg) };
    return last.result;
  };
}

export const selectActiveIncidents = memoizeLast(activeIncidents);
export const selectOpenCounts = memoizeLast((incidents: IncidentMap) =>
  countBySeverity(selectActiveIncidents(incidents)),
);
