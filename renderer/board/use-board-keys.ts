import { isOpen } from '../../shared/domain';
import {
  focusFilterBar,
  startDeletingSavedFilter,
  startRenamingSavedFilter,
  startSavingFilter,
} from '../filter/filter-bar-store';
import { chooseFilter, useFilterStore } from '../filter/filter-store';
import { useSavedFilters } from '../filter/saved-filters';
import { commandBinding } from '../keyboard/command-catalog';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import { boardNavigationOrder } from '../state/board-hooks';
import { useBoardStore } from '../state/board-store';
import { isHeldBack, useResolvedHold } from '../state/resolved-hold';
import { stepSelection } from '../state/selection';
import { useSelectionStore } from '../state/selection-store';
import { openIncident } from '../state/view-store';

// The board's keys: j/k and the arrows move the selection anywhere on the board, so an operator
// at the wall does not have to click into the list first; Enter opens the selected incident;
// "/" goes to the filter bar (docs/filters.md).

function moveSelection(step: number): void {
  const { selectedId, select } = useSelectionStore.getState();
  const next = stepSelection(boardNavigationOrder(), selectedId, step);
  if (next !== null) select(next, { focus: true });
}

/**
 * Opens the selected incident when the board shows it, or when it is a row just resolved that the
 * resolved list holds back for up to a second in a storm (resolved-hold.ts): no list shows that
 * one yet, but the operator chose that incident, so Enter must not do nothing. A selection the
 * board no longer shows for good (filtered out, aged out of the last hour) opens nothing.
 */
export function openSelected(): void {
  const { selectedId } = useSelectionStore.getState();
  if (selectedId === null) return;
  if (boardNavigationOrder().includes(selectedId) || heldBackResolution(selectedId)) openIncident(selectedId);
}

function heldBackResolution(id: string): boolean {
  const row = useBoardStore.getState().rows.get(id);
  return row !== undefined && !isOpen(row) && isHeldBack(row, useResolvedHold.getState());
}

const BOARD_KEYS: ReadonlyArray<KeyBinding> = [
  commandBinding('board.next', () => moveSelection(1), { repeat: true }),
  commandBinding('board.previous', () => moveSelection(-1), { repeat: true }),
  commandBinding('board.open', openSelected),
  commandBinding('board.filter', focusFilterBar),
];

/** Without keys: found in the palette, which is where an operator looks for them. */
const FILTER_ACTIONS: ReadonlyArray<KeyBinding> = [
  { keys: [], description: 'Save the board filter…', run: startSavingFilter },
  { keys: [], description: 'Clear the board filter', run: () => chooseFilter('') },
];

/** While there are saved filters: renaming one, forgetting one (each asks which first). */
const SAVED_FILTER_ACTIONS: ReadonlyArray<KeyBinding> = [
  { keys: [], description: 'Rename a saved filter…', run: startRenamingSavedFilter },
  { keys: [], description: 'Delete a saved filter…', run: startDeletingSavedFilter },
];

/** Registers the board's keys while the board is mounted. */
export function useBoardKeys(): void {
  const filtered = useFilterStore((state) => state.applied !== '');
  const saved = useSavedFilters((state) => state.filters.length > 0);
  useKeymap('board', [
    ...BOARD_KEYS,
    ...(filtered ? FILTER_ACTIONS : []),
    ...(saved ? SAVED_FILTER_ACTIONS : []),
  ]);
}
