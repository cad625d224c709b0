import { describe, expect, it } from 'vitest';
import { assignRowKeys, NO_ROW_KEYS, type RowKeys } from '../../../../renderer/board/row-keys';

const ids = (from: number, to: number, prefix = 'INC-'): string[] =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
const nothingPinned = (): boolean => false;

function render(
  before: RowKeys,
  now: ReadonlyArray<string>,
  pinned: (id: string) => boolean = nothingPinned,
) {
  const after = assignRowKeys(before, now, pinned);
  const keyOf = new Map(before.ids.map((id, place) => [id, before.keys[place] as string]));
  const oldPlace = new Map(before.keys.map((key, place) => [key, place]));
  return {
    after,
    /** Rows still on the element they had. */
    same: now.filter((id, i) => keyOf.get(id) === after.keys[i]).length,
    /** Rows on an element another row had. */
    reused: now.filter((id, i) => oldPlace.has(after.keys[i] as string) && keyOf.get(id) !== after.keys[i])
      .length,
    /** Reused keys in render order, by old place: rising means React moves no element. */
    places: after.keys.flatMap((key) => (oldPlace.has(key) ? [oldPlace.get(key) as number] : [])),
  };
}

const rising = (places: ReadonlyArray<number>): boolean =>
  places.every((p, i) => i === 0 || p > (places[i - 1] as number));

describe('assignRowKeys', () => {
  const first = assignRowKeys(NO_ROW_KEYS, ids(0, 22), nothingPinned);

  it('gives every row a key of its own, once', () => {
    expect(new Set(first.keys).size).toBe(22);
  });

  it('keeps every row on its element when a storm adds one at the top or a scroll brings one in', () => {
    const arrival = render(first, ['INC-new', ...ids(0, 21)]);
    expect(arrival.same).toBe(21);
    expect(arrival.reused).toBe(0);
    const scrolled = render(first, ids(1, 23));
    expect(scrolled.same).toBe(21);
    expect(scrolled.reused).toBe(0);
  });

  it('rewrites the elements in place when a filter key replaces the rows in view', () => {
    const narrowed = render(first, ['INC-0', 'INC-3', 'INC-11', ...ids(100, 119)]);
    expect(narrowed.same + narrowed.reused).toBe(22);
    expect(rising(narrowed.places)).toBe(true);
    expect(new Set(narrowed.after.keys).size).toBe(22);
  });

  it('never moves an element, whatever the rows', () => {
    const shuffled = render(first, [...ids(10, 22)].reverse().concat(ids(50, 60)));
    expect(rising(shuffled.places)).toBe(true);
  });

  it('never hands the selected or focused row’s element to another incident', () => {
    const pinned = (id: string): boolean => id === 'INC-5';
    const narrowed = render(first, ids(100, 122), pinned);
    const pinnedKey = first.keys[5] as string;
    expect(narrowed.after.keys).not.toContain(pinnedKey);
    expect(narrowed.reused).toBe(21);
    // Nor takes another's: a pinned row coming into view has an element of its own.
    const back = render(narrowed.after, ['INC-5', ...ids(100, 121)], pinned);
    expect(back.after.keys[0]).not.toBe(narrowed.after.keys[0]);
    expect(new Set(back.after.keys).size).toBe(22);
  });

  it('keeps the selected or focused row on its element wherever it moves', () => {
    const pinned = (id: string): boolean => id === 'INC-20';
    const moved = render(first, ['INC-20', ...ids(100, 121)], pinned);
    expect(moved.after.keys[0]).toBe(first.keys[20]);
  });

  it('gives new keys that were never used', () => {
    const gone = render(first, ids(200, 205), () => true);
    expect(gone.after.keys.every((key) => !first.keys.includes(key))).toBe(true);
  });
});
