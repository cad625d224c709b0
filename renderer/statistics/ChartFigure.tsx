import { type ReactNode, useId } from 'react';

export interface FigureTable {
  /** Column headings; the first column heads the rows. */
  readonly columns: ReadonlyArray<string>;
  /** One row per entry: a heading cell then the figures, all as text. */
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: ReadonlyArray<string> }>;
}

interface ChartFigureProps {
  readonly title: string;
  /** Beside the title, smaller: "p50 solid, p90 dashed", "1.4 on average". */
  readonly note?: ReactNode;
  /** Drawn legend, when the chart needs one (severities, percentiles). */
  readonly legend?: ReactNode;
  /** The chart, or a sentence when there is nothing to draw. */
  readonly children: ReactNode;
  /** The chart's figures as a table a screen reader (and a test) reads instead of the drawing. */
  readonly table: FigureTable;
  readonly testId: string;
  readonly className?: string;
}

/**
 * A titled chart with its figures as text. The drawing is hidden from assistive technology: the
 * visually-hidden table beside it says the same thing in a form a screen reader can walk.
 */
export function ChartFigure({ title, note, legend, children, table, testId, className }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure
      className={`statistics-chart${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <figcaption id={titleId} className="statistics-chart__title">
        {title}
        {note ? <span className="statistics-chart__note"> {note}</span> : null}
      </figcaption>
      {legend}
      {children}
      <table className="visually-hidden" data-testid={`${testId}-figures`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The drawing area: sized by CSS, so ResponsiveContainer always has a definite box to fill. */
export function ChartPlot({ children, height }: { readonly children: ReactNode; readonly height?: number }) {
  return (
    <div className="statistics-chart__plot" aria-hidden="true" style={height ? { height } : undefined}>
      <div className="statistics-chart__canvas">{children}</div>
    </div>
  );
}

/** Where a chart would be, when drawing it would mislead (no durations, no incidents). */
export function ChartEmpty({ children }: { readonly children: ReactNode }) {
  return <p className="statistics-chart__empty">{children}</p>;
}
