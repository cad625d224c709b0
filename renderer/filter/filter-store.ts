import { create } from 'zustand';
import { type FilterError, MAX_FILTER_LENGTH } from '../../shared/filter/filter-query';
import { parseFilter } from '../../shared/filter/parse-filter';
import { termsBeforeError } from '../../shared/filter/terms-before-error';
import { filterInSearch, withFilter } from './filter-url';

// The board filter as the page holds it. `applied` is what the feed filters by now: it follows
// the bar as the operator types, so the board answers every keystroke: the text when it parses,
// and while it has an error the whole terms before the error (a half-typed word hides nothing).
// `committed` is what Enter (or a saved filter, or the address) settled on: it is in the address,
// and Esc in the bar goes back to it.

export interface FilterStore {
  /** What the bar shows. */
  readonly draft: string;
  /** Why the draft is not a filter, pointing at the character; null when it is one. */
  readonly error: FilterError | null;
  readonly applied: string;
  readonly committed: string;
}

/** The filter in the page's address. One that does not parse is shown in the bar with its error, not applied. */
function initialFilter(): FilterStore {
  const text =
    typeof window === 'undefined' ? '' : filterInSearch(window.location.search).slice(0, MAX_FILTER_LENGTH);
  const parsed = parseFilter(text);
  return parsed.ok
    ? { draft: text, error: null, applied: text, committed: text }
    : { draft: text, error: parsed.error, applied: '', committed: '' };
}

export const useFilterStore = create<FilterStore>()(initialFilter);

/** The bar's text changed: applied at once, up to its error if it has one. */
export function typeFilter(text: string): void {
  const draft = text.slice(0, MAX_FILTER_LENGTH);
  const parsed = parseFilter(draft);
  useFilterStore.setState(
    parsed.ok
      ? { draft, error: null, applied: draft }
      : { draft, error: parsed.error, applied: termsBeforeError(draft, parsed.error) },
  );
}

/** Enter: the applied filter is the one kept, in the address too. */
export function commitFilter(): void {
  const { applied } = useFilterStore.getState();
  useFilterStore.setState({ committed: applied, draft: applied, error: null });
  writeAddress(applied);
}

/** Esc: back to the filter kept before typing. */
export function revertFilter(): void {
  const { committed } = useFilterStore.getState();
  useFilterStore.setState({ draft: committed, error: null, applied: committed });
}

/** A saved filter, or one chosen elsewhere: applied and kept at once. False when it does not parse. */
export function chooseFilter(text: string): boolean {
  if (!parseFilter(text).ok) return false;
  useFilterStore.setState({ draft: text, error: null, applied: text, committed: text });
  writeAddress(text);
  return true;
}

function writeAddress(filter: string): void {
  if (typeof window === 'undefined') return;
  const next = withFilter(window.location.href, filter);
  if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
}
