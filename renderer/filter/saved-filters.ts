import { z } from 'zod';
import { create } from 'zustand';
import { MAX_FILTER_LENGTH } from '../../shared/filter/filter-query';
import { parseFilter } from '../../shared/filter/parse-filter';

// Named filters the operator keeps ("payments, EU", "sev1 not acked"), in localStorage in both
// hosts like the keymap. What is read back is validated; an entry that does not parse is dropped
// with a warning, never shown as a filter that cannot work. A list, never an object keyed by
// name: names are the operator's text.

export const SAVED_FILTERS_KEY = 'sitroom.savedFilters';
export const MAX_SAVED_FILTERS = 50;
export const MAX_FILTER_NAME = 80;

export interface SavedFilter {
  readonly name: string;
  readonly query: string;
}

const storedSchema = z.object({
  version: z.literal(1),
  filters: z
    .array(
      z.object({ name: z.string().min(1).max(MAX_FILTER_NAME), query: z.string().max(MAX_FILTER_LENGTH) }),
    )
    .max(MAX_SAVED_FILTERS),
});

/** The saved filters in `text`, or none when there is nothing usable. */
export function parseSavedFilters(text: string | null): ReadonlyArray<SavedFilter> {
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`[sitroom] ignoring the saved filters (${SAVED_FILTERS_KEY}): not JSON`);
    return [];
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    console.warn(
      `[sitroom] ignoring the saved filters (${SAVED_FILTERS_KEY}): ${z.prettifyError(parsed.error)}`,
    );
    return [];
  }
  return parsed.data.filters.filter((filter) => parseFilter(filter.query).ok);
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(): ReadonlyArray<SavedFilter> {
  try {
    return parseSavedFilters(storage()?.getItem(SAVED_FILTERS_KEY) ?? null);
  } catch {
    return [];
  }
}

function write(filters: ReadonlyArray<SavedFilter>): void {
  try {
    storage()?.setItem(SAVED_FILTERS_KEY, JSON.stringify({ version: 1, filters }));
  } catch (error) {
    console.warn('[sitroom] could not save the filters', error);
  }
}

export const useSavedFilters = create<{ readonly filters: ReadonlyArray<SavedFilter> }>()(() => ({
  filters: read(),
}));

/** The filter saved under `name` (as typed, spaces trimmed), if any. */
export function savedFilterNamed(name: string): SavedFilter | undefined {
  const trimmed = name.trim();
  return useSavedFilters.getState().filters.find((filter) => filter.name === trimmed);
}

/** Saves `query` under `name`, replacing a filter of that name; newest first. */
export function saveFilter(name: string, query: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the filter a name.';
  if (trimmed.length > MAX_FILTER_NAME) return `A name is at most ${MAX_FILTER_NAME} characters.`;
  if (query.trim() === '') return 'There is no filter to save: type one first.';
  if (!parseFilter(query).ok) return 'This filter has an error: fix it before saving.';
  const others = useSavedFilters.getState().filters.filter((filter) => filter.name !== trimmed);
  const filters = [{ name: trimmed, query }, ...others].slice(0, MAX_SAVED_FILTERS);
  useSavedFilters.setState({ filters });
  write(filters);
  return null;
}

/** Forgets the filter saved under `name`. */
export function deleteSavedFilter(name: string): void {
  const filters = useSavedFilters.getState().filters.filter((filter) => filter.name !== name);
  useSavedFilters.setState({ filters });
  write(filters);
}

// Another window of the same console saved one: follow it.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key === SAVED_FILTERS_KEY) useSavedFilters.setState({ filters: read() });
  });
