import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ServiceCount } from '../../shared/metrics/report';
import { revealHidden } from '../../shared/text/hidden-characters';
import { ChartEmpty, ChartFigure, ChartPlot } from './ChartFigure';
import { SeverityLegend, severityFill } from './SeverityPatterns';
import {
  formatMean,
  type HistogramRow,
  longestDuration,
  type PeriodRow,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
} from './statistics-charts';
import { durationTicks, formatDurationTick, formatFigure, truncateText } from './statistics-format';

// The charts, drawn to be read from across the room: large ticks in the theme's text colour,
// severities in their board colours and each with its own pattern, no animation (a wall display
// redraws every minute, and a moving chart is a flaky screenshot). Each chart's figures are also a table (ChartFigure).

/** Text and stroke sizes: a laptop, or a wall read from five metres. */
export interface ChartScale {
  readonly tick: number;
  readonly stroke: number;
  readonly dot: number;
  /** Service names longer than this are cut (the full name is in the tick's title). */
  readonly nameChars: number;
  readonly nameWidth: number;
}

export const CONSOLE_SCALE: ChartScale = { tick: 18, stroke: 4, dot: 5, nameChars: 20, nameWidth: 250 };
export const WALL_SCALE: ChartScale = { tick: 24, stroke: 6, dot: 7, nameChars: 16, nameWidth: 260 };

const GRID = 'var(--chart-grid)';
const AXIS = 'var(--text-muted)';
const MARGIN = { top: 12, right: 24, bottom: 4, left: 4 };

const tickStyle = (scale: ChartScale) => ({ fill: 'var(--text)', fontSize: scale.tick });

const TOOLTIP_PROPS = {
  isAnimationActive: false,
  contentStyle: {
    background: 'var(--bg-raised)',
    border: '2px solid var(--border)',
    borderRadius: 6,
    color: 'var(--text)',
    fontSize: 18,
  },
  labelStyle: { color: 'var(--text)', fontWeight: 700 },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'rgba(255, 255, 255, 0.06)' },
} as const;

interface PeriodChartProps {
  readonly rows: ReadonlyArray<PeriodRow>;
  readonly scale: ChartScale;
  /** "day" or "week", for titles: "Incidents opened per day". */
  readonly bucket: string;
}

