import { fuzzyScore } from './fuzzy';
import { KIND_HEADINGS, PALETTE_KINDS, type PaletteItem, type PaletteKind } from './palette-items';

// Orders what the palette found: the best matches first, kept together by kind (the group with
// the best match leads), and capped so a board of thousands of incidents still redraws within a
// keystroke. A query that starts an action's name ranks those actions first, whatever else
// matches it too. With nothing typed yet, each kind shows its first few in catalog order.

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
  const scored: Array<{
    readonly item: PaletteItem;
    readonly verb: boolean;
    readonly score: number;
    readonly index: number;
  }> = [];
  const word = actionWord(query);
  items.forEach((item, index) => {
    const score = fuzzyScore(query, item.searchText);
    if (score !== null) scored.push({ item, verb: word !== null && namesAction(item, word), score, index });
  });
  // Actions the query names come first ("ack" is Acknowledge before an incident titled
  // "ACK storm"); then by score; ties keep catalog order (board order for incidents).
  scored.sort((a, b) => Number(b.verb) - Number(a.verb) || b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((entry) => entry.item);
}

/** The query as the start of an action's name ("ack", "esc", "resolve"), or null when it cannot be one. */
function actionWord(query: string): string | null {
  const word = query.trim().toLowerCase();
  return word.length >= 2 && /^[\p{L} ]+$/u.test(word) ? word : null;
}

/** An action whose name, or one of its words, starts with `word`: what someone means by a verb. */
function namesAction(item: PaletteItem, word: string): boolean {
  if (item.kind !== 'action') return false;
  const label = item.label.toLowerCase();
  return label.startsWith(word) || label.split(/[\s()]+/).some((part) => part.startsWith(word));
}

function firstOfEachKind(items: ReadonlyArray<PaletteItem>): PaletteItem[] {
  const taken: PaletteItem[] = [];
  for (const kind of PALETTE_KINDS) {
    taken.push(...items.filter((item) => item.kind === kind).slice(0, BROWSE_PER_KIND));
  }
  return taken;
}
