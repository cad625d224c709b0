import { describe, expect, it } from 'vitest';
import {
  createResolvedHold,
  heldBack,
  newestResolution,
  shownResolved,
} from '../../../../renderer/state/resolved-hold';
import type { BoardRow } from '../../../../shared/feed/board-row';

/** A clock and timers the test moves by hand. */
function manualClock() {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void }> = [];
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number) => timers.push({ at: now + ms, callback }),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) timer.callback();
        else timers.push(timer);
      }
    },
    get pending() {
      return timers.length;
    },
  };
}

function resolvedRow(id: string, resolvedAt: number): BoardRow {
  return { id, resolvedAt } as BoardRow;
}

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
    expect(shownResolved(rows, 2000, 3000, 3_600_000).map((row) => row.id)).toEqual(['b', 'a']);
    expect(shownResolved(rows, Number.POSITIVE_INFINITY, 3000, 3_600_000)).toBe(rows);
  });

  it('keeps the window: rows resolved longer ago than it are not shown', () => {
    expect(shownResolved(rows, 3000, 4500, 2500).map((row) => row.id)).toEqual(['c', 'b']);
  });

  it('holds back the newest and keeps the window in one pass', () => {
    expect(shownResolved(rows, 2000, 4500, 2600).map((row) => row.id)).toEqual(['b']);
  });

  it('names the newest resolution of a newest-first list, and -∞ for none', () => {
    expect(newestResolution(rows)).toBe(3000);
    expect(newestResolution([])).toBe(Number.NEGATIVE_INFINITY);
  });
});
