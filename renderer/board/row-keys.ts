// Which React key each row in view is rendered under, and so which element shows it.
//
// A row keeps the element it had when it can: a few rows added at the top, or a scroll by a
// row, move the rest by transform, as before (six or more in one batch rewrite the rows in view
// in place: docs/decisions.md). When most of the rows in view change at
// once (a filter key narrowing 10,000 rows to fewer, or widening back), a row coming into view
// takes the element of one that left, and only its text and attributes change: building ~25
// rows afresh cost two to three times the style and layout of rewriting them in place, on top of
// React mounting them (docs/performance.md, "Rows reused across a filter key").
//
// React keeps an element where it is only while the old places of the keys it meets keep rising;
// any other reused key is a DOM move, which costs the browser as much as a new row. So the keys
// are an alignment of the rows now in view with the elements rendered last, in order, that gains
// most: a row on its own element gains more than one on another's, which gains more than a new
// element. The selected row and the focused row always keep their elements, wherever they move
// (the rows around them take new elements where they must), and never hand them on: if that row
// leaves the view its element leaves with it, so focus never lands on another incident, nor
// leaves one still in view.

/** The keys of the rows in view, in the order they are rendered. */
export interface RowKeys {
  readonly ids: ReadonlyArray<string>;
  readonly keys: ReadonlyArray<string>;
  /** The number of the next key never given out. */
  readonly next: number;
}

export const NO_ROW_KEYS: RowKeys = { ids: [], keys: [], next: 0 };

/** A row on the element it had: only its place may change. */
const SAME_ROW = 4;
/** A row on an element another row left: its text and attributes are rewritten. */
const REUSED_ELEMENT = 3;
/** The selected or focused row on its own element: worth more than all the rest together. */
const PINNED_ROW = 1 << 20;

/** The keys for the rows now in view (`ids`, in order), given those last rendered. */
export function assignRowKeys(
  before: RowKeys,
  ids: ReadonlyArray<string>,
  pinned: (id: string) => boolean,
): RowKeys {
  const rows = ids.length;
  const elements = before.ids.length;
  const gain = (row: number, element: number): number => {
    const id = ids[row] as string;
    const had = before.ids[element] as string;
    if (id === had) return pinned(id) ? PINNED_ROW : SAME_ROW;
    return pinned(id) || pinned(had) ? 0 : REUSED_ELEMENT;
  };
  // best[row * width + element]: the most the first `row` rows can gain on the first `element`
  // elements, each row on a later element than the row before it (no DOM move).
  const width = elements + 1;
  const best = new Int32Array((rows + 1) * width);
  for (let row = 1; row <= rows; row++)
    for (let element = 1; element <= elements; element++) {
      const here = gain(row - 1, element - 1);
      best[row * width + element] = Math.max(
        best[(row - 1) * width + element] as number,
        best[row * width + element - 1] as number,
        here > 0 ? (best[(row - 1) * width + element - 1] as number) + here : 0,
      );
    }
  // Back from the end: which element each row took, if any.
  const took = new Array<number>(rows).fill(-1);
  for (let row = rows, element = elements; row > 0 && element > 0; ) {
    const score = best[row * width + element] as number;
    if (score === best[(row - 1) * width + element]) row--;
    else if (score === best[row * width + element - 1]) element--;
    else {
      took[row - 1] = element - 1;
      row--;
      element--;
    }
  }
  let next = before.next;
  const keys = took.map((element) => (element === -1 ? String(next++) : (before.keys[element] as string)));
  return { ids, keys, next };
}
