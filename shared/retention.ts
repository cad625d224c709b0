import type { IncidentMap } from './domain';

/** How long a resolved incident stays in snapshots, caches and on the board. */
export const RESOLVED_RETENTION_MS = 24 * 60 * 60 * 1000;

const NOTHING_KEPT: ReadonlySet<string> = new Set();

/**
 * Drops incidents resolved longer ago than keepMs, except those `keep` names (one a person has
 * open, say); returns the same map when nothing goes.
 */
export function pruneResolved(
  incidents: IncidentMap,
  now: number,
  keepMs: number,
  keep: ReadonlySet<string> = NOTHING_KEPT,
): IncidentMap {
  let pruned: Record<string, IncidentMap[string]> | null = null;
  for (const id in incidents) {
    const incident = incidents[id];
    if (incident?.resolvedAt != null && now - incident.resolvedAt > keepMs && !keep.has(id)) {
      pruned ??= { ...incidents };
      delete pruned[id];
    }
  }
  return pruned ?? incidents;
}
