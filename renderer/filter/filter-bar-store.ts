import { create } from 'zustand';
import type { LabelQuestion } from '../../shared/feed/label-answer';
import { sameLabelQuestion } from '../../shared/feed/label-answer';

// Where the filter bar's input is, so "/" and the palette can reach it from anywhere, whether it
// is asking for a name to save the filter under or which saved filter to delete, and what it asks
// the host about labels while completing a `label:` term.

export const FILTER_INPUT_ID = 'board-filter';

/** Deleting a saved filter: choosing which, then confirming that one. */
export type SavedFilterDeletion =
  | { readonly kind: 'choose' }
  | { readonly kind: 'confirm'; readonly name: string };

/** Renaming a saved filter: choosing which, then typing its new name. */
export type SavedFilterRenaming =
  | { readonly kind: 'choose' }
  | { readonly kind: 'name'; readonly name: string };

interface FilterBarState {
  readonly naming: boolean;
  readonly deleting: SavedFilterDeletion | null;
  readonly renaming: SavedFilterRenaming | null;
  /** The label names or values the bar wants to offer now (sent with the feed's view). */
  readonly labelQuestion: LabelQuestion | null;
}

export const useFilterBarStore = create<FilterBarState>()(() => ({
  naming: false,
  deleting: null,
  renaming: null,
  labelQuestion: null,
}));

/** Asks the host about labels (or stops asking), only when the question changed. */
export function askAboutLabels(question: LabelQuestion | null): void {
  if (!sameLabelQuestion(question, useFilterBarStore.getState().labelQuestion))
    useFilterBarStore.setState({ labelQuestion: question });
}

/** Starts deleting a saved filter: which one? */
export function startDeletingSavedFilter(): void {
  useFilterBarStore.setState({ deleting: { kind: 'choose' } });
}

/** Starts renaming a saved filter: which one? */
export function startRenamingSavedFilter(): void {
  useFilterBarStore.setState({ renaming: { kind: 'choose' } });
}

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
