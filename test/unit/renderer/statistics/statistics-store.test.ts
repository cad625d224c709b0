import { beforeEach, describe, expect, it } from 'vitest';
import { loadStatistics, useStatisticsStore } from '../../../../renderer/statistics/statistics-store';
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
