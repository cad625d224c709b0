import { isOpen } from '../domain';
import { activeOrder, merge, type RowOrder, resolvedOrder } from './board-order';
import type { BoardRow } from './board-row';

// The rows a board filter keeps out of sight, in board order, as a value. A filter key moves
// thousands of rows between the board and here (10,000 incidents, `bench 1` → `bench 12`), and
// the page decides most keys itself (predict-filter.ts): rows leave the board's lists already in
// order, so keeping this side in order too makes hiding a merge and bringing rows back a walk,
// with no sort and no map copied. Lookups by id (the host naming rows to restore or drop) build
// an index the first time they are asked, once per value.

export class HeldRows {
  static readonly EMPTY = new HeldRows([], []);

  private index: Map<string, BoardRow> | null = null;

  private constructor(
    /** Open rows held, in board order. */
    readonly active: ReadonlyArray<BoardRow>,
    /** Resolved rows held, newest resolution first. */
    readonly resolved: ReadonlyArray<BoardRow>,
  ) {}

  /** Exactly these rows, in any order. */
  static of(rows: Iterable<BoardRow>): HeldRows {
    const active: BoardRow[] = [];
    const resolved: BoardRow[] = [];
    for (const row of rows) (isOpen(row) ? active : resolved).push(row);
    return HeldRows.sorted(active.sort(activeOrder), resolved.sort(resolvedOrder));
  }

  private static sorted(active: ReadonlyArray<BoardRow>, resolved: ReadonlyArray<BoardRow>): HeldRows {
    return active.length === 0 && resolved.length === 0 ? HeldRows.EMPTY : new HeldRows(active, resolved);
  }

  get size(): number {
    return this.active.length + this.resolved.length;
  }

  has(id: string): boolean {
    return this.size > 0 && this.byId().has(id);
  }

  get(id: string): BoardRow | undefined {
    return this.size === 0 ? undefined : this.byId().get(id);
  }

  *keys(): IterableIterator<string> {
    for (const row of this.values()) yield row.id;
  }

  *values(): IterableIterator<BoardRow> {
    yield* this.active;
    yield* this.resolved;
  }

  /**
   * These rows and the ones given, which are already in their lists' orders (rows leaving the
   * board's lists in the order the lists hold them): two merges.
   */
  plusOrdered(active: ReadonlyArray<BoardRow>, resolved: ReadonlyArray<BoardRow>): HeldRows {
    if (active.length === 0 && resolved.length === 0) return this;
    return HeldRows.sorted(
      merge(this.active, active, activeOrder),
      merge(this.resolved, resolved, resolvedOrder),
    );
  }

  /**
   * The rows `keep` keeps, in order, and what stays held: bringing a filter's rows back is one
   * walk of each list.
   */
  partition(keep: (row: BoardRow) => boolean): {
    readonly active: ReadonlyArray<BoardRow>;
    readonly resolved: ReadonlyArray<BoardRow>;
    readonly rest: HeldRows;
  } {
    const active: BoardRow[] = [];
    const resolved: BoardRow[] = [];
    const restActive = split(this.active, keep, active);
    const restResolved = split(this.resolved, keep, resolved);
    const rest =
      restActive === this.active && restResolved === this.resolved
        ? this
        : HeldRows.sorted(restActive, restResolved);
    return { active, resolved, rest };
  }

  /** These rows with `adding` held too (in any order) and the ids in `dropping` let go of. */
  with(adding: ReadonlyArray<BoardRow>, dropping: ReadonlyArray<string>): HeldRows {
    // A walk of the lists, not a lookup per id: in a storm every batch names its changed rows
    // here, and asking the index would build one for each new value.
    // A row held again replaces the one held before, as a map's set would.
    const drop =
      this.size === 0 || (dropping.length === 0 && adding.length === 0)
        ? null
        : new Set([...dropping, ...adding.map((row) => row.id)]);
    const kept = (list: ReadonlyArray<BoardRow>): ReadonlyArray<BoardRow> => {
      if (drop === null) return list;
      const rest = list.filter((row) => !drop.has(row.id));
      return rest.length === list.length ? list : rest;
    };
    const keptActive = kept(this.active);
    const keptResolved = kept(this.resolved);
    if (adding.length === 0 && keptActive === this.active && keptResolved === this.resolved) return this;
    const addActive: BoardRow[] = [];
    const addResolved: BoardRow[] = [];
    for (const row of adding) (isOpen(row) ? addActive : addResolved).push(row);
    return HeldRows.sorted(
      mergeSorting(keptActive, addActive, activeOrder),
      mergeSorting(keptResolved, addResolved, resolvedOrder),
    );
  }

  private byId(): Map<string, BoardRow> {
    if (this.index === null) {
      this.index = new Map();
      for (const row of this.values()) this.index.set(row.id, row);
    }
    return this.index;
  }
}

/** The rows of `list` that `keep` drops (the list itself if none); those it keeps onto `kept`. */
function split(
  list: ReadonlyArray<BoardRow>,
  keep: (row: BoardRow) => boolean,
  kept: BoardRow[],
): ReadonlyArray<BoardRow> {
  const before = kept.length;
  const rest: BoardRow[] = [];
  for (const row of list) {
    if (keep(row)) kept.push(row);
    else rest.push(row);
  }
  return kept.length === before ? list : rest;
}

function mergeSorting(
  list: ReadonlyArray<BoardRow>,
  adding: BoardRow[],
  order: RowOrder,
): ReadonlyArray<BoardRow> {
  return adding.length === 0 ? list : merge(list, adding.sort(order), order);
}
