import type { Severity } from '../domain';
import { resolveTimeZone } from '../export/time-format';
import { HistogramCounter } from './histogram';
import type { IncidentFacts } from './incident-facts';
import { summarizeDurations } from './percentiles';
import { periodIndex, periodStarts } from './periods';
import type { StatisticsPeriod, StatisticsQuery, StatisticsReport } from './report';
import { ServiceTally } from './service-tally';

// A report is built by feeding incidents one at a time, so the hub can stream months of log
// through it holding only durations and counters, never the events. The rules:
//   - An incident belongs to the report, and to a period, by when it was opened: [from, to).
//   - An incident merged into another counts only in `totals.merged`; its alerts were taken over by
//     the incident it went into, which counts them (if that one was opened in the range too).
//   - Time to acknowledge counts incidents a person acknowledged (see IncidentFacts.acknowledgedAt);
//     time to resolve counts incidents resolved now. Open incidents are in the counts, not in TTR.

interface PeriodTally {
  readonly start: number;
  readonly opened: Record<Severity, number>;
  readonly acknowledge: number[];
  readonly resolve: number[];
}

const noSeverities = (): Record<Severity, number> => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0 });

/** Accumulates incidents into a StatisticsReport. Throws for a bad query (see the constructor). */
export class StatisticsBuilder {
  readonly query: StatisticsQuery;
  private readonly starts: number[];
  private readonly periods: PeriodTally[];
  private readonly bySeverity = noSeverities();
  private readonly acknowledge: number[] = [];
  private readonly resolve: number[] = [];
  private readonly services = new ServiceTally();
  private readonly escalations = new HistogramCounter();
  private readonly alertCounts = new HistogramCounter();
  private incidents = 0;
  private alerts = 0;
  private merged = 0;

  /**
   * Throws UnknownTimeZoneError for a zone that is not IANA, TooManyPeriodsError for a range of
   * more than MAX_PERIODS days or weeks, and RangeError when `to` is before `from`.
   */
  constructor(query: StatisticsQuery) {
    if (query.to < query.from) throw new RangeError('to must not be before from.');
    this.query = { ...query, timeZone: resolveTimeZone(query.timeZone) };
    this.starts = periodStarts(query.from, query.to, query.bucket, this.query.timeZone);
    this.periods = this.starts.map((start) => ({
      start,
      opened: noSeverities(),
      acknowledge: [],
      resolve: [],
    }));
  }

  /** Counts one incident; one opened outside [from, to) is ignored. */
  add(facts: IncidentFacts): void {
    if (facts.openedAt < this.query.from || facts.openedAt >= this.query.to) return;
    if (facts.mergedInto !== null) {
      this.merged += 1;
      return;
    }
    const period = this.periods[periodIndex(this.starts, facts.openedAt)];
    this.incidents += 1;
    this.alerts += facts.alerts;
    this.bySeverity[facts.severity] += 1;
    if (period) period.opened[facts.severity] += 1;
    if (facts.acknowledgedAt !== null) {
      const tta = facts.acknowledgedAt - facts.openedAt;
      this.acknowledge.push(tta);
      period?.acknowledge.push(tta);
    }
    if (facts.resolvedAt !== null) {
      const ttr = facts.resolvedAt - facts.openedAt;
      this.resolve.push(ttr);
      period?.resolve.push(ttr);
    }
    this.services.add(facts);
    this.escalations.add(facts.escalationsPaged);
    this.alertCounts.add(facts.alerts);
  }

  /** The report over every incident added so far. */
  report(generatedAt: number): StatisticsReport {
    return {
      query: this.query,
      generatedAt,
      totals: {
        incidents: this.incidents,
        bySeverity: { ...this.bySeverity },
        alerts: this.alerts,
        acknowledged: this.acknowledge.length,
        resolved: this.resolve.length,
        merged: this.merged,
        timeToAcknowledge: summarizeDurations(this.acknowledge),
        timeToResolve: summarizeDurations(this.resolve),
      },
      periods: this.periods.map(
        (period): StatisticsPeriod => ({
          start: period.start,
          opened: { ...period.opened },
          timeToAcknowledge: summarizeDurations(period.acknowledge),
          timeToResolve: summarizeDurations(period.resolve),
        }),
      ),
      byService: this.services.byIncidents(),
      noisiestServices: this.services.noisiest(),
      escalationsPerIncident: this.escalations.histogram(),
      alertsPerIncident: this.alertCounts.histogram(),
    };
  }
}
