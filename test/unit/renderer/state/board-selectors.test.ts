import { describe, expect, it } from 'vitest';
import { countBySeverity, memoizeLast } from '../../../../renderer/state/board-selectors';
import { incident } from '../incident-fixtures';

describe('countBySeverity', () => {
  it('counts every severity, including those with none', () => {
    const counts = countBySeverity([
      incident({ id: 'a', severity: 'sev1' }),
      incident({ id: 'b', severity: 'sev1' }),
      incident({ id: 'c', severity: 'sev4' }),
    ]);
    expect(counts).toEqual({ sev1: 2, sev2: 0, sev3: 0, sev4: 1 });
  });
});

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
