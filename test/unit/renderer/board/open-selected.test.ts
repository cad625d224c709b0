import { beforeEach, describe, expect, it } from 'vitest';
import { openSelected } from '../../../../renderer/board/use-board-keys';
import { boardNavigationOrder } from '../../../../renderer/state/board-hooks';
import { useBoardStore } from '../../../../renderer/state/board-store';
import { useClockStore } from '../../../../renderer/state/clock-store';
import { useResolvedHold } from '../../../../renderer/state/resolved-hold';
import { useSelectionStore } from '../../../../renderer/state/selection-store';
import { useViewStore } from '../../../../renderer/state/view-store';
import { INITIAL_BOARD } from '../../../../shared/feed/board-interpreter';
import { row } from '../incident-fixtures';

// Enter opens the selected incident. In a storm the resolved list holds a just-resolved row back
// for up to a second (renderer/state/resolved-hold.ts): the row the operator had selected is then
// in no list, but it is still the incident they chose, and Enter must open it.

const NOW = Date.UTC(2026, 10, 27, 5, 0, 0);
const open = row({ id: 'INC-1', severity: 'sev1', openedAt: NOW - 60_000 });
const justResolved = row({ id: 'INC-2', openedAt: NOW - 50_000, resolvedAt: NOW - 100 });
/** Resolved two hours ago: still held by the board, out of the last hour's list for good. */
const agedOut = row({ id: 'INC-3', openedAt: NOW - 9_000_000, resolvedAt: NOW - 7_200_000 });

beforeEach(() => {
  useBoardStore.setState({ ...INITIAL_BOARD, predicted: null, hostScope: INITIAL_BOARD.scope });
  useBoardStore.getState().receive([{ kind: 'reset', seq: 2, rows: [open, justResolved, agedOut] }]);
  useClockStore.setState({ now: NOW });
  // The hold has shown resolutions up to a moment before INC-2's.
  useResolvedHold.setState({ cutoff: NOW - 500, kept: new Set() });
  useViewStore.setState({ view: { kind: 'board' } });
});

describe('Enter on the board', () => {
  it('opens a selected row that the resolved list is holding back', () => {
    expect(boardNavigationOrder()).toEqual(['INC-1']);
    useSelectionStore.getState().select('INC-2');
    openSelected();
    expect(useViewStore.getState().view).toEqual({ kind: 'incident', incidentId: 'INC-2' });
  });

  it('opens nothing when the selection is no longer on the board, or no longer shown for good', () => {
    useSelectionStore.getState().select('INC-9');
    openSelected();
    expect(useViewStore.getState().view).toEqual({ kind: 'board' });
    useSelectionStore.getState().select('INC-3');
    openSelected();
    expect(useViewStore.getState().view).toEqual({ kind: 'board' });
  });

  it('opens a selected open row', () => {
    useSelectionStore.getState().select('INC-1');
    openSelected();
    expect(useViewStore.getState().view).toEqual({ kind: 'incident', incidentId: 'INC-1' });
  });
});
