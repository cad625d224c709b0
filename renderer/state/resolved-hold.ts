import { create } from 'zustand';
import { resolvedSince } from '../../shared/feed/board-order';
import type { BoardRow } from '../../shared/feed/board-row';

// "Resolved in the last hour" holds still in a storm. The list is newest first, so every
// resolution pushes every row in view down a place: at 1,000 alerts/s that re-laid and re-painted
// the whole section each frame, about 30 % of the console's CPU (docs/performance.md), CPU the
// hub on the same machine needed, and nobody reads rows that move twenty times a second. New
// resolutions now join the list at most once a second; the first after a quiet second joins at
// once, so a single resolve shows in the frame it arrives. Only arrivals wait: a row that leaves
// the list (reopened, filtered out) leaves at once, and a filter that widens shows its rows at
// once, since they were resolved before the list's cutoff.

/** A storm's new resolutions join the list at most this often. */
export const RESOLVED_HOLD_MS = 1000;

interface ResolvedCutoff {
  /** The newest resolution (resolvedAt, the hub's clock) the list shows; newer ones wait. */
  readonly cutoff: number;
}

export const useResolvedCutoff = create<ResolvedCutoff>()(() => ({ cutoff: Number.POSITIVE_INFINITY }));

export interface HoldClock {
  readonly now: () => number;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
}

/**
 * Moves the cutoff up to the newest resolution it is told of: at once after a quiet
 * `holdMs`, otherwise when `holdMs` has passed since the last move (to the newest by then).
 */
export function createResolvedHold(
  show: (cutoff: number) => void,
  clock: HoldClock,
  holdMs: number = RESOLVED_HOLD_MS,
): { seen(newest: number): void } {
  let shown = Number.NEGATIVE_INFINITY;
  let movedAt = Number.NEGATIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let waiting = false;
  const move = (): void => {
    waiting = false;
    movedAt = clock.now();
    shown = latest;
    show(shown);
  };
  return {
    seen(newest: number): void {
      latest = Math.max(latest, newest);
      if (latest <= shown || waiting) return;
      const wait = movedAt + holdMs - clock.now();
      if (wait <= 0) {
        move();
        return;
      }
      waiting = true;
      clock.setTimer(move, wait);
    },
  };
}

/** The newest resolution in a newest-first list (-∞ when it is empty). */
export function newestResolution(resolved: ReadonlyArray<BoardRow>): number {
  return resolved[0]?.resolvedAt ?? Number.NEGATIVE_INFINITY;
}

/** Whether the list holds this resolved row back for now: it was resolved after the cutoff. */
export function isHeldBack(row: BoardRow, cutoff: number): boolean {
  return (row.resolvedAt ?? 0) > cutoff;
}

/** Where the rows the list shows begin: past those resolved after `cutoff` (a prefix). */
export function heldBack(resolved: ReadonlyArray<BoardRow>, cutoff: number): number {
  let start = 0;
  while (start < resolved.length && isHeldBack(resolved[start] as BoardRow, cutoff)) start += 1;
  return start;
}

/** The resolved rows the list shows: those up to the cutoff, within the last `windowMs` before `now`. */
export function shownResolved(
  resolved: ReadonlyArray<BoardRow>,
  cutoff: number,
  now: number,
  windowMs: number,
): ReadonlyArray<BoardRow> {
  // One walk and at most one copy a frame: the list can hold a day of resolutions.
  return resolvedSince(resolved, now, windowMs, heldBack(resolved, cutoff));
}

/** Starts moving the list's cutoff as the board's resolved list changes. */
export function followResolved(
  subscribe: (listener: (resolved: ReadonlyArray<BoardRow>) => void) => void,
  clock: HoldClock = { now: () => performance.now(), setTimer: (callback, ms) => setTimeout(callback, ms) },
): void {
  const hold = createResolvedHold((cutoff) => useResolvedCutoff.setState({ cutoff }), clock);
  subscribe((resolved) => hold.seen(newestResolution(resolved)));
}
