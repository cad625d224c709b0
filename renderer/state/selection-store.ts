import { create } from 'zustand';

// Which incident the operator has selected, by id, so live reordering never moves it.
// A focus request says the keyboard moved the selection: the list that shows the row scrolls it
// into view and focuses it. Answered at once, it focuses the row whatever has the focus by then
// (the action that asked moves it on its way out: a palette closing gives it back to where it
// was). When no list shows the row yet (the resolved list holds a storm's new resolutions back
// for up to a second), the request waits, for a while: answered late, it scrolls and focuses only
// if the focus is still where it was or nowhere. Data changes never steal focus.

/** A request answered within this long of being made is answered at once. */
export const FOCUS_AT_ONCE_MS = 250;
/** A request no list could answer for this long lapses: its row is not coming. */
export const FOCUS_WAIT_MS = 2000;

export interface SelectionStore {
  readonly selectedId: string | null;
  /** Counts focus requests, so asking again for the same row focuses it again. */
  readonly focusRequest: number;
  /** A focus request no list has answered yet. */
  readonly focusPending: boolean;
  /** Where the focus was when the request was made: it may still be taken from there. */
  readonly focusFrom: Element | null;
  /** When the request was made (performance.now()). */
  readonly focusRequestedAt: number;
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
  focusRequestedAt: 0,
  select: (id, options) =>
    set((state) => {
      const focus = options?.focus === true;
      return {
        selectedId: id,
        focusRequest: focus ? state.focusRequest + 1 : state.focusRequest,
        focusPending: focus,
        focusFrom: focus && typeof document !== 'undefined' ? document.activeElement : null,
        focusRequestedAt: focus ? performance.now() : state.focusRequestedAt,
      };
    }),
  settleFocus: () => set({ focusPending: false, focusFrom: null }),
}));

/**
 * Whether the pending focus request may move the focus now: at once, always; later, only if the
 * focus is where it was when the request was made, or nowhere (that element left the page, as the
 * incident view does on Esc), or on another row of the board, and not after FOCUS_WAIT_MS.
 */
export function focusMayMove(request: Pick<SelectionStore, 'focusFrom' | 'focusRequestedAt'>): boolean {
  const age = performance.now() - request.focusRequestedAt;
  if (age <= FOCUS_AT_ONCE_MS) return true;
  if (age > FOCUS_WAIT_MS) return false;
  const active = document.activeElement;
  const from = request.focusFrom;
  if (active === null || active === document.body || active === from) return true;
  return active.getAttribute('role') === 'option' && active.closest('[role="listbox"]') !== null;
}
