import { describe, expect, it } from 'vitest';
import {
  formatMean,
  headline,
  histogramRows,
  longestDuration,
  periodRows,
  topServices,
} from '../../../../renderer/statistics/statistics-charts';
import { NO_FIGURE } from '../../../../renderer/statistics/statistics-format';
import { MONDAY, sampleReport } from './statistics-report-fixture';

describe('period rows', () => {
  const rows = periodRows(sampleReport());

  it('label each period in the report zone and total its severities', () => {
    expect(rows.map((row) => [row.label, row.name, row.opened, row.sev1, row.sev3])).toEqual([
      ['Mon 5 Jan', 'Mon 5 Jan 2026', 2, 1, 1],
      ['Tue 6 Jan', 'Tue 6 Jan 2026', 0, 0, 0],
    ]);
    expect(rows[0]?.start).toBe(MONDAY);
  });

  it('keep missing durations as gaps, not zeros', () => {
    expect(rows.map((row) => [row.ttaP50, row.ttaP90, row.ttrP50])).toEqual([
      [60_000, 120_000, 3_600_000],
      [null, null, null],
    ]);
  });

  it('find the longest duration for the axis', () => {
    expect(longestDuration(rows, 'tta')).toBe(120_000);
    expect(longestDuration(rows, 'ttr')).toBe(3_600_000);
    expect(longestDuration([], 'tta')).toBe(0);
  });
});

describe('headline figures', () => {
  it('give counts, medians and the acknowledged share', () => {
    expect(headline(sampleReport())).toEqual({
      incidents: '3',
      medianTta: '1m 00s',
      p90Tta: '2m 00s',
      medianTtr: '1h 00m',
      p90Ttr: '1h 00m',
      acknowledgedShare: '67%',
      acknowledgedOf: '2 of 3 acknowledged',
      resolvedOf: '1 of 3 resolved',
      alerts: '7',
    });
  });

  it('show no figure where there is none, never a perfect 0s', () => {
    const report = sampleReport();
    const empty = headline({
      ...report,
      totals: {
        ...report.totals,
        incidents: 0,
        acknowledged: 0,
        timeToAcknowledge: { count: 0, p50: null, p90: null, mean: null },
        timeToResolve: { count: 0, p50: null, p90: null, mean: null },
      },
    });
    expect([empty.medianTta, empty.medianTtr, empty.acknowledgedShare]).toEqual([
      NO_FIGURE,
      NO_FIGURE,
      NO_FIGURE,
    ]);
  });
});

describe('histograms', () => {
  it('fill the values no incident had with empty bars', () => {
    expect(histogramRows(sampleReport().escalationsPerIncident, 0)).toEqual([
      { label: '0', incidents: 2 },
      { label: '1', incidents: 0 },
      { label: '2', incidents: 1 },
    ]);
    expect(histogramRows(sampleReport().alertsPerIncident, 1)).toEqual([
      { label: '1', incidents: 1 },
      { label: '2', incidents: 0 },
      { label: '3', incidents: 2 },
    ]);
  });

  it('put the long tail into one bar', () => {
    const rows = histogramRows(
      {
        buckets: [
          { value: 1, incidents: 4 },
          { value: 3, incidents: 1 },
          { value: 12, incidents: 1 },
          { value: 250, incidents: 2 },
        ],
        mean: 40,
      },
      1,
      5,
    );
    expect(rows).toEqual([
      { label: '1', incidents: 4 },
      { label: '2', incidents: 0 },
      { label: '3', incidents: 1 },
      { label: '4', incidents: 0 },
      { label: '5+', incidents: 3 },
    ]);
  });

  it('have no bars without incidents', () => {
    expect(histogramRows({ buckets: [], mean: null }, 0)).toEqual([]);
  });

  it('say the mean in words', () => {
    expect(formatMean(7 / 3)).toBe('2.3 on average');
    expect(formatMean(2)).toBe('2 on average');
    expect(formatMean(null)).toBe(NO_FIGURE);
  });
});

describe('top services', () => {
  it('keep the first n and count the rest', () => {
    const services = sampleReport().byService;
    expect(topServices(services, 1)).toEqual({ rows: [services[0]], more: 1 });
    expect(topServices(services, 8)).toEqual({ rows: services, more: 0 });
  });
});
