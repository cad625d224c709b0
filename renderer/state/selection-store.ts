import { create } from 'zustand';

// Which incident the operator has selected, by id, so live reordering never moves it.
// A focus request says the keyboard moved the selection: the list that shows the row scrolls it
// into view and focuses it. The request waits for the row when no list shows it yet (the resolved
// list holds a storm's new resolutions back for up to a second), and lapses if the operator has
// put the focus somewhere else meanwhile. Data changes never steal focus.

export interface SelectionStore {
  readonly selectedId: string | null;
  /** Counts focus requests, so asking again for the same row focuses it again. */
  readonly focusRequest: number;
  /** A focus request no list has answered yet. */
  readonly focusPending: boolean;
  /** Where the focus was when the request was made: it may still be taken from there. */
  readonly focusFrom: Element | null;
  /** Selects an incident; `focus` asks the list to scroll to it and focus its row. */
  select(id: string | null, options?: { readonly focus?: boolean }): void;
  /** The request is answered (the row is focused) or has lapsed. */
  settleFocus(): void;
}

export const useSelectionStore = create<SelectionStore>()((set) => ({
  selectedId: null,
  focusRequest: 0,
  focusPending: false,
  focusFrom: null,
  select: (id, options) =>
    set((state) => {
      const focus = options?.focus === true;
      return {
        selectedId: id,
        focusRequest: focus ? state.focusRequest + 1 : state.focusRequest,
        focusPending: focus,
        focusFrom: focus && typeof document !== 'undefined' ? document.activeElement : null,
      };
    }),
  settleFocus: () => set({ focusPending: false, focusFrom: null }),
}));

/**
 * Whether a waiting focus request may still move the focus: it is where it was when the request
 * was made, or nowhere (that element left the page, as the incident view does on Esc), or on
 * another row of the board.
 */
export function focusStillFree(from: Element | null): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body || active === from) return true;
  return active.getAttribute('role') === 'option' && active.closest('[role="listbox"]') !== null;
}
