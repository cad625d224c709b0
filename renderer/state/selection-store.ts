import { create } from 'zustand';

// Which incident the operator has selected, by id, so live reordering never moves it.
// focusRequest changes when the keyboard moved the selection: the list then scrolls the row
// into view and focuses it. Data changes never steal focus.

export interface SelectionStore {
  readonly selectedId: string | null;
  readonly focusRequest: number;
  /** Selects an incident; `focus` asks the list to scroll to it and focus its row. */
  select(id: string | null, options?: { readonly focus?: boolean }): void;
}

export const useSelectionStore = create<SelectionStore>()((set) => ({
  selectedId: null,
  focusRequest: 0,
  select: (id, options) =>
    set((state) => ({
      selectedId: id,
      focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
    })),
}));
