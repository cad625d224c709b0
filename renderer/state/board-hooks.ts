import { useMemo } from 'react';
import type { Incident } from '../../shared/domain';
import {
  recentlyResolved,
  type SeverityCounts,
  selectActiveIncidents,
  selectOpenCounts,
} from './board-selectors';
import { useBoardStore } from './board-store';
import { useClockStore } from './clock-store';

// The board's derived views as hooks. Each subscribes to as little as it needs, so a clock tick
// does not re-sort the board and a new event does not re-render the header's clock.

const MINUTE_MS = 60_000;

/** Open incidents in board order. */
export function useActiveIncidents(): ReadonlyArray<Incident> {
  return useBoardStore((state) => selectActiveIncidents(state.incidents));
}

/** Open incidents per severity, for the header. */
export function useOpenCounts(): SeverityCounts {
  return useBoardStore((state) => selectOpenCounts(state.incidents));
}

/** Incidents resolved in the last hour, newest first. */
export function useRecentlyResolved(): ReadonlyArray<Incident> {
  const incidents = useBoardStore((state) => state.incidents);
  // A one-hour window does not need second precision: recomputing once a minute keeps the
  // list's identity (and its rows) stable between clock ticks.
  const windowEnd = useClockStore((state) => resolvedWindowEnd(state.now));
  return useMemo(() => recentlyResolved(incidents, windowEnd), [incidents, windowEnd]);
}

/** True when the hub has no incidents at all, open or resolved. */
export function useBoardIsEmpty(): boolean {
  return useBoardStore((state) => {
    for (const _ in state.incidents) return false;
    return true;
  });
}

/** The ids in keyboard order, read once when a key is pressed rather than kept subscribed. */
export function boardNavigationOrder(): ReadonlyArray<string> {
  const { incidents } = useBoardStore.getState();
  const windowEnd = resolvedWindowEnd(useClockStore.getState().now);
  return [...selectActiveIncidents(incidents), ...recentlyResolved(incidents, windowEnd)].map(
    (incident) => incident.id,
  );
}

/** The end of the resolved window: the next whole minute, so the list changes once a minute. */
function resolvedWindowEnd(now: number): number {
  return (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
}
