import type { Severity } from '../domain';

// The shape of the statistics the hub computes from its event log (GET /api/v1/statistics) and the
// console charts. Durations are milliseconds; instants are epoch ms (UTC). Percentiles of empty
// sets are null, never 0: "no incident was acknowledged" is not "acknowledged instantly".

export const STATISTICS_BUCKETS = ['day', 'week'] as const;
export type StatisticsBucket = (typeof STATISTICS_BUCKETS)[number];

/** What a report covers: incidents opened in [from, to), bucketed by day or ISO week in `timeZone`. */
export interface StatisticsQuery {
  readonly from: number;
  readonly to: number;
  readonly bucket: StatisticsBucket;
  /** IANA zone that decides where a day or week starts, e.g. "UTC" or "Europe/Berlin". */
  readonly timeZone: string;
}

/** Median, 90th percentile and count of a set of durations. */
export interface DurationSummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly mean: number | null;
}

/** One day or week of the range. */
export interface StatisticsPeriod {
  /** Start of the period (local midnight in the query's zone, Monday for weeks). */
  readonly start: number;
  /** Incidents opened in this period, by severity at the end of their life. */
  readonly opened: Readonly<Record<Severity, number>>;
  /** Time to acknowledge of incidents opened in the period (only those a person acknowledged). */
  readonly timeToAcknowledge: DurationSummary;
  /** Time to resolve of incidents opened in the period that are resolved. */
  readonly timeToResolve: DurationSummary;
}

/** A service and how much it contributed in the range. */
export interface ServiceCount {
  readonly service: string;
  readonly incidents: number;
  readonly alerts: number;
}

/**
 * How many incidents had n of something (n = value). Only the values some incident had are listed,
 * ascending: a view that wants a bar for every n fills the gaps itself.
 */
export interface Histogram {
  readonly buckets: ReadonlyArray<{ readonly value: number; readonly incidents: number }>;
  readonly mean: number | null;
}

export interface StatisticsReport {
  readonly query: StatisticsQuery;
  /** When the hub computed it. */
  readonly generatedAt: number;
  readonly totals: {
    readonly incidents: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
    readonly alerts: number;
    readonly acknowledged: number;
    readonly resolved: number;
    /** Incidents merged into another: counted once, in the incident they were merged into. */
    readonly merged: number;
    readonly timeToAcknowledge: DurationSummary;
    readonly timeToResolve: DurationSummary;
  };
  /** Every day or week of the range, oldest first, including empty ones. */
  readonly periods: ReadonlyArray<StatisticsPeriod>;
  /** Services by incidents they were part of, then alerts; most first. */
  readonly byService: ReadonlyArray<ServiceCount>;
  /** Services by alerts fired, most first, at most 10: where the noise comes from. */
  readonly noisiestServices: ReadonlyArray<ServiceCount>;
  /** Escalation levels paged per incident (0 = none). */
  readonly escalationsPerIncident: Histogram;
  /** Alerts grouped into each incident. */
  readonly alertsPerIncident: Histogram;
}
