import { compareForBoard } from '../domain';
import type { BoardRow } from './board-row';

// The board's two lists kept in order by moving only the rows that changed: a binary search
// finds where a row was and where it goes, so a frame with k changed rows among n costs
// O(k log n) comparisons and a copy of the list, not a sort of all n.

export type RowOrder = (a: BoardRow, b: BoardRow) => number;

/** Open incidents: most urgent first, then oldest first (docs/decisions.md, "Board order"). */
export const activeOrder: RowOrder = compareForBoard;

/** Resolved incidents: the newest resolution first. */
export const resolvedOrder: RowOrder = (a, b) =>
  (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || compareForBoard(a, b);

/** The first index whose row does not sort before `row`. */
function lowerBound(list: ReadonlyArray<BoardRow>, row: BoardRow, order: RowOrder): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle] as BoardRow, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Takes `row` (a value this list holds) out of a sorted list in place. */
export function removeRow(list: BoardRow[], row: BoardRow, order: RowOrder): void {
  const at = lowerBound(list, row, order);
  if (list[at] === row) {
    list.splice(at, 1);
    return;
  }
  // Not where its key says (should not happen: rows are values): find it by id.
  const index = list.findIndex((other) => other.id === row.id);
  if (index !== -1) list.splice(index, 1);
}

/** Puts `row` into a sorted list in place, where its key says. */
export function insertRow(list: BoardRow[], row: BoardRow, order: RowOrder): void {
  list.splice(lowerBound(list, row, order), 0, row);
}

/**
 * The rows resolved within `windowMs` before `now`, from row `from` on (the rows before it are
 * held back by the caller): a run of the newest-first resolved list, copied only if it is not all of it.
 */
export function resolvedSince(
  resolved: ReadonlyArray<BoardRow>,
  now: number,
  windowMs: number,
  from = 0,
): ReadonlyArray<BoardRow> {
  let end = from;
  while (end < resolved.length && now - ((resolved[end] as BoardRow).resolvedAt ?? 0) <= windowMs) end += 1;
  return from === 0 && end === resolved.length ? resolved : resolved.slice(from, end);
}

/** Two sorted lists as one sorted list. */
export function merge(a: ReadonlyArray<BoardRow>, b: ReadonlyArray<BoardRow>, order: RowOrder): BoardRow[] {
  if (b.length === 0) return a as BoardRow[];
  if (a.length === 0) return b as BoardRow[];
  const out: BoardRow[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as BoardRow;
    const right = b[j] as BoardRow;
    if (order(right, left) < 0) {
      out[k++] = right;
      j++;
    } else {
      out[k++] = left;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as BoardRow;
  while (j < b.length) out[k++] = b[j++] as BoardRow;
  return out;
}

/** The rows of `list` that `keep` keeps, in order (the list itself if all); the others onto `dropped`. */
export function keepRows(
  list: ReadonlyArray<BoardRow>,
  keep: (row: BoardRow) => boolean,
  dropped: BoardRow[],
): ReadonlyArray<BoardRow> {
  const before = dropped.length;
  const out: BoardRow[] = [];
  for (const row of list) {
    if (keep(row)) out.push(row);
    else dropped.push(row);
  }
  return dropped.length === before ? list : out;
}
