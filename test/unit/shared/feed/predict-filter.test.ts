import { describe, expect, it } from 'vitest';
import { INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import {
  type PredictingBoard,
  predictFilter,
  receiveBatch,
  showFilter,
} from '../../../../shared/feed/predict-filter';
import { row } from '../../renderer/incident-fixtures';

// A filter the page can decide from its rows is shown in the frame of the key; the host's answer
// then changes nothing, and batches answering an earlier key do not put the board back.

const scope = { filter: null, filterError: null, openTotal: 3, total: 3 };
const board: PredictingBoard = {
  ...interpretPatches(
    INITIAL_BOARD,
    [
      {
        kind: 'reset',
        seq: 3,
        rows: [
          row({ id: 'INC-1', severity: 'sev1', title: 'disk full' }),
          row({ id: 'INC-2', severity: 'sev3', title: 'disk slow' }),
          row({ id: 'INC-3', severity: 'sev1', title: 'cpu' }),
        ],
      },
      { kind: 'scope', ...scope },
    ],
    1,
  ),
  predicted: null,
  hostScope: scope,
};
const shownIds = (state: { active: ReadonlyArray<{ id: string }> }) => state.active.map((r) => r.id).sort();

describe('a filter shown before the host answers', () => {
  it('hides and restores the rows the page holds, and names the filter in the scope', () => {
    const narrowed = showFilter(board, 'sev:critical');
    expect(shownIds(narrowed)).toEqual(['INC-1', 'INC-3']);
    expect(narrowed.scope.filter).toBe('sev:critical');
    expect(narrowed.predicted).toBe('sev:critical');
    const narrower = showFilter(narrowed, 'sev:critical disk');
    expect(shownIds(narrower)).toEqual(['INC-1']);
    const cleared = showFilter(narrower, '');
    expect(shownIds(cleared)).toEqual(['INC-1', 'INC-2', 'INC-3']);
    expect(cleared.scope.filter).toBe(null);
    expect(cleared.held.size).toBe(0);
  });

  it('waits for the host when a term needs alerts, or a hidden row is no longer held', () => {
    expect(predictFilter(board, 'label:region=eu')).toBe(null);
    expect(predictFilter(board, 'team:payments')).toBe(null);
    const hidden = showFilter(board, 'sev:critical');
    // The host dropped the hidden INC-2 (it changed while hidden): the page no longer holds it.
    const dropped = receiveBatch(hidden, [{ kind: 'rows', seq: 4, changed: [], removed: ['INC-2'] }], 2);
    expect(predictFilter(dropped, '')).toBe(null);
    expect(showFilter(dropped, 'cpu').predicted).toBe(null);
  });

  it('keeps the filter shown over batches answering an earlier key, then hands over to the host', () => {
    const typed = showFilter(showFilter(board, 'disk'), 'disk full');
    expect(shownIds(typed)).toEqual(['INC-1']);
    // The host's answer to "disk" (INC-3 hidden), then to "disk full" (INC-2 hidden too).
    const earlier = receiveBatch(
      typed,
      [
        { kind: 'rows', seq: 3, changed: [], removed: [], hidden: ['INC-3'] },
        { kind: 'scope', ...scope, filter: 'disk' },
      ],
      2,
    );
    expect(shownIds(earlier)).toEqual(['INC-1']);
    expect(earlier.scope.filter).toBe('disk full');
    expect(earlier.predicted).toBe('disk full');
    const answered = receiveBatch(
      earlier,
      [
        { kind: 'rows', seq: 3, changed: [], removed: [], hidden: ['INC-2'] },
        { kind: 'scope', ...scope, filter: 'disk full' },
      ],
      3,
    );
    expect(shownIds(answered)).toEqual(['INC-1']);
    expect(answered.predicted).toBe(null);
    expect(answered.scope.filter).toBe('disk full');
  });
});
