import type { Severity } from '../../shared/domain';
import { SEVERITY_LABEL, SEVERITY_ORDER } from './statistics-charts';

// Severities drawn so they differ by more than colour: SEV1's red and SEV2's orange are one
// grey on a grayscale wall and close to one colour for a red-green colour-blind operator. Each
// severity fills its bars with its own mark over its board colour, and the legend shows the same
// mark beside the severity's name, so a bar is matched to its legend entry by shape alone.

/** The mark drawn over a severity's colour: none (solid), stripes, dots, a grid. */
export type SeverityMark = 'solid' | 'stripes' | 'dots' | 'grid';

export const SEVERITY_MARK: Readonly<Record<Severity, SeverityMark>> = {
  // The worst stays solid: the boldest block on the chart.
  sev1: 'solid',
  sev2: 'stripes',
  sev3: 'dots',
  sev4: 'grid',
};

const TILE = 10;

/** A pattern id made of safe characters: React's ids carry colons or guillemets. */
export function patternId(prefix: string, severity: Severity): string {
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '')}-${severity}-mark`;
}

/** The fill for a severity's bars: its pattern, defined by SeverityPatternDefs under `prefix`. */
export function severityFill(prefix: string, severity: Severity): string {
  return `url(#${patternId(prefix, severity)})`;
}

function Mark({ severity }: { readonly severity: Severity }) {
  const ink = { stroke: `var(--${severity}-fg)`, fill: `var(--${severity}-fg)` };
  switch (SEVERITY_MARK[severity]) {
    case 'solid':
      return null;
    case 'stripes':
      return (
        <path
          d={`M0,${TILE} L${TILE},0 M-2,2 L2,-2 M${TILE - 2},${TILE + 2} L${TILE + 2},${TILE - 2}`}
          style={{ ...ink, strokeWidth: 2.5 }}
        />
      );
    case 'dots':
      return <circle cx={TILE / 2} cy={TILE / 2} r={2} style={{ ...ink, strokeWidth: 0 }} />;
    case 'grid':
      return (
        <path d={`M0,0.5 H${TILE} M0.5,0 V${TILE}`} style={{ ...ink, fill: 'none', strokeWidth: 1.5 }} />
      );
  }
}

/** The patterns, once per chart (ids under `prefix`), in a drawing of no size. */
function SeverityPatternDefs({ prefix }: { readonly prefix: string }) {
  return (
    <svg className="severity-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {SEVERITY_ORDER.map((severity) => (
          <pattern
            key={severity}
            id={patternId(prefix, severity)}
            data-mark={SEVERITY_MARK[severity]}
            width={TILE}
            height={TILE}
            patternUnits="userSpaceOnUse"
          >
            <rect width={TILE} height={TILE} style={{ fill: `var(--${severity}-bg)` }} />
            <Mark severity={severity} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** The legend: each severity's name beside a swatch of its bars' pattern (defined here too). */
export function SeverityLegend({ prefix }: { readonly prefix: string }) {
  return (
    <>
      <SeverityPatternDefs prefix={prefix} />
      <ul className="statistics-legend" aria-hidden="true" data-testid="severity-legend">
        {SEVERITY_ORDER.map((severity) => (
          <li key={severity} className="statistics-legend__severity" data-mark={SEVERITY_MARK[severity]}>
            <svg
              className="statistics-legend__swatch"
              viewBox="0 0 20 20"
              aria-hidden="true"
              focusable="false"
            >
              <rect width="20" height="20" fill={severityFill(prefix, severity)} />
            </svg>
            {SEVERITY_LABEL[severity]}
          </li>
        ))}
      </ul>
    </>
  );
}
