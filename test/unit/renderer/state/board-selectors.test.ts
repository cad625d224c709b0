import { describe, expect, it } from 'vitest';
import { memoizeLast } from '../../../../renderer/state/board-selectors';

describe('memoizeLast', () => {
  it('computes again only when the argument changes identity', () => {
    let calls = 0;
    const double = memoizeLast((values: number[]) => {
      calls += 1;
      return values.map((v) => v * 2);
    });
    const input = [1, 2];
    expect(double(input)).toBe(double(input));
    double([1, 2]);
    expect(calls).toBe(2);
  });
});
