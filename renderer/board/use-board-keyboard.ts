import { useEffect } from 'react';
import { boardNavigationOrder } from '../state/board-hooks';
import { stepSelection } from '../state/selection';
import { useSelectionStore } from '../state/selection-store';

// j/k and the arrow keys move the selection anywhere on the board, so an operator at the wall
// does not have to click into the list first. A keymap registry replaces this later.

const STEP_BY_KEY: Readonly<Record<string, number>> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };

/** Moves the board selection with j/k/ArrowDown/ArrowUp while this component is mounted. */
export function useBoardKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const step = STEP_BY_KEY[event.key];
      if (step === undefined || isTextEntry(event.target)) return;
      // The list scrolls itself to the selection; the browser's own arrow-key scroll would fight it.
      event.preventDefault();
      const { selectedId, select } = useSelectionStore.getState();
      const next = stepSelection(boardNavigationOrder(), selectedId, step);
      if (next !== null) select(next, { focus: true });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
