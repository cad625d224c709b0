import { SEVERITIES, type Severity } from '../../shared/domain';
import type { Histogram, ServiceCount, StatisticsReport } from '../../shared/metrics/report';
import { formatFigure, formatShare, NO_FIGURE, periodLabel, periodName } from './statistics-format';

// A report shaped for the charts and for the text tables beside them. Pure, so what a chart
// draws and what a screen reader hears come from the same rows.

/** One period on the time axis. Null durations stay null: recharts leaves a gap, not a zero. */
export interface PeriodRow {
  readonly start: number;
  /** Axis label ("Mon 5 Jan"). */
  readonly label: string;
  /** Table label ("Mon 5 Jan 2026", "Week of 5 Jan 2026"). */
  readonly name: string;
  readonly sev1: number;
  readonly sev2: number;
  readonly sev3: number;
  readonly sev4: number;
  readonly opened: number;
  readonly ttaP50: number | null;
  readonly ttaP90: number | null;
  readonly ttaCount: number;
  readonly ttrP50: number | null;
  readonly ttrP90: number | null;
  readonly ttrCount: number;
}

export function periodRows(report: StatisticsReport): ReadonlyArray<PeriodRow> {
  const { bucket, timeZone } = report.query;
  return report.periods.map((period) => ({
    start: period.start,
    label: periodLabel(period.start, bucket, timeZone),
    name: periodName(period.start, bucket, timeZone),
    sev1: period.opened.sev1,
    sev2: period.opened.sev2,
    sev3: period.opened.sev3,
    sev4: period.opened.sev4,
    opened: SEVERITIES.reduce((sum, severity) => sum + period.opened[severity], 0),
    ttaP50: period.timeToAcknowledge.p50,
    ttaP90: period.timeToAcknowledge.p90,
    ttaCount: period.timeToAcknowledge.count,
    ttrP50: period.timeToResolve.p50,
    ttrP90: period.timeToResolve.p90,
    ttrCount: period.timeToResolve.count,
  }));
}

/** The longest duration among the rows' p50/p90 of one kind, for the axis; 0 when none. */
export function longestDuration(rows: ReadonlyArray<PeriodRow>, kind: 'tta' | 'ttr'): number {
  let longest = 0;
  for (const row of rows) {
    const values = kind === 'tta' ? [row.ttaP50, row.ttaP90] : [row.ttrP50, row.ttrP90];
    for (const value of values) if (value !== null && value > longest) longest = value;
  }
  return longest;
}

/** The headline figures, as text. */
export interface Headline {
  readonly incidents: string;
  readonly medianTta: string;
  readonly p90Tta: string;
  readonly medianTtr: string;
  readonly p90Ttr: string;
  readonly acknowledgedShare: string;
  /** "2 of 3 acknowledged" */
  readonly acknowledgedOf: string;
  readonly resolvedOf: string;
  readonly alerts: string;
}

export function headline(report: StatisticsReport): Headline {
  const { totals } = report;
  return {
    incidents: String(totals.incidents),
    medianTta: formatFigure(totals.timeToAcknowledge.p50),
    p90Tta: formatFigure(totals.timeToAcknowledge.p90),
    medianTtr: formatFigure(totals.timeToResolve.p50),
    p90Ttr: formatFigure(totals.timeToResolve.p90),
    acknowledgedShare: formatShare(totals.acknowledged, totals.incidents),
    acknowledgedOf: `${totals.acknowledged} of ${totals.incidents} acknowledged`,
    resolvedOf: `${totals.resolved} of ${totals.incidents} resolved`,
    alerts: String(totals.alerts),
  };
}

/** The services with the most incidents, and how many more there are. */
export function topServices(
  services: ReadonlyArray<ServiceCount>,
  limit: number,
): { readonly rows: ReadonlyArray<ServiceCount>; readonly more: number } {
  return { rows: services.slice(0, limit), more: Math.max(0, services.length - limit) };
}

export interface HistogramRow {
  /** "0", "3", "10+" */
  readonly label: string;
  readonly incidents: number;
}

/**
 * Histogram bars from `first` to the largest value, with the values in between that no incident
 * had drawn as empty bars (a missing bar would shift the axis). Values from `cap` on share one
 * "cap+" bar so one monster incident does not squash the rest.
 */
export function histogramRows(histogram: Histogram, first: number, cap = 10): ReadonlyArray<HistogramRow> {
  if (histogram.buckets.length === 0) return [];
  const counts = new Map<number, number>();
  let tail = 0;
  let low = first;
  let high = first;
  for (const bucket of histogram.buckets) {
    if (bucket.value >= cap) {
      tail += bucket.incidents;
      continue;
    }
    counts.set(bucket.value, (counts.get(bucket.value) ?? 0) + bucket.incidents);
    low = Math.min(low, bucket.value);
    high = Math.max(high, bucket.value);
  }
  const rows: HistogramRow[] = [];
  const last = tail > 0 ? cap - 1 : high;
  for (let value = low; value <= last; value++) {
    rows.push({ label: String(value), incidents: counts.get(value) ?? 0 });
  }
  if (tail > 0) rows.push({ label: `${cap}+`, incidents: tail });
  return rows;
}

/** "1.5 on average", or NO_FIGURE. */
export function formatMean(mean: number | null): string {
  if (mean === null) return NO_FIGURE;
  return `${Number.isInteger(mean) ? mean : mean.toFixed(1)} on average`;
}

/** The severities a chart's legend lists, worst first. */
export const SEVERITY_ORDER: ReadonlyArray<Severity> = SEVERITIES;

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  sev1: 'SEV1',
  sev2: 'SEV2',
  sev3: 'SEV3',
  sev4: 'SEV4',
};
