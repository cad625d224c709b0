import { describe, expect, it } from 'vitest';
import {
  createResolvedHold,
  followResolved,
  heldBack,
  isHeldBack,
  keptAfter,
  newestResolution,
  type ResolvedHold,
  SHOW_ALL,
  shownResolved,
  useResolvedHold,
} from '../../../../renderer/state/resolved-hold';
import type { BoardRow } from '../../../../shared/feed/board-row';
import { manualClock } from './manual-clock';

function resolvedRow(id: string, resolvedAt: number): BoardRow {
  return { id, status: 'resolved', resolvedAt } as BoardRow;
}

function openRow(id: string): BoardRow {
  return { id, status: 'investigating', resolvedAt: null } as BoardRow;
}

const upTo = (cutoff: number, ...kept: string[]): ResolvedHold => ({ cutoff, kept: new Set(kept) });

const byId = (...rows: BoardRow[]): ReadonlyMap<string, BoardRow> =>
  new Map(rows.map((row) => [row.id, row]));

describe('createResolvedHold', () => {
  it('shows the first resolution after a quiet second at once', () => {
    const clock = manualClock();
    const shown: number[] = [];
    const hold = createResolvedHold((cutoff) => shown.push(cutoff), clock, 1000);
    hold.seen(100);
    expect(shown).toEqual([100]);
    clock.advance(1000);
    hold.seen(200);
    expect(shown).toEqual([100, 200]);
  });

  it('in a storm, moves the cutoff once a second, to the newest by then', () => {
    const clock = manualClock();
    const shown: number[] = [];
    const hold = createResolvedHold((cutoff) => shown.push(cutoff), clock, 1000);
    hold.seen(1);
    for (let t = 1; t <= 2500; t += 1) {
      clock.advance(1);
      hold.seen(1 + t);
    }
    // At once, then at 1000 ms and 2000 ms; the last resolutions wait for 3000 ms.
    expect(shown).toEqual([1, 1000, 2000]);
    expect(clock.pending).toBe(1);
    clock.advance(500);
    expect(shown).toEqual([1, 1000, 2000, 2501]);
    expect(clock.pending).toBe(0);
  });

  it('does not move for a resolution no newer than the one shown', () => {
    const clock = manualClock();
    const shown: number[] = [];
    const hold = createResolvedHold((cutoff) => shown.push(cutoff), clock, 1000);
    hold.seen(500);
    clock.advance(10);
    hold.seen(400);
    hold.seen(500);
    expect(shown).toEqual([500]);
    expect(clock.pending).toBe(0);
  });
});

describe('shownResolved', () => {
  const rows = [resolvedRow('c', 3000), resolvedRow('b', 2000), resolvedRow('a', 1000)];

  it('holds back the rows resolved after the cutoff, and only those', () => {
    expect(heldBack(rows, 2000)).toBe(1);
    expect(shownResolved(rows, upTo(2000), 3000, 3_600_000).map((row) => row.id)).toEqual(['b', 'a']);
    expect(shownResolved(rows, SHOW_ALL, 3000, 3_600_000)).toBe(rows);
  });

  it('keeps the window: rows resolved longer ago than it are not shown', () => {
    expect(shownResolved(rows, upTo(3000), 4500, 2500).map((row) => row.id)).toEqual(['c', 'b']);
  });

  it('holds back the newest and keeps the window in one pass', () => {
    expect(shownResolved(rows, upTo(2000), 4500, 2600).map((row) => row.id)).toEqual(['b']);
  });

  it('shows a kept row though it was resolved after the cutoff, in its place', () => {
    const restamped = [resolvedRow('d', 4000), resolvedRow('c', 3000), resolvedRow('b', 2000)];
    const hold = upTo(2000, 'c');
    expect(shownResolved(restamped, hold, 4000, 3_600_000).map((row) => row.id)).toEqual(['c', 'b']);
    expect(isHeldBack(restamped[1] as BoardRow, hold)).toBe(false);
    expect(isHeldBack(restamped[0] as BoardRow, hold)).toBe(true);
    // The window still applies to a kept row.
    expect(shownResolved(restamped, hold, 6000, 2500).map((row) => row.id)).toEqual([]);
  });

  it('names the newest resolution of a newest-first list, and -∞ for none', () => {
    expect(newestResolution(rows)).toBe(3000);
    expect(newestResolution([])).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('a resolution stamped again while the list shows it', () => {
  // This console resolves INC-1: its prediction shows at once, stamped with this console's time.
  // The hub confirms a moment later with its own time, newer than the list's cutoff.
  const predicted = resolvedRow('INC-1', 1000);
  const confirmed = resolvedRow('INC-1', 1040);

  it('is kept: the list showed it before', () => {
    expect([...keptAfter([confirmed], byId(predicted), upTo(1000))]).toEqual(['INC-1']);
  });

  it('stays kept while it changes again, and a new arrival is not kept', () => {
    const later = { ...confirmed, alertCount: 3 } as BoardRow;
    const arrival = resolvedRow('INC-2', 1050);
    expect([...keptAfter([arrival, later], byId(confirmed), upTo(1000, 'INC-1'))]).toEqual(['INC-1']);
    // A row that was open, or held back itself, arrives: it waits for the cutoff.
    expect(keptAfter([arrival], byId(openRow('INC-2')), upTo(1000)).size).toBe(0);
    expect(keptAfter([arrival], byId(arrival), upTo(1000)).size).toBe(0);
  });

  it('never leaves the list while the hold waits (followResolved, the page wiring)', () => {
    const clock = manualClock();
    useResolvedHold.setState(SHOW_ALL);
    let listener: (resolved: ReadonlyArray<BoardRow>, before: ReadonlyMap<string, BoardRow>) => void =
      () => {};
    followResolved((give) => {
      listener = give;
    }, clock);
    const shown = () =>
      shownResolved(listFor(), useResolvedHold.getState(), 2000, 3_600_000).map((row) => row.id);
    let list: ReadonlyArray<BoardRow> = [];
    const listFor = () => list;
    const change = (next: ReadonlyArray<BoardRow>) => {
      const before = byId(...list);
      list = next;
      listener(next, before);
    };
    clock.advance(5000);
    change([predicted]);
    expect(shown()).toEqual(['INC-1']);
    clock.advance(40);
    change([confirmed]);
    expect(shown()).toEqual(['INC-1']);
    // A second, unrelated resolution within the hold's second waits, and joins when it moves.
    change([resolvedRow('INC-2', 1050), confirmed]);
    expect(shown()).toEqual(['INC-1']);
    clock.advance(1000);
    expect(shown()).toEqual(['INC-2', 'INC-1']);
    expect(useResolvedHold.getState().kept.size).toBe(0);
  });
});
