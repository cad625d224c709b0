import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRowKeys, NO_ROW_KEYS, type RowKeys } from '../../../../renderer/board/row-keys';

// The row keys against a brute-force oracle: over random runs of three renders (rows coming,
// going and reordering, some of them selected or focused), every key is given once, reused
// elements are met in their old order (React moves none), a new key was never given before, a
// pinned row neither takes nor gives an element, and no assignment gains more.

// Brute force: every injective, rising assignment of rows to old elements.
function oracleBest(before: RowKeys, ids: ReadonlyArray<string>, pinned: (id: string) => boolean): number {
  const gain = (r: number, e: number): number => {
    const id = ids[r] as string;
    const had = before.ids[e] as string;
    if (id === had) return pinned(id) ? 1 << 20 : 4;
    return pinned(id) || pinned(had) ? 0 : 3;
  };
  const go = (r: number, minE: number): number => {
    if (r === ids.length) return 0;
    let best = go(r + 1, minE);
    for (let e = minE; e < before.ids.length; e++) {
      const g = gain(r, e);
      if (g > 0) best = Math.max(best, g + go(r + 1, e + 1));
    }
    return best;
  };
  return go(0, 0);
}

const idArb = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H');
const listArb = fc.uniqueArray(idArb, { maxLength: 7 });

describe('assignRowKeys against an oracle', () => {
  it('is optimal, unique, rising, and never hands a pinned element on', () => {
    fc.assert(
      fc.property(
        listArb,
        listArb,
        listArb,
        fc.subarray(['A', 'B', 'C', 'D']),
        (first, second, third, pins) => {
          const pinned = (id: string): boolean => pins.includes(id);
          let before = assignRowKeys(NO_ROW_KEYS, first, pinned);
          for (const now of [second, third]) {
            const after = assignRowKeys(before, now, pinned);
            expect(after.keys).toHaveLength(now.length);
            expect(new Set(after.keys).size).toBe(now.length);
            const oldPlace = new Map(before.keys.map((k, i) => [k, i]));
            let gainSum = 0;
            let last = -1;
            for (const [i, key] of after.keys.entries()) {
              const place = oldPlace.get(key);
              const id = now[i] as string;
              if (place === undefined) {
                expect(Number(key)).toBeGreaterThanOrEqual(before.next);
                continue;
              }
              expect(place).toBeGreaterThan(last);
              last = place;
              const had = before.ids[place] as string;
              if (had === id) gainSum += pinned(id) ? 1 << 20 : 4;
              else {
                expect(pinned(id)).toBe(false);
                expect(pinned(had)).toBe(false);
                gainSum += 3;
              }
            }
            expect(gainSum).toBe(oracleBest(before, now, pinned));
            before = after;
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
