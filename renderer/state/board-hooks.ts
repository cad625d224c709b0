import { useMemo, useRef } from 'react';
import type { BoardRow } from '../../shared/feed/board-row';
import type { SeverityCounts } from '../../shared/feed/board-tally';
import { RECENTLY_RESOLVED_MS } from './board-selectors';
import { useBoardStore } from './board-store';
import { useClockStore } from './clock-store';
import { shownResolved, useResolvedHold } from './resolved-hold';

// The board's derived views as hooks. Each subscribes to as little as it needs, so a clock tick
// does not touch the board and a new row does not re-render the header's clock. The lists are
// kept in order by the interpreter (shared/feed/board-order.ts); nothing here sorts.

const MINUTE_MS = 60_000;

/** Open incidents in board order. */
export function useActiveIncidents(): ReadonlyArray<BoardRow> {
  return useBoardStore((state) => state.active);
}

/** Open incidents per severity, for the header: kept by the board as rows move, never recounted here. */
export function useOpenCounts(): SeverityCounts {
  return useBoardStore((state) => state.tally.open);
}

/** Incidents resolved in the last hour, newest first; in a storm, new ones join once a second (resolved-hold.ts). */
export function useRecentlyResolved(): ReadonlyArray<BoardRow> {
  const resolved = useBoardStore((state) => state.resolved);
  const hold = useResolvedHold();
  // A one-hour window does not need second precision: recomputing once a minute keeps the
  // list's identity (and its rows) stable between clock ticks.
  const windowEnd = useClockStore((state) => resolvedWindowEnd(state.now));
  const last = useRef<ReadonlyArray<BoardRow>>([]);
  return useMemo(() => {
    const shown = shownResolved(resolved, hold, windowEnd, RECENTLY_RESOLVED_MS);
    // While new resolutions wait, the rows shown are the same ones: the same list, so the
    // section does not render at all.
    if (!sameRows(shown, last.current)) last.current = shown;
    return last.current;
  }, [resolved, hold, windowEnd]);
}

function sameRows(a: ReadonlyArray<BoardRow>, b: ReadonlyArray<BoardRow>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when the hub has no incidents at all, open or resolved (a filter that keeps none is not that). */
export function useBoardIsEmpty(): boolean {
  return useBoardStore((state) => state.rows.size === 0 && state.scope.total === 0);
}

/** The ids in keyboard order, read once when a key is pressed rather than kept subscribed. */
export function boardNavigationOrder(): ReadonlyArray<string> {
  const { active, resolved } = useBoardStore.getState();
  const windowEnd = resolvedWindowEnd(useClockStore.getState().now);
  const hold = useResolvedHold.getState();
  return [...active, ...shownResolved(resolved, hold, windowEnd, RECENTLY_RESOLVED_MS)].map((row) => row.id);
}

/** The end of the resolved window: the next whole minute, so the list changes once a minute. */
function resolvedWindowEnd(now: number): number {
  return (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
}
