import { describe, expect, it } from 'vitest';
import { stepSelection } from '../../../../renderer/state/selection';

const order = ['sev1-a', 'sev2-b', 'sev4-c'];

describe('stepSelection', () => {
  it('moves down and up by id, whatever position the incident now has', () => {
    expect(stepSelection(order, 'sev2-b', 1)).toBe('sev4-c');
    expect(stepSelection(order, 'sev2-b', -1)).toBe('sev1-a');
    // A new sev1 arrived above: the same incident is still the starting point.
    expect(stepSelection(['sev1-new', ...order], 'sev2-b', 1)).toBe('sev4-c');
  });

  it('stops at the ends instead of wrapping around', () => {
    expect(stepSelection(order, 'sev4-c', 1)).toBe('sev4-c');
    expect(stepSelection(order, 'sev1-a', -1)).toBe('sev1-a');
  });

  it('starts from the top going down, or the bottom going up, when nothing on the board is selected', () => {
    expect(stepSelection(order, null, 1)).toBe('sev1-a');
    expect(stepSelection(order, 'gone', -1)).toBe('sev4-c');
  });

  it('keeps the selection as it is on an empty board', () => {
    expect(stepSelection([], 'gone', 1)).toBe('gone');
    expect(stepSelection([], null, 1)).toBeNull();
  });
});
