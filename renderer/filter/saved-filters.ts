import { z } from 'zod';
import { create } from 'zustand';
import { MAX_FILTER_LENGTH } from '../../shared/filter/filter-query';
import { parseFilter } from '../../shared/filter/parse-filter';

// Named filters the operator keeps ("payments, EU", "sev1 not acked"), in localStorage in both
// hosts like the keymap. What is read back is validated entry by entry: an entry this console
// cannot use (written by another version, or by hand) is left out with a warning naming it, and
// written back untouched with the others, so saving or deleting one filter never loses the
// rest. A list, never an object keyed by name: names are the operator's text.

export const SAVED_FILTERS_KEY = 'sitroom.savedFilters';
/** Where stored text this console cannot read at all is put aside before it is written over. */
export const UNREADABLE_FILTERS_KEY = 'sitroom.savedFilters.unreadable';
export const MAX_SAVED_FILTERS = 50;
export const MAX_FILTER_NAME = 80;

export interface SavedFilter {
  readonly name: string;
  readonly query: string;
}

const envelopeSchema = z.object({ version: z.literal(1), filters: z.array(z.unknown()) });
const entrySchema = z.object({
  name: z.string().min(1).max(MAX_FILTER_NAME),
  query: z.string().max(MAX_FILTER_LENGTH),
});

/** What the storage holds, as this console reads it. */
interface StoredFilters {
  readonly filters: ReadonlyArray<SavedFilter>;
  /** Entries it cannot use, as they were stored: written back, never dropped. */
  readonly unreadable: ReadonlyArray<unknown>;
  /** The stored text when it is not a list of saved filters at all; null when it is, or is absent. */
  readonly unreadableText: string | null;
}

const warn = (message: string): void =>
  console.warn(`[sitroom] saved filters (${SAVED_FILTERS_KEY}): ${message}`);

function readStored(text: string | null): StoredFilters {
  if (text === null) return { filters: [], unreadable: [], unreadableText: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    warn('not JSON; ignored, and put aside before anything is saved');
    return { filters: [], unreadable: [], unreadableText: text };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    warn(`${z.prettifyError(envelope.error)}; ignored, and put aside before anything is saved`);
    return { filters: [], unreadable: [], unreadableText: text };
  }
  const filters: SavedFilter[] = [];
  const unreadable: unknown[] = [];
  envelope.data.filters.forEach((entry, index) => {
    const parsed = entrySchema.safeParse(entry);
    const problem = parsed.success ? filterProblem(parsed.data.query) : z.prettifyError(parsed.error);
    if (parsed.success && problem === null) filters.push(parsed.data);
    else {
      warn(`filters[${index}] left out (kept in storage): ${problem}`);
      unreadable.push(entry);
    }
  });
  return { filters, unreadable, unreadableText: null };
}

function filterProblem(query: string): string | null {
  const parsed = parseFilter(query);
  return parsed.ok ? null : `query: ${parsed.error.message}`;
}

/** The saved filters in `text` this console can use; none when there is nothing usable. */
export function parseSavedFilters(text: string | null): ReadonlyArray<SavedFilter> {
  return readStored(text).filters;
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

/** Writes `filters` with the entries this console could not read, read again now (another window may have written). */
function write(filters: ReadonlyArray<SavedFilter>): void {
  try {
    const store = storage();
    if (!store) return;
    const stored = readStored(store.getItem(SAVED_FILTERS_KEY));
    if (stored.unreadableText !== null) store.setItem(UNREADABLE_FILTERS_KEY, stored.unreadableText);
    store.setItem(
      SAVED_FILTERS_KEY,
      JSON.stringify({ version: 1, filters: [...filters, ...stored.unreadable] }),
    );
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

/** Gives the filter saved as `from` the name `to`, where it stands in the list; why not, or null. */
export function renameSavedFilter(from: string, to: string): string | null {
  const trimmed = to.trim();
  if (trimmed === '') return 'Give the filter a name.';
  if (trimmed.length > MAX_FILTER_NAME) return `A name is at most ${MAX_FILTER_NAME} characters.`;
  const { filters } = useSavedFilters.getState();
  if (!filters.some((filter) => filter.name === from)) return `No saved filter is called "${from}" any more.`;
  if (trimmed !== from && filters.some((filter) => filter.name === trimmed))
    return `A saved filter is already called "${trimmed}": delete or rename that one first.`;
  const renamed = filters.map((filter) =>
    filter.name === from ? { name: trimmed, query: filter.query } : filter,
  );
  useSavedFilters.setState({ filters: renamed });
  write(renamed);
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
