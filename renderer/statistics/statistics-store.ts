import { create } from 'zustand';
import type { SitroomApi } from '../../shared/api';
import type { StatisticsBucket, StatisticsQuery, StatisticsReport } from '../../shared/metrics/report';
import { statisticsFailure } from './statistics-failure';
import { DEFAULT_RANGE, type RangeChoice } from './statistics-range';

// What the statistics view shows and what it asked for. It lives outside the view so that
// leaving and coming back (or a wall display rotating through its views) keeps the chosen range
// and the last good report: a failed refresh never blanks the charts.

export interface StatisticsStore {
  /** The range the operator chose. */
  readonly choice: RangeChoice;
  /** The operator's bucket, or null for the range's default (day up to 30 days, else week). */
  readonly bucket: StatisticsBucket | null;
  /** The zone days and weeks start in; null for the console's own. */
  readonly timeZone: string | null;
  /** The last report the hub gave, whatever range it was for (it carries its own query). */
  readonly report: StatisticsReport | null;
  /** What the newest request asked for. */
  readonly requested: StatisticsQuery | null;
  readonly loading: boolean;
  /** Why the newest request failed, in words; null once one succeeds. */
  readonly failure: string | null;
}

export const useStatisticsStore = create<StatisticsStore>()(() => ({
  choice: DEFAULT_RANGE,
  bucket: null,
  timeZone: null,
  report: null,
  requested: null,
  loading: false,
  failure: null,
}));

let newest = 0;

/**
 * Asks the hub for a report. Only the newest request's answer is shown: choosing 7 days then 30
 * quickly must not end on the 7-day answer because it happened to arrive last.
 */
export async function loadStatistics(api: SitroomApi, query: StatisticsQuery, live: boolean): Promise<void> {
  const id = ++newest;
  useStatisticsStore.setState({ loading: true, requested: query });
  try {
    const report = await api.statistics(query);
    if (id !== newest) return;
    useStatisticsStore.setState({ report, loading: false, failure: null });
  } catch (error) {
    if (id !== newest) return;
    useStatisticsStore.setState({ loading: false, failure: statisticsFailure(error, live) });
  }
}

/** Picks a range; the bucket goes back to the range's default. The range already shown changes nothing. */
export function chooseRange(choice: RangeChoice): void {
  if (sameChoice(useStatisticsStore.getState().choice, choice)) return;
  useStatisticsStore.setState({ choice, bucket: null });
}

function sameChoice(a: RangeChoice, b: RangeChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How old a report may be and still be shown again without asking (a wall rotating back to it). */
export const FRESH_REPORT_MS = 60_000;

/** True when the last report answers this query's range, bucket and zone and is recent. */
export function hasFreshReport(query: StatisticsQuery, now: number): boolean {
  const { report, failure } = useStatisticsStore.getState();
  if (!report || failure !== null) return false;
  const shown = report.query;
  return (
    shown.bucket === query.bucket &&
    shown.timeZone === query.timeZone &&
    shown.to - shown.from === query.to - query.from &&
    now - report.generatedAt < FRESH_REPORT_MS
  );
}

export function chooseBucket(bucket: StatisticsBucket): void {
  useStatisticsStore.setState({ bucket });
}

export function chooseTimeZone(timeZone: string | null): void {
  useStatisticsStore.setState({ timeZone });
}