/** Incidents opened per period, stacked by severity (worst at the bottom). */
export function OpenedChart({ rows, scale, bucket }: PeriodChartProps) {
  const patterns = `opened${useId()}`;
  return (
    <ChartFigure
      title={`Incidents opened per ${bucket}`}
      testId="statistics-opened"
      legend={<SeverityLegend prefix={patterns} />}
      table={{
        columns: ['Period', ...SEVERITY_ORDER.map((severity) => SEVERITY_LABEL[severity]), 'Total'],
        rows: rows.map((row) => ({
          key: String(row.start),
          cells: [row.name, ...SEVERITY_ORDER.map((severity) => String(row[severity])), String(row.opened)],
        })),
      }}
    >
      <ChartPlot>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <BarChart data={[...rows]} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis {...periodAxis(scale)} />
            <YAxis allowDecimals={false} tick={tickStyle(scale)} stroke={AXIS} width={scale.tick * 3} />
            <Tooltip {...TOOLTIP_PROPS} />
            {SEVERITY_ORDER.map((severity) => (
              <Bar
                key={severity}
                dataKey={severity}
                name={SEVERITY_LABEL[severity]}
                stackId="opened"
                // A pattern as well as a colour (SeverityPatterns), and a seam between the stack's
                // parts, so SEV1 and SEV2 are told apart without seeing red from orange.
                fill={severityFill(patterns, severity)}
                stroke="var(--bg-raised)"
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartPlot>
    </ChartFigure>
  );
}

interface DurationChartProps extends PeriodChartProps {
  readonly kind: 'tta' | 'ttr';
}

const DURATIONS = {
  tta: {
    title: 'Time to acknowledge',
    counted: 'Acknowledged',
    none: 'No incident opened in this range was acknowledged by a person.',
    testId: 'statistics-tta',
    p50: 'ttaP50',
    p90: 'ttaP90',
    count: 'ttaCount',
  },
  ttr: {
    title: 'Time to resolve',
    counted: 'Resolved',
    none: 'No incident opened in this range has been resolved.',
    testId: 'statistics-ttr',
    p50: 'ttrP50',
    p90: 'ttrP90',
    count: 'ttrCount',
  },
} as const;

/** Median (solid) and 90th percentile (dashed) per period; periods with none leave a gap. */
export function DurationChart({ rows, scale, kind, bucket }: DurationChartProps) {
  const text = DURATIONS[kind];
  const keys = text;
  const ticks = durationTicks(longestDuration(rows, kind));
  const counted = rows.some((row) => row[keys.count] > 0);
  return (
    <ChartFigure
      title={`${text.title} per ${bucket}`}
      testId={text.testId}
      legend={
        counted ? (
          <ul className="statistics-legend" aria-hidden="true">
            <li className="statistics-legend__line statistics-legend__line--p50">median</li>
            <li className="statistics-legend__line statistics-legend__line--p90">90th percentile</li>
          </ul>
        ) : null
      }
      table={{
        columns: ['Period', 'Median', '90th percentile', text.counted],
        rows: rows.map((row) => ({
          key: String(row.start),
          cells: [
            row.name,
            formatFigure(row[keys.p50]),
            formatFigure(row[keys.p90]),
            String(row[keys.count]),
          ],
        })),
      }}
    >
      {counted ? (
        <ChartPlot>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
            <LineChart data={[...rows]} margin={MARGIN} accessibilityLayer={false}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis {...periodAxis(scale)} padding={{ left: 16, right: 16 }} />
              <YAxis
                tick={tickStyle(scale)}
                stroke={AXIS}
                ticks={[...ticks]}
                domain={[0, ticks[ticks.length - 1] ?? 0]}
                tickFormatter={formatDurationTick}
                width={scale.tick * 5}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(value) => formatFigure(typeof value === 'number' ? value : null)}
              />
              <Line
                dataKey={keys.p90}
                name="90th percentile"
                stroke="var(--chart-p90)"
                strokeWidth={scale.stroke}
                strokeDasharray="10 6"
                dot={{
                  r: scale.dot + 3,
                  fill: 'var(--bg-raised)',
                  stroke: 'var(--chart-p90)',
                  strokeWidth: 3,
                }}
                connectNulls={false}
                isAnimationActive={false}
              />
              <Line
                dataKey={keys.p50}
                name="median"
                stroke="var(--chart-p50)"
                strokeWidth={scale.stroke}
                dot={{ r: scale.dot, fill: 'var(--chart-p50)' }}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </ChartPlot>
      ) : (
        <ChartEmpty>{text.none}</ChartEmpty>
      )}
    </ChartFigure>
  );
}

interface ServiceTickProps {
  /** Given by recharts when it clones the tick for each service. */
  readonly x?: number | string;
  readonly y?: number | string;
  readonly payload?: { readonly value?: unknown };
  readonly fontSize: number;
  readonly chars: number;
}

/** A service name on the axis: text only (it comes from alerts), cut short, whole in its title. */
function ServiceTick({ x, y, payload, fontSize, chars }: ServiceTickProps) {
  // Hidden characters shown, as everywhere alert text reaches the screen.
  const name = revealHidden(String(payload?.value ?? ''));
  return (
    <text x={x} y={y} dx={-8} dy="0.35em" textAnchor="end" fill="var(--text)" fontSize={fontSize}>
      <title>{name}</title>
      {truncateText(name, chars)}
    </text>
  );
}

interface ServicesChartProps {
  readonly rows: ReadonlyArray<ServiceCount>;
  /** Services left out of the chart. */
  readonly more: number;
  readonly scale: ChartScale;
}

/** Incidents per service, most first, as horizontal bars. */
export function ServicesChart({ rows, more, scale }: ServicesChartProps) {
  const rowHeight = scale.tick * 2.2;
  return (
    <ChartFigure
      title="Incidents by service"
      note={more > 0 ? `top ${rows.length}, ${more} more not shown` : undefined}
      testId="statistics-services"
      table={{
        columns: ['Service', 'Incidents', 'Alerts'],
        rows: rows.map((row) => ({
          key: row.service,
          cells: [row.service, String(row.incidents), String(row.alerts)],
        })),
      }}
    >
      <ChartPlot height={Math.round(rows.length * rowHeight + scale.tick * 3)}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <BarChart data={[...rows]} layout="vertical" margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={tickStyle(scale)} stroke={AXIS} />
            <YAxis
              type="category"
              dataKey="service"
              tick={<ServiceTick fontSize={scale.tick} chars={scale.nameChars} />}
              stroke={AXIS}
              width={scale.nameWidth}
              interval={0}
            />
            <Tooltip {...TOOLTIP_PROPS} />
            <Bar dataKey="incidents" name="Incidents" fill="var(--chart-bar)" isAnimationActive={false}>
              <LabelList dataKey="incidents" position="right" fill="var(--text)" fontSize={scale.tick} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartPlot>
    </ChartFigure>
  );
}

interface HistogramChartProps {
  readonly title: string;
  /** What the bars count, for the table's first column: "Escalation levels paged". */
  readonly valueName: string;
  readonly rows: ReadonlyArray<HistogramRow>;
  readonly mean: number | null;
  readonly scale: ChartScale;
  readonly testId: string;
}

/** How many incidents had n of something, with the count on each bar. */
export function HistogramChart({ title, valueName, rows, mean, scale, testId }: HistogramChartProps) {
  return (
    <ChartFigure
      title={title}
      note={formatMean(mean)}
      testId={testId}
      table={{
        columns: [valueName, 'Incidents'],
        rows: rows.map((row) => ({ key: row.label, cells: [row.label, String(row.incidents)] })),
      }}
    >
      <ChartPlot>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <BarChart data={[...rows]} margin={{ ...MARGIN, top: scale.tick + 12 }} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" tick={tickStyle(scale)} stroke={AXIS} interval={0} />
            <YAxis allowDecimals={false} tick={tickStyle(scale)} stroke={AXIS} width={scale.tick * 3} />
            <Tooltip {...TOOLTIP_PROPS} />
            <Bar
              dataKey="incidents"
              name="Incidents"
              fill="var(--chart-bar)"
              maxBarSize={scale.tick * 6}
              isAnimationActive={false}
            >
              <LabelList dataKey="incidents" position="top" fill="var(--text)" fontSize={scale.tick} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartPlot>
    </ChartFigure>
  );
}

/** The time axis of the per-period charts: period labels, the first and last always shown. */
function periodAxis(scale: ChartScale) {
  return {
    dataKey: 'label',
    tick: tickStyle(scale),
    stroke: AXIS,
    interval: 'preserveStartEnd',
    minTickGap: 12,
  } as const;
}
