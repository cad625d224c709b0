import type { BoardRow } from './board-row';

// The page's rows by id, as a value: each batch of patches makes a new RowMap, so views compare
// it by reference, but only the buckets the batch touched are copied. Copying one Map of 10,000
// rows per frame cost ~15 ms on a busy machine (and as much again in garbage); 256 buckets of
// ~40 rows make a frame that changes 8 rows copy ~320 entries.

const BUCKETS = 256;

function bucketOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % BUCKETS;
}

const EMPTY_BUCKET: ReadonlyMap<string, BoardRow> = new Map();

export class RowMap implements ReadonlyMap<string, BoardRow> {
  static readonly EMPTY = new RowMap(new Array(BUCKETS).fill(EMPTY_BUCKET), 0, null);

  private constructor(
    private made: ReadonlyArray<ReadonlyMap<string, BoardRow>> | null,
    readonly size: number,
    /** The rows of a map not made yet (made is null): made the first time it is read. */
    private lists: ReadonlyArray<ReadonlyArray<BoardRow>> | null,
  ) {}

  /** A map of exactly these rows. */
  static of(rows: Iterable<BoardRow>): RowMap {
    return RowMap.EMPTY.with(rows, []);
  }

  /**
   * A map of exactly the rows of these lists (no id twice), made the first time it is read; its
   * size is known at once. A filter key the page decides moves thousands of rows, and nothing
   * on the board reads rows by id before the host's answer does (a frame or more later): the
   * map is made then, not in the key's own task, before the board is painted.
   */
  static ofLists(lists: ReadonlyArray<ReadonlyArray<BoardRow>>): RowMap {
    let size = 0;
    for (const list of lists) size += list.length;
    return size === 0 ? RowMap.EMPTY : new RowMap(null, size, lists);
  }

  private get buckets(): ReadonlyArray<ReadonlyMap<string, BoardRow>> {
    if (this.made === null) {
      this.made = RowMap.EMPTY.with((this.lists ?? []).flat(), []).buckets;
      this.lists = null;
    }
    return this.made;
  }

  /** This map with rows set and ids removed; untouched buckets are shared with this one. */
  with(changed: Iterable<BoardRow>, removed: Iterable<string>): RowMap {
    const buckets = [...this.buckets];
    const copied = new Set<number>();
    let size = this.size;
    const bucket = (id: string): Map<string, BoardRow> => {
      const index = bucketOf(id);
      if (!copied.has(index)) {
        copied.add(index);
        buckets[index] = new Map(buckets[index]);
      }
      return buckets[index] as Map<string, BoardRow>;
    };
    for (const id of removed) {
      const map = bucket(id);
      if (map.delete(id)) size -= 1;
    }
    for (const row of changed) {
      const map = bucket(row.id);
      if (!map.has(row.id)) size += 1;
      map.set(row.id, row);
    }
    return copied.size === 0 ? this : new RowMap(buckets, size, null);
  }

  get(id: string): BoardRow | undefined {
    return this.buckets[bucketOf(id)]?.get(id);
  }

  has(id: string): boolean {
    return this.buckets[bucketOf(id)]?.has(id) ?? false;
  }

  *entries(): MapIterator<[string, BoardRow]> {
    for (const map of this.buckets) yield* map.entries();
  }

  *keys(): MapIterator<string> {
    for (const map of this.buckets) yield* map.keys();
  }

  *values(): MapIterator<BoardRow> {
    for (const map of this.buckets) yield* map.values();
  }

  [Symbol.iterator](): MapIterator<[string, BoardRow]> {
    return this.entries();
  }

  /** Faster than iterating: no generator between the buckets and the callback. */
  forEach(callback: (value: BoardRow, key: string, map: ReadonlyMap<string, BoardRow>) => void): void {
    for (const map of this.buckets) for (const [key, value] of map) callback(value, key, this);
  }
}
