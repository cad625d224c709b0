import { describe, expect, it } from 'vitest';
import { BURN_IN_STEP_MS, burnInShift } from '../../../../renderer/wall/burn-in';

describe('burnInShift', () => {
  it('holds still within a step and moves at most a few pixels at a time', () => {
    expect(burnInShift(0)).toEqual(burnInShift(BURN_IN_STEP_MS - 1));
    for (let step = 0; step < 16; step += 1) {
      const a = burnInShift(step * BURN_IN_STEP_MS);
      const b = burnInShift((step + 1) * BURN_IN_STEP_MS);
      expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThanOrEqual(6);
      expect(Math.max(Math.abs(a.x), Math.abs(a.y))).toBeLessThanOrEqual(6);
    }
  });

  it('visits every side of its orbit within half an hour, so no edge stays put', () => {
    const shifts = Array.from({ length: 8 }, (_, step) => burnInShift(step * BURN_IN_STEP_MS));
    expect(new Set(shifts.map((s) => `${s.x},${s.y}`)).size).toBe(8);
    expect(8 * BURN_IN_STEP_MS).toBeLessThanOrEqual(30 * 60_000);
  });
});
