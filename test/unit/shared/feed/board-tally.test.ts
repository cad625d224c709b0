import { describe, expect, it } from 'vitest';
import type { IncidentEscalation } from '../../../../shared/domain';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import { type BoardRow, boardRowOf } from '../../../../shared/feed/board-row';
import { incident, row } from '../../renderer/incident-fixtures';

// The header's counts and the escalations tab's, kept by the interpreter as rows move instead of
// counted over every open row each frame.

const NOW = 5_000_000;
const rows = (state: BoardState, changed: BoardRow[], removed: string[] = []): BoardState =>
  interpretPatches(state, [{ kind: 'rows', seq: state.seq + 1, changed, removed }], NOW);

const escalating = (id: string, stopped: IncidentEscalation['stopped']): BoardRow => {
  const escalation: IncidentEscalation = {
    policyId: 'p',
    level: 1,
    cycle: 0,
    pagedUserIds: ['dana'],
    pagedAt: NOW,
    nextLevelAt: NOW + 60_000,
    stopped,
  };
  return boardRowOf({ ...incident({ id, severity: 'sev2' }), escalation }, false);
};

/** A board of many open sev4 rows, so one row's change is applied by moving it, not by re-sorting. */
function bigBoard(): BoardState {
  const base = Array.from({ length: 40 }, (_, i) => row({ id: `B-${i}`, severity: 'sev4' }));
  return interpretPatches(INITIAL_BOARD, [{ kind: 'reset', seq: 1, rows: base }], NOW);
}

describe('board tally', () => {
  it('counts a whole board when it arrives', () => {
    const state = bigBoard();
    expect(state.tally).toEqual({ open: { sev1: 0, sev2: 0, sev3: 0, sev4: 40 }, escalating: 0 });
  });

  it('follows a storm row that opens, changes severity and resolves, one frame at a time', () => {
    let state = bigBoard();
    state = rows(state, [row({ id: 'S', severity: 'sev3' })]);
    expect(state.tally.open).toEqual({ sev1: 0, sev2: 0, sev3: 1, sev4: 40 });
    state = rows(state, [row({ id: 'S', severity: 'sev1' })]);
    expect(state.tally.open).toEqual({ sev1: 1, sev2: 0, sev3: 0, sev4: 40 });
    state = rows(state, [row({ id: 'S', severity: 'sev1', resolvedAt: NOW })]);
    expect(state.tally.open).toEqual({ sev1: 0, sev2: 0, sev3: 0, sev4: 40 });
    state = rows(state, [], ['B-0', 'B-1']);
    expect(state.tally.open).toEqual({ sev1: 0, sev2: 0, sev3: 0, sev4: 38 });
  });

  it('counts the escalations that still run, as the escalation view lists them', () => {
    let state = bigBoard();
    state = rows(state, [escalating('E1', null), escalating('E2', null)]);
    expect(state.tally.escalating).toBe(2);
    state = rows(state, [escalating('E1', 'acknowledged')]);
    expect(state.tally.escalating).toBe(1);
    state = rows(state, [{ ...escalating('E2', null), status: 'resolved', resolvedAt: NOW }]);
    expect(state.tally.escalating).toBe(0);
  });

  it('keeps the same counts object while a frame changes no count, so the header does not redraw', () => {
    let state = rows(bigBoard(), [row({ id: 'S', severity: 'sev3', title: 'first' })]);
    const before = state.tally;
    state = rows(state, [row({ id: 'S', severity: 'sev3', title: 'renamed' })]);
    expect(state.tally).toBe(before);
    // A frame that opens one and resolves another of the same severity leaves the counts as they were.
    state = rows(state, [
      row({ id: 'T', severity: 'sev3' }),
      row({ id: 'S', severity: 'sev3', resolvedAt: NOW }),
    ]);
    expect(state.tally).toBe(before);
    state = rows(state, [escalating('E', null)]);
    const opened = state.tally.open;
    expect(opened).not.toBe(before.open);
    // Its escalation stops: the severity counts are the same object, the escalation count moves.
    state = rows(state, [escalating('E', 'acknowledged')]);
    expect(state.tally.open).toBe(opened);
    expect(state.tally.escalating).toBe(0);
  });
});
