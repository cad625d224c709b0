import { create } from 'zustand';
import { isOpen } from '../../shared/domain';
import { resolvedSince } from '../../shared/feed/board-order';
import type { BoardRow } from '../../shared/feed/board-row';

// "Resolved in the last hour" holds still in a storm. The list is newest first, so every
// resolution pushes every row in view down a place: at 1,000 alerts/s that re-laid and re-painted
// the whole section each frame, about 30 % of the console's CPU (docs/performance.md), CPU the
// hub on the same machine needed, and nobody reads rows that move twenty times a second. New
// resolutions now join the list at most once a second; the first after a quiet second joins at
// once, so a single resolve shows in the frame it arrives. Only arrivals wait: a row that leaves
// the list (reopened, filtered out) leaves at once, and a filter that widens shows its rows at
// once, since they were resolved before the list's cutoff. A row the list already shows never
// leaves it for the hold: this console's own resolve shows at once with this console's time, and
// when the hub confirms it with the hub's (a little later) the row is not a new arrival. Held back
// as one, it vanished for up to a second, and took the keyboard focus with it (kept, below).

/** A storm's new resolutions join the list at most this often. */
export const RESOLVED_HOLD_MS = 1000;

export interface ResolvedHold {
  /** The newest resolution (resolvedAt, the hub's clock) the list shows; newer ones wait. */
  readonly cutoff: number;
  /**
   * Rows resolved after the cutoff that the list shows all the same: it showed them before their
   * resolution was stamped again (the hub's time confirming this console's prediction).
   */
  readonly kept: ReadonlySet<string>;
}

const NONE_KEPT: ReadonlySet<string> = new Set();

/** Nothing held back: every resolution shows. */
export const SHOW_ALL: ResolvedHold = { cutoff: Number.POSITIVE_INFINITY, kept: NONE_KEPT };

export const useResolvedHold = create<ResolvedHold>()(() => SHOW_ALL);

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

function resolvedAfter(row: BoardRow, cutoff: number): boolean {
  return (row.resolvedAt ?? 0) > cutoff;
}

/** Whether the list holds this resolved row back for now: resolved after the cutoff, and not kept. */
export function isHeldBack(row: BoardRow, hold: ResolvedHold): boolean {
  return resolvedAfter(row, hold.cutoff) && !hold.kept.has(row.id);
}

/** Where the rows resolved up to `cutoff` begin in a newest-first list (those before are newer). */
export function heldBack(resolved: ReadonlyArray<BoardRow>, cutoff: number): number {
  let start = 0;
  while (start < resolved.length && resolvedAfter(resolved[start] as BoardRow, cutoff)) start += 1;
  return start;
}

/** The resolved rows the list shows: those up to the cutoff or kept, within the last `windowMs` before `now`. */
export function shownResolved(
  resolved: ReadonlyArray<BoardRow>,
  hold: ResolvedHold,
  now: number,
  windowMs: number,
): ReadonlyArray<BoardRow> {
  // One walk and at most one copy a frame: the list can hold a day of resolutions.
  const start = heldBack(resolved, hold.cutoff);
  const rest = resolvedSince(resolved, now, windowMs, start);
  if (hold.kept.size === 0) return rest;
  const kept = resolved
    .slice(0, start)
    .filter((row) => hold.kept.has(row.id) && now - (row.resolvedAt ?? 0) <= windowMs);
  return kept.length === 0 ? rest : [...kept, ...rest];
}

/**
 * The rows resolved after the cutoff that stay shown once the resolved list has changed: those
 * kept already, and those the list showed before this change (`before`: the board's rows then).
 * Kept until the cutoff next moves past them (within the hold's second), even while a filter
 * hides them: a filter taken back shows its rows at once. Walks only the rows resolved after the
 * cutoff, a second's worth at most.
 */
export function keptAfter(
  resolved: ReadonlyArray<BoardRow>,
  before: ReadonlyMap<string, BoardRow>,
  hold: ResolvedHold,
): ReadonlySet<string> {
  let kept: Set<string> | null = null;
  for (const row of resolved) {
    if (!resolvedAfter(row, hold.cutoff)) break;
    if (hold.kept.has(row.id)) continue;
    const was = before.get(row.id);
    if (was !== undefined && !isOpen(was) && !isHeldBack(was, hold)) {
      kept ??= new Set(hold.kept);
      kept.add(row.id);
    }
  }
  return kept ?? hold.kept;
}

/** Starts moving the list's cutoff as the board's resolved list changes. */
export function followResolved(
  subscribe: (
    listener: (resolved: ReadonlyArray<BoardRow>, before: ReadonlyMap<string, BoardRow>) => void,
  ) => void,
  clock: HoldClock = { now: () => performance.now(), setTimer: (callback, ms) => setTimeout(callback, ms) },
): void {
  // Every row is shown up to the cutoff once it moves: nothing needs keeping then.
  const hold = createResolvedHold((cutoff) => useResolvedHold.setState({ cutoff, kept: NONE_KEPT }), clock);
  subscribe((resolved, before) => {
    const current = useResolvedHold.getState();
    const kept = keptAfter(resolved, before, current);
    if (kept !== current.kept) useResolvedHold.setState({ kept });
    hold.seen(newestResolution(resolved));
  });
}
