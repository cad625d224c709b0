import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardNavigationOrder } from '../../../../renderer/state/board-hooks';
import { useBoardStore } from '../../../../renderer/state/board-store';
import { useClockStore } from '../../../../renderer/state/clock-store';
import { followResolved, SHOW_ALL, useResolvedHold } from '../../../../renderer/state/resolved-hold';
import { INITIAL_BOARD } from '../../../../shared/feed/board-interpreter';
import { row } from '../incident-fixtures';
import { manualClock } from './manual-clock';

// A row the resolved list shows never leaves it for the hold, and a filter that widens shows its
// rows at once: both at once for this console's own resolve, re-stamped by the hub after the
// cutoff, then hidden by a filter typed ahead of the host and shown again when it is taken back.
// While hidden it is in the board's held rows, not its rows: it stays kept all the same.

const NOW = Date.UTC(2026, 10, 27, 5, 0, 0);

let stop: () => void = () => {};

beforeEach(() => {
  useBoardStore.setState({ ...INITIAL_BOARD, predicted: null, hostScope: INITIAL_BOARD.scope });
  useResolvedHold.setState(SHOW_ALL);
  useClockStore.setState({ now: NOW });
});
afterEach(() => stop());

describe('a kept resolution and a filter typed and taken back', () => {
  it('is shown again at once when the filter widens back', () => {
    const clock = manualClock();
    // The page's wiring (renderer/main.tsx).
    followResolved((listener) => {
      stop = useBoardStore.subscribe((state, before) => {
        if (state.resolved !== before.resolved) listener(state.resolved, before.rows);
      });
    }, clock);
    const scope = { filter: null, filterError: null, openTotal: 1, total: 2 };
    const critical = row({
      id: 'INC-1',
      severity: 'sev1',
      openedAt: NOW - 600_000,
      resolvedAt: NOW - 300_000,
    });
    const mine = row({ id: 'INC-2', severity: 'sev3', openedAt: NOW - 60_000 });
    clock.advance(5000);
    useBoardStore.getState().receive([
      { kind: 'reset', seq: 2, rows: [critical, mine] },
      { kind: 'scope', ...scope },
    ]);
    // This console resolves INC-2: shown at once (a quiet second), stamped with its own time.
    clock.advance(5000);
    const predicted = row({ id: 'INC-2', severity: 'sev3', openedAt: NOW - 60_000, resolvedAt: NOW - 1000 });
    useBoardStore.getState().receive([{ kind: 'rows', seq: 3, changed: [predicted], removed: [] }]);
    expect(boardNavigationOrder()).toEqual(['INC-2', 'INC-1']);
    // The hub confirms with its own, later time: kept (the fix).
    clock.advance(40);
    const confirmed = row({ id: 'INC-2', severity: 'sev3', openedAt: NOW - 60_000, resolvedAt: NOW - 960 });
    useBoardStore.getState().receive([{ kind: 'rows', seq: 4, changed: [confirmed], removed: [] }]);
    expect(boardNavigationOrder()).toEqual(['INC-2', 'INC-1']);

    // The operator types a filter that hides it (shown ahead of the host), then takes it back.
    clock.advance(50);
    useBoardStore.getState().showFilter('sev:critical');
    expect(useBoardStore.getState().predicted).toBe('sev:critical');
    expect(boardNavigationOrder()).toEqual(['INC-1']);
    clock.advance(50);
    useBoardStore.getState().showFilter('');
    expect(useBoardStore.getState().resolved.map((one) => one.id)).toEqual(['INC-2', 'INC-1']);
    // The row the list showed a keystroke ago is back in the list, not held as a new arrival.
    expect(boardNavigationOrder()).toEqual(['INC-2', 'INC-1']);
  });
});
