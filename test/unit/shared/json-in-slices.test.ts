import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonListInSlices } from '../../../shared/json-in-slices';

// A long list's JSON made a few ms at a time must be exactly JSON.stringify's, whatever it holds.

describe('jsonListInSlices', () => {
  it('writes what JSON.stringify writes for the list, between its brackets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 50 }), async (items) => {
        expect(`[${await jsonListInSlices(items)}]`).toBe(JSON.stringify(items));
      }),
      { numRuns: 200 },
    );
    expect(`[${await jsonListInSlices([undefined, () => 1, 1])}]`).toBe(
      JSON.stringify([undefined, () => 1, 1]),
    );
  });

  it('gives the event loop back between items once a slice is spent, and loses none', async () => {
    let pauses = 0;
    const items = Array.from({ length: 20 }, (_, i) => ({ i }));
    const list = await jsonListInSlices(
      items,
      async () => {
        pauses += 1;
      },
      0,
    );
    expect(pauses).toBe(items.length);
    expect(`[${list}]`).toBe(JSON.stringify(items));
  });
});
