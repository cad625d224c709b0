// Fixed-height row virtualisation: a storm can put thousands of incidents on the board, and
// only the rows in view (plus a few either side, so fast scrolling does not flash) are rendered.

export interface ViewportMetrics {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly rowCount: number;
}

export interface RowRange {
  /** First rendered row. */
  readonly start: number;
  /** One past the last rendered row. */
  readonly end: number;
}

/** The rows to render for a viewport, with `overscan` extra rows above and below. */
export function visibleRows(metrics: ViewportMetrics, overscan: number): RowRange {
  const { scrollTop, viewportHeight, rowHeight, rowCount } = metrics;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: Math.max(0, Math.min(rowCount, first - overscan)),
    end: Math.min(rowCount, last + overscan),
  };
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(metrics: ViewportMetrics, index: number): number {
  const { scrollTop, viewportHeight, rowHeight } = metrics;
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}

/**
 * How many rows end below the viewport: not seen whole, so not read. A row cut by the bottom
 * edge counts, since its title and status are what is cut.
 */
export function rowsBelow(metrics: ViewportMetrics): number {
  const { scrollTop, viewportHeight, rowHeight, rowCount } = metrics;
  if (rowCount === 0 || rowHeight <= 0) return 0;
  const seenWhole = Math.floor((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return Math.max(0, rowCount - seenWhole);
}

/**
 * rowsBelow for a band of `band` px laid over the viewport's bottom, hiding the rows under it.
 * Zero when every row fits, and when the viewport has no room for the band (a wall's resolved
 * list squeezed to its title, whose count then says how many there are).
 */
export function rowsBelowBand(metrics: ViewportMetrics, band: number): number {
  if (rowsBelow(metrics) === 0 || metrics.viewportHeight < band) return 0;
  return rowsBelow({ ...metrics, viewportHeight: metrics.viewportHeight - band });
}
