import { describe, expect, it } from 'vitest';
import { sameItems } from '../../../../renderer/map/stable-list';

describe('sameItems', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('holds two arrays of the same items in the same order for the same', () => {
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([], [])).toBe(true);
  });

  it('tells apart a different length, order or item, even an equal-looking one', () => {
    expect(sameItems([a, b], [a])).toBe(false);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], [{ id: 'a' }])).toBe(false);
  });
});
