import { create } from 'zustand';

// Where the filter bar's input is, so "/" and the palette can reach it from anywhere, and whether
// it is asking for a name to save the filter under.

export const FILTER_INPUT_ID = 'board-filter';

export const useFilterBarStore = create<{ readonly naming: boolean }>()(() => ({ naming: false }));

/** "/": into the filter bar, its text selected so typing replaces it. */
export function focusFilterBar(): void {
  const input = document.getElementById(FILTER_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** Asks the bar for a name to save the current filter under. */
export function startSavingFilter(): void {
  useFilterBarStore.setState({ naming: true });
}
