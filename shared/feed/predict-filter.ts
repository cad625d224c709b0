import { compileRowFilter } from '../filter/match-filter';
import { keepsSubsetOf } from '../filter/narrowing';
import { parseFilter } from '../filter/parse-filter';
import { type BoardState, interpretPatches } from './board-interpreter';
import { activeOrder, keepRows, merge, resolvedOrder } from './board-order';
import type { BoardRow } from './board-row';
import { tallyOf } from './board-tally';
import type { BoardPatch, BoardScope } from './patch';
import { RowMap } from './row-map';

// A filter key answered in the frame it was typed. The host (worker, main process) filters the
// board and answers a round trip later; on a loaded machine that trip is most of a key's cost.
// When the page already holds every incident's row (shown, or hidden by the filter before) and
// the filter reads nothing rows lack (no `label:`, no `team:`), the page can decide the board
// itself: it hides and restores the rows it holds, exactly as the host's answer will, and that
// answer then changes nothing. Anything else waits for the host, as before.
//
// A filter shown ahead is kept over the host's batches until the host's own scope names it:
// batches still answering an earlier key would otherwise put the board back a key for a frame.

/** A page's board, and the filter it shows ahead of its host. */
export interface PredictingBoard extends BoardState {
  /** The filter shown ahead of the host's answer; null when the board is the host's. */
  readonly predicted: string | null;
  /** The scope the host last sent, whatever the page shows ahead of it. */
  readonly hostScope: BoardScope;
}

/** The operator's filter changed: the board showing it now, when the page can decide it. */
export function showFilter<S extends PredictingBoard>(state: S, query: string): S {
  const shown = predictFilter(state, query);
  if (shown === null) return state.predicted === null ? state : { ...state, predicted: null };
  return { ...state, ...shown, predicted: query };
}

/** A batch of the host's patches (interpretPatches), with a filter shown ahead kept until the host names it. */
export function receiveBatch<S extends PredictingBoard>(
  state: S,
  patches: ReadonlyArray<BoardPatch>,
  receivedAt: number,
  resortShare?: number,
): S {
  const next = interpretPatches(state, patches, receivedAt, resortShare) as S;
  let hostScope = state.hostScope;
  for (const patch of patches) {
    if (patch.kind !== 'scope') continue;
    const { kind: _kind, ...scope } = patch;
    hostScope = scope;
  }
  const predicted = state.predicted;
  if (predicted === null || hostScope.filter === scopeFilterOf(predicted))
    return { ...next, hostScope, predicted: null };
  const again = predictFilter(next, predicted);
  // No longer decidable here (a hidden row changed, say): the host's picture, scope and all.
  if (again === null) return { ...next, scope: hostScope, hostScope, predicted: null };
  return { ...next, ...again, hostScope, predicted };
}

/**
 * The board with `query` applied to the rows the page holds, and the header's scope saying so;
 * null when the page cannot decide it alone (it does not hold every row, or a term needs alerts).
 */
export function predictFilter(state: BoardState, query: string): BoardState | null {
  if (!state.ready || state.scope.filterError !== null) return null;
  // The host counts every incident it holds (`total`); the page holds each as a row shown or
  // hidden, unless the host dropped a hidden one that changed (it sends that one afresh later).
  if (state.rows.size + state.held.size !== state.scope.total) return null;
  const keep = rowTest(query);
  if (keep === null) return null;
  // As the host does: a filter that narrows the one shown can only hide rows shown, and one
  // that widens it can only bring back rows held; at 10,000 rows that halves a key's walk.
  const shownFilter = { query: state.scope.filter ?? '', serviceTeams: [] };
  const typedFilter = { query, serviceTeams: [] };
  const filtered = refilterRows(
    state,
    keep,
    !keepsSubsetOf(typedFilter, shownFilter),
    !keepsSubsetOf(shownFilter, typedFilter),
  );
  const filter = scopeFilterOf(query);
  if (filtered === state && state.scope.filter === filter) return state;
  return { ...filtered, scope: { ...state.scope, filter, filterError: null } };
}

/** The filter as the host's scope names it: the text typed, or null when nothing is filtered. */
export function scopeFilterOf(query: string): string | null {
  return query.trim() === '' ? null : query;
}

function rowTest(query: string): ((row: BoardRow) => boolean) | null {
  if (query.trim() === '') return () => true;
  const parsed = parseFilter(query);
  if (!parsed.ok) return null;
  const test = compileRowFilter(parsed.query);
  return test === null ? null : (row) => test(row, row.pending);
}

/**
 * The board with `keep` applied to the rows it holds: rows shown that it drops go to `held`, rows
 * held that it keeps come back. The same board the host's hidden and restored ids would make
 * (applyRows), without looking a single id up: both sides are kept in board order, so hiding is
 * a walk and a merge, and bringing rows back is a walk and a merge, with no sort. At 10,000
 * rows the interpreter's id-by-id path cost a key 8–12 ms in Node.
 */
function refilterRows(
  state: BoardState,
  keep: (row: BoardRow) => boolean,
  mayHide: boolean,
  mayRestore: boolean,
): BoardState {
  const hidingActive: BoardRow[] = [];
  const hidingResolved: BoardRow[] = [];
  const active = mayHide ? keepRows(state.active, keep, hidingActive) : state.active;
  const resolved = mayHide ? keepRows(state.resolved, keep, hidingResolved) : state.resolved;
  const back = mayRestore ? state.held.partition(keep) : { active: [], resolved: [], rest: state.held };
  const hidden = hidingActive.length + hidingResolved.length;
  const restored = back.active.length + back.resolved.length;
  if (hidden === 0 && restored === 0) return state;
  const shownActive = merge(active, back.active, activeOrder);
  const shownResolved = merge(resolved, back.resolved, resolvedOrder);
  return {
    ...state,
    // The rows by id, made from the lists when first read (the host's answer), not before the
    // board is painted: a key that moves thousands of rows changed ~10,000 map entries here.
    rows: RowMap.ofLists([shownActive, shownResolved]),
    held: back.rest.plusOrdered(hidingActive, hidingResolved),
    active: shownActive,
    resolved: shownResolved,
    tally: tallyOf(shownActive, state.tally),
  };
}
