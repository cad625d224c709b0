import { commandBinding } from '../keyboard/command-catalog';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import { boardNavigationOrder } from '../state/board-hooks';
import { stepSelection } from '../state/selection';
import { useSelectionStore } from '../state/selection-store';
import { openIncident } from '../state/view-store';

// The board's keys: j/k and the arrows move the selection anywhere on the board, so an operator
// at the wall does not have to click into the list first; Enter opens the selected incident.

function moveSelection(step: number): void {
  const { selectedId, select } = useSelectionStore.getState();
  const next = stepSelection(boardNavigationOrder(), selectedId, step);
  if (next !== null) select(next, { focus: true });
}

function openSelected(): void {
  const { selectedId } = useSelectionStore.getState();
  if (selectedId !== null && boardNavigationOrder().includes(selectedId)) openIncident(selectedId);
}

const BOARD_KEYS: ReadonlyArray<KeyBinding> = [
  commandBinding('board.next', () => moveSelection(1), { repeat: true }),
  commandBinding('board.previous', () => moveSelection(-1), { repeat: true }),
  commandBinding('board.open', openSelected),
];

/** Registers the board's keys while the board is mounted. */
export function useBoardKeys(): void {
  useKeymap('board', BOARD_KEYS);
}
