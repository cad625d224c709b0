import { beforeEach, describe, expect, it } from 'vitest';
import {
  chooseRange,
  FRESH_REPORT_MS,
  hasFreshReport,
  loadStatistics,
  useStatisticsStore,
} from '../../../../renderer/statistics/statistics-store';
import type { StatisticsQuery, StatisticsReport } from '../../../../shared/metrics/report';
import { unusedApi } from '../fake-api';
import { sampleReport } from './statistics-report-fixture';

const query = (from: number): StatisticsQuery => ({ from, to: from + 1, bucket: 'day', timeZone: 'UTC' });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('loading statistics', () => {
  beforeEach(() => {
    useStatisticsStore.setState({ report: null, requested: null, loading: false, failure: null });
  });

  it("shows only the newest request's answer", async () => {
    const answers = [deferred<StatisticsReport>(), deferred<StatisticsReport>()];
    let call = 0;
    const api = unusedApi({ statistics: () => (answers[call++] as (typeof answers)[number]).promise });
    const first = loadStatistics(api, query(1), true);
    const second = loadStatistics(api, query(2), true);
    const newer = sampleReport({ generatedAt: 2 });
    answers[1]?.resolve(newer);
    await second;
    answers[0]?.resolve(sampleReport({ generatedAt: 1 }));
    await first;
    expect(useStatisticsStore.getState()).toMatchObject({ report: newer, loading: false, failure: null });
  });

  it('keeps the last good report when a refresh fails, and says why', async () => {
    const good = sampleReport();
    await loadStatistics(unusedApi({ statistics: async () => good }), query(1), true);
    await loadStatistics(
      unusedApi({ statistics: () => Promise.reject(new TypeError('Failed to fetch')) }),
      query(2),
      false,
    );
    expect(useStatisticsStore.getState()).toMatchObject({
      report: good,
      requested: query(2),
      loading: false,
      failure: 'The hub cannot be reached: this console is offline.',
    });
  });
});

describe('what the store keeps between visits', () => {
  beforeEach(() => {
    useStatisticsStore.setState({
      choice: { kind: 'preset', preset: '7d' },
      bucket: null,
      report: null,
      failure: null,
    });
  });

  it('shows a report of the same range from the last minute again without asking (a wall rotating back)', () => {
    const week = { from: 0, to: 7 * 86_400_000, bucket: 'day', timeZone: 'UTC' } as const;
    useStatisticsStore.setState({ report: sampleReport({ query: week, generatedAt: 1_000 }) });
    const laterWeek = { ...week, from: 30_000, to: week.to + 30_000 };
    expect(hasFreshReport(laterWeek, 1_000 + FRESH_REPORT_MS - 1)).toBe(true);
    expect(hasFreshReport(laterWeek, 1_000 + FRESH_REPORT_MS)).toBe(false);
    expect(hasFreshReport({ ...laterWeek, bucket: 'week' }, 2_000)).toBe(false);
    expect(hasFreshReport({ ...laterWeek, timeZone: 'Europe/Berlin' }, 2_000)).toBe(false);
    useStatisticsStore.setState({ failure: 'The hub cannot be reached.' });
    expect(hasFreshReport(laterWeek, 2_000)).toBe(false);
  });

  it('choosing the range already shown keeps the bucket the operator chose', () => {
    useStatisticsStore.setState({ choice: { kind: 'preset', preset: '90d' }, bucket: 'day' });
    chooseRange({ kind: 'preset', preset: '90d' });
    expect(useStatisticsStore.getState().bucket).toBe('day');
    chooseRange({ kind: 'preset', preset: '30d' });
    expect(useStatisticsStore.getState().bucket).toBeNull();
  });
});
