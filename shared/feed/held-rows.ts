import { isOpen } from '../domain';
import { activeOrder, keepRows, merge, type RowOrder, resolvedOrder } from './board-order';
import type { BoardRow } from './board-row';

// The rows a board filter keeps out of sight, as a value. A filter key moves thousands of rows
// between the board and here (10,000 incidents, `bench 1` → `bench 12`), and the page decides
// most keys itself (predict-filter.ts): rows leave the board's lists already in order, so
// keeping this side in board order too makes hiding a merge and bringing rows back a walk, with
// no sort and no map copied. Rows the host hides arrive in its own order; they are sorted only
// when the page next decides a key from them, which a `team:` or `label:` filter (the ones the
// host answers) never does. Lookups by id (the host naming rows to restore or drop) build an
// index the first time they are asked, once per value.

export class HeldRows {
  static readonly EMPTY = new HeldRows([], [], true);

  private index: Map<string, BoardRow> | null = null;

  private constructor(
    private activeRows: ReadonlyArray<BoardRow>,
    private resolvedRows: ReadonlyArray<BoardRow>,
    /** Whether the two lists are in their orders yet. */
    private ordered: boolean,
  ) {}

  /** Exactly these rows, in any order. */
  static of(rows: Iterable<BoardRow>): HeldRows {
    const active: BoardRow[] = [];
    const resolved: BoardRow[] = [];
    for (const row of rows) (isOpen(row) ? active : resolved).push(row);
    return HeldRows.made(active, resolved, false);
  }

  private static made(
    active: ReadonlyArray<BoardRow>,
    resolved: ReadonlyArray<BoardRow>,
    ordered: boolean,
  ): HeldRows {
    return active.length === 0 && resolved.length === 0
      ? HeldRows.EMPTY
      : new HeldRows(active, resolved, ordered);
  }

  /** Open rows held, in board order. */
  get active(): ReadonlyArray<BoardRow> {
    this.putInOrder();
    return this.activeRows;
  }

  /** Resolved rows held, newest resolution first. */
  get resolved(): ReadonlyArray<BoardRow> {
    this.putInOrder();
    return this.resolvedRows;
  }

  get size(): number {
    return this.activeRows.length + this.resolvedRows.length;
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

  /** Every row held, in no particular order. */
  *values(): IterableIterator<BoardRow> {
    yield* this.activeRows;
    yield* this.resolvedRows;
  }

  /**
   * These rows and the ones given, which are already in their lists' orders (rows leaving the
   * board's lists in the order the lists hold them): two merges.
   */
  plusOrdered(active: ReadonlyArray<BoardRow>, resolved: ReadonlyArray<BoardRow>): HeldRows {
    if (active.length === 0 && resolved.length === 0) return this;
    return HeldRows.made(
      merge(this.active, active, activeOrder),
      merge(this.resolved, resolved, resolvedOrder),
      true,
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
    const drop = (row: BoardRow): boolean => !keep(row);
    const restActive = keepRows(this.active, drop, active);
    const restResolved = keepRows(this.resolved, drop, resolved);
    const rest =
      restActive === this.activeRows && restResolved === this.resolvedRows
        ? this
        : HeldRows.made(restActive, restResolved, true);
    return { active, resolved, rest };
  }

  /** These rows with `adding` held too (in any order) and the ids in `dropping` let go of. */
  with(adding: ReadonlyArray<BoardRow>, dropping: ReadonlyArray<string>): HeldRows {
    // A walk of the lists, not a lookup per id: in a storm every batch names its changed rows
    // here, and asking the index would build one for each new value. A row held again replaces
    // the one held before, as a map's set would.
    const drop =
      this.size === 0 || (dropping.length === 0 && adding.length === 0)
        ? null
        : new Set([...dropping, ...adding.map((row) => row.id)]);
    const kept = (list: ReadonlyArray<BoardRow>): ReadonlyArray<BoardRow> => {
      if (drop === null) return list;
      const rest = list.filter((row) => !drop.has(row.id));
      return rest.length === list.length ? list : rest;
    };
    const keptActive = kept(this.activeRows);
    const keptResolved = kept(this.resolvedRows);
    if (adding.length === 0 && keptActive === this.activeRows && keptResolved === this.resolvedRows)
      return this;
    const addActive: BoardRow[] = [];
    const addResolved: BoardRow[] = [];
    for (const row of adding) (isOpen(row) ? addActive : addResolved).push(row);
    // Rows that come in order keep the lists in order (a merge); others wait to be sorted.
    if (this.ordered && inOrder(addActive, activeOrder) && inOrder(addResolved, resolvedOrder))
      return HeldRows.made(
        merge(keptActive, addActive, activeOrder),
        merge(keptResolved, addResolved, resolvedOrder),
        true,
      );
    return HeldRows.made([...keptActive, ...addActive], [...keptResolved, ...addResolved], false);
  }

  /** Sorted once, the first time order is asked for; the lists may be shared, so copies. */
  private putInOrder(): void {
    if (this.ordered) return;
    this.activeRows = [...this.activeRows].sort(activeOrder);
    this.resolvedRows = [...this.resolvedRows].sort(resolvedOrder);
    this.ordered = true;
  }

  private byId(): Map<string, BoardRow> {
    if (this.index === null) {
      this.index = new Map();
      for (const row of this.values()) this.index.set(row.id, row);
    }
    return this.index;
  }
}

function inOrder(rows: ReadonlyArray<BoardRow>, order: RowOrder): boolean {
  for (let i = 1; i < rows.length; i++)
    if (order(rows[i - 1] as BoardRow, rows[i] as BoardRow) > 0) return false;
  return true;
}
