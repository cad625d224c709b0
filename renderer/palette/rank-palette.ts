import { fuzzyScore } from './fuzzy';
import { KIND_HEADINGS, PALETTE_KINDS, type PaletteItem, type PaletteKind } from './palette-items';

// Orders what the palette found: the best matches first, kept together by kind (the group with
// the best match leads), and capped so a board of thousands of incidents still redraws within a
// keystroke. With nothing typed yet, each kind shows its first few in catalog order.

/** How many results the palette shows at most. */
export const PALETTE_LIMIT = 50;

/**
 * How many of each kind show before anything is typed: a taste of each, and a small list, since
 * opening the palette lays it out (showModal) within the keystroke's frame.
 */
export const BROWSE_PER_KIND = 6;

export interface PaletteGroup {
  readonly kind: PaletteKind;
  readonly heading: string;
  readonly items: ReadonlyArray<PaletteItem>;
}

export interface PaletteResults {
  readonly groups: ReadonlyArray<PaletteGroup>;
  /** The results in display order (group after group), for moving with the arrows. */
  readonly items: ReadonlyArray<PaletteItem>;
}

/** The results for `query` among `items`, grouped by kind, best first, at most `limit`. */
export function rankPalette(
  items: ReadonlyArray<PaletteItem>,
  query: string,
  limit: number = PALETTE_LIMIT,
): PaletteResults {
  const ordered = query.trim() === '' ? firstOfEachKind(items) : bestMatches(items, query, limit);
  const byKind = new Map<PaletteKind, PaletteItem[]>();
  for (const item of ordered) {
    const group = byKind.get(item.kind);
    if (group) group.push(item);
    else byKind.set(item.kind, [item]);
  }
  const groups = [...byKind].map(([kind, groupItems]) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    items: groupItems,
  }));
  return { groups, items: groups.flatMap((group) => group.items) };
}

function bestMatches(items: ReadonlyArray<PaletteItem>, query: string, limit: number): PaletteItem[] {
  const scored: Array<{ readonly item: PaletteItem; readonly score: number; readonly index: number }> = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, item.searchText);
    if (score !== null) scored.push({ item, score, index });
  });
  // Ties keep catalog order (board order for incidents), so equal matches do not shuffle.
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((entry) => entry.item);
}

function firstOfEachKind(items: ReadonlyArray<PaletteItem>): PaletteItem[] {
  const taken: PaletteItem[] = [];
  for (const kind of PALETTE_KINDS) {
    taken.push(...items.filter((item) => item.kind === kind).slice(0, BROWSE_PER_KIND));
  }
  return taken;
}
