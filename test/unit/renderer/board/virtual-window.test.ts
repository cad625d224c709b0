import { describe, expect, it } from 'vitest';
import {
  rowsBelow,
  rowsBelowBand,
  scrollTopToReveal,
  visibleRows,
} from '../../../../renderer/board/virtual-window';

const metrics = { scrollTop: 0, viewportHeight: 560, rowHeight: 56, rowCount: 10_000 };

describe('visibleRows', () => {
  it('renders only the rows in view plus the overscan, not the whole storm', () => {
    expect(visibleRows(metrics, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRows({ ...metrics, scrollTop: 56 * 100 }, 5)).toEqual({ start: 95, end: 115 });
  });

  it('includes a row that is only partly in view', () => {
    expect(visibleRows({ ...metrics, scrollTop: 28 }, 0)).toEqual({ start: 0, end: 11 });
  });

  it('stays within the list at either end', () => {
    expect(visibleRows({ ...metrics, rowCount: 3 }, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRows({ ...metrics, scrollTop: 56 * 9_995 }, 5)).toEqual({ start: 9_990, end: 10_000 });
    expect(visibleRows({ ...metrics, rowCount: 0 }, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollTopToReveal', () => {
  it('leaves the scroll alone when the row is already fully in view', () => {
    expect(scrollTopToReveal({ ...metrics, scrollTop: 112 }, 4)).toBe(112);
  });

  it('scrolls up to a row above the viewport, aligning it to the top', () => {
    expect(scrollTopToReveal({ ...metrics, scrollTop: 560 }, 3)).toBe(168);
  });

  it('scrolls down to a row below the viewport, aligning it to the bottom', () => {
    expect(scrollTopToReveal(metrics, 12)).toBe(13 * 56 - 560);
  });
});

describe('rowsBelow', () => {
  const metrics = { scrollTop: 0, viewportHeight: 560, rowHeight: 56, rowCount: 25 };

  it('counts the rows that end below the viewport', () => {
    expect(rowsBelow(metrics)).toBe(15);
    expect(rowsBelow({ ...metrics, scrollTop: 56 * 5 })).toBe(10);
    expect(rowsBelow({ ...metrics, scrollTop: 56 * 15 })).toBe(0);
  });

  it('counts a row cut by the bottom edge as below', () => {
    expect(rowsBelow({ ...metrics, viewportHeight: 560 + 40 })).toBe(15);
    expect(rowsBelow({ ...metrics, viewportHeight: 560 + 56 })).toBe(14);
  });

  it('is none when every row fits or there are none', () => {
    expect(rowsBelow({ ...metrics, rowCount: 10 })).toBe(0);
    expect(rowsBelow({ ...metrics, rowCount: 3 })).toBe(0);
    expect(rowsBelow({ ...metrics, rowCount: 0 })).toBe(0);
  });
});

describe('rowsBelowBand', () => {
  const metrics = { scrollTop: 0, viewportHeight: 560, rowHeight: 56, rowCount: 25 };

  it('counts the rows the band hides too', () => {
    // 560 px less a 44 px band: 9 rows whole, the tenth under the band.
    expect(rowsBelowBand(metrics, 44)).toBe(16);
  });

  it('draws no band when every row fits, though the band would cover the last', () => {
    expect(rowsBelowBand({ ...metrics, rowCount: 10 }, 44)).toBe(0);
  });

  it('draws no band where there is no room for one (a list squeezed to nothing)', () => {
    expect(rowsBelowBand({ ...metrics, viewportHeight: 0 }, 44)).toBe(0);
    expect(rowsBelowBand({ ...metrics, viewportHeight: 43 }, 44)).toBe(0);
    expect(rowsBelowBand({ ...metrics, viewportHeight: 44 }, 44)).toBe(25);
  });
});
