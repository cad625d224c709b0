import type { Severity } from '../../../../shared/domain';
import type { DurationSummary, StatisticsPeriod, StatisticsReport } from '../../../../shared/metrics/report';

// A small report as the hub would send it: two days in Berlin, three incidents.

export const MONDAY = Date.parse('2026-01-04T23:00:00Z');
const DAY = 86_400_000;

const none: DurationSummary = { count: 0, p50: null, p90: null, mean: null };
const opened = (counts: Partial<Record<Severity, number>>): Record<Severity, number> => ({
  sev1: 0,
  sev2: 0,
  sev3: 0,
  sev4: 0,
  ...counts,
});

const periods: ReadonlyArray<StatisticsPeriod> = [
  {
    start: MONDAY,
    opened: opened({ sev1: 1, sev3: 1 }),
    timeToAcknowledge: { count: 2, p50: 60_000, p90: 120_000, mean: 90_000 },
    timeToResolve: { count: 1, p50: 3_600_000, p90: 3_600_000, mean: 3_600_000 },
  },
  { start: MONDAY + DAY, opened: opened({}), timeToAcknowledge: none, timeToResolve: none },
];

export function sampleReport(overrides: Partial<StatisticsReport> = {}): StatisticsReport {
  return {
    query: { from: MONDAY, to: MONDAY + 2 * DAY, bucket: 'day', timeZone: 'Europe/Berlin' },
    generatedAt: MONDAY + 2 * DAY,
    totals: {
      incidents: 3,
      bySeverity: opened({ sev1: 1, sev2: 1, sev3: 1 }),
      alerts: 7,
      acknowledged: 2,
      resolved: 1,
      merged: 0,
      timeToAcknowledge: { count: 2, p50: 60_000, p90: 120_000, mean: 90_000 },
      timeToResolve: { count: 1, p50: 3_600_000, p90: 3_600_000, mean: 3_600_000 },
    },
    periods,
    byService: [
      { service: 'payments-db', incidents: 2, alerts: 5 },
      { service: 'checkout', incidents: 1, alerts: 2 },
    ],
    noisiestServices: [
      { service: 'payments-db', incidents: 2, alerts: 5 },
      { service: 'checkout', incidents: 1, alerts: 2 },
    ],
    escalationsPerIncident: {
      buckets: [
        { value: 0, incidents: 2 },
        { value: 2, incidents: 1 },
      ],
      mean: 2 / 3,
    },
    alertsPerIncident: {
      buckets: [
        { value: 1, incidents: 1 },
        { value: 3, incidents: 2 },
      ],
      mean: 7 / 3,
    },
    ...overrides,
  };
}
