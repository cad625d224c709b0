import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../shared/export/time-range';
import { TooManyPeriodsError } from '../../../shared/metrics/periods';
import type { StatisticsQuery } from '../../../shared/metrics/report';
import { StatisticsBuilder } from '../../../shared/metrics/statistics-builder';
import { statisticsReport } from '../../../shared/metrics/statistics-report';
import { HOUR, MINUTE, TimelineLog, user } from './timeline-log';

// Reports over hand-worked timelines; every expected figure is worked out in the comments.

const SECOND = 1000;
const MON = Date.UTC(2026, 10, 23); // Monday 2026-11-23 00:00Z
const DAY = 24 * HOUR;
const GENERATED = Date.UTC(2026, 10, 30);
const db = (fingerprint: string) => ({ fingerprint, service: 'payments-db' });
const api = (fingerprint: string) => ({ fingerprint, service: 'payments-api' });

/**
 * Three days in UTC, [Mon 00:00, Thu 00:00):
 *
 *   INC-7  Sun 23:59   opened before the range                                   → not counted
 *   INC-1  Mon 01:00   sev1, payments-db a1 a2; paged L1; alice acks +4m; resolved +60m
 *                      → TTA 240 s, TTR 3600 s, 2 alerts, 1 page
 *   INC-2  Mon 10:00   sev2, payments-api b1; paged L1, L2; integration acks +1m (not a person),
 *                      dana acks +10m; resolved +2h            → TTA 600 s, TTR 7200 s, 1 alert, 2 pages
 *   INC-3  Mon 12:00   sev3, checkout c1; nobody acks; alerts clear, hub resolves +30m
 *                      → no TTA, TTR 1800 s, 1 alert, 0 pages
 *   INC-4  Tue 08:00   sev2, payments-db d1 + payments-api d2; paged L1, L2, L1 again; bob acks +2m;
 *                      resolved +20m, reopened +40m, resolved +90m
 *                      → TTA 120 s, TTR 5400 s (the last resolution), 3 pages
 *   INC-5  Tue 09:00   sev3, payments-db e1; merged into INC-4 at +10m
 *                      → counted in totals.merged only; INC-4 takes e1: 3 alerts (payments-db 2, api 1)
 *   INC-6  Wed 23:30   opened sev2, lowered to sev4 by dana; search f1; open at report time
 *                      → sev4, no TTA, no TTR, 1 alert, 0 pages
 *   INC-8  Thu 00:00   opened exactly at `to`                                      → not counted
 */
function threeDays(): TimelineLog {
  return new TimelineLog()
    .open('INC-7', MON - MINUTE, 'sev1', [db('z1')])
    .open('INC-1', MON + HOUR, 'sev1', [db('a1'), db('a2')])
    .page('INC-1', MON + HOUR, 1)
    .acknowledge('INC-1', MON + HOUR + 4 * MINUTE, user('alice'))
    .resolve('INC-1', MON + 2 * HOUR)
    .open('INC-2', MON + 10 * HOUR, 'sev2', [api('b1')])
    .page('INC-2', MON + 10 * HOUR, 1)
    .acknowledge('INC-2', MON + 10 * HOUR + MINUTE, { kind: 'integration', id: 'zabbix' })
    .page('INC-2', MON + 10 * HOUR + 5 * MINUTE, 2)
    .acknowledge('INC-2', MON + 10 * HOUR + 10 * MINUTE, user('dana'))
    .resolve('INC-2', MON + 12 * HOUR)
    .open('INC-3', MON + 12 * HOUR, 'sev3', [{ fingerprint: 'c1', service: 'checkout' }])
    .autoResolve('INC-3', MON + 12 * HOUR + 30 * MINUTE)
    .open('INC-4', MON + DAY + 8 * HOUR, 'sev2', [db('d1'), api('d2')])
    .page('INC-4', MON + DAY + 8 * HOUR, 1)
    .acknowledge('INC-4', MON + DAY + 8 * HOUR + 2 * MINUTE, user('bob'))
    .page('INC-4', MON + DAY + 8 * HOUR + 5 * MINUTE, 2)
    .page('INC-4', MON + DAY + 8 * HOUR + 15 * MINUTE, 1, 1)
    .resolve('INC-4', MON + DAY + 8 * HOUR + 20 * MINUTE)
    .reopen('INC-4', MON + DAY + 8 * HOUR + 40 * MINUTE)
    .open('INC-5', MON + DAY + 9 * HOUR, 'sev3', [db('e1')])
    .merge('INC-5', 'INC-4', MON + DAY + 9 * HOUR + 10 * MINUTE)
    .resolve('INC-4', MON + DAY + 9 * HOUR + 30 * MINUTE)
    .open('INC-6', MON + 2 * DAY + 23 * HOUR + 30 * MINUTE, 'sev2', [
      { fingerprint: 'f1', service: 'search' },
    ])
    .setSeverity('INC-6', MON + 2 * DAY + 23 * HOUR + 40 * MINUTE, 'sev4', 'sev2')
    .open('INC-8', MON + 3 * DAY, 'sev1', [db('y1')]);
}

const UTC_DAYS: StatisticsQuery = { from: MON, to: MON + 3 * DAY, bucket: 'day', timeZone: 'UTC' };
const nothing = { count: 0, p50: null, p90: null, mean: null };

describe('a report over three hand-worked days', () => {
  const report = statisticsReport(threeDays().allFacts(), UTC_DAYS, GENERATED);

  it('counts the incidents opened in [from, to), each merged one only as merged', () => {
    // INC-1, 2, 3, 4, 6 (INC-5 merged; INC-7 before, INC-8 at `to`). Alerts 2 + 1 + 1 + 3 + 1 = 8.
    expect(report.query).toEqual(UTC_DAYS);
    expect(report.generatedAt).toBe(GENERATED);
    expect(report.totals).toMatchObject({
      incidents: 5,
      bySeverity: { sev1: 1, sev2: 2, sev3: 1, sev4: 1 },
      alerts: 8,
      acknowledged: 3,
      resolved: 4,
      merged: 1,
    });
  });

  it('gives time to acknowledge over people’s acknowledgements only', () => {
    // [120, 240, 600] s: p50 rank ⌈1.5⌉ = 2 → 240 s; p90 rank ⌈2.7⌉ = 3 → 600 s; mean 960/3 = 320 s.
    expect(report.totals.timeToAcknowledge).toEqual({
      count: 3,
      p50: 240 * SECOND,
      p90: 600 * SECOND,
      mean: 320 * SECOND,
    });
  });

  it('gives time to resolve over resolved incidents, the last resolution after a reopen', () => {
    // [1800, 3600, 5400, 7200] s: p50 rank 2 → 3600 s; p90 rank ⌈3.6⌉ = 4 → 7200 s; mean 18000/4 = 4500 s.
    expect(report.totals.timeToResolve).toEqual({
      count: 4,
      p50: 3600 * SECOND,
      p90: 7200 * SECOND,
      mean: 4500 * SECOND,
    });
  });

  it('splits the figures by the day each incident opened', () => {
    // Mon: INC-1 sev1, INC-2 sev2, INC-3 sev3. TTA [240, 600]: p50 240, p90 rank ⌈1.8⌉ = 2 → 600,
    //      mean 420. TTR [1800, 3600, 7200]: p50 3600, p90 7200, mean 12600/3 = 4200.
    // Tue: INC-4 sev2; TTA 120, TTR 5400.  Wed: INC-6 sev4, neither acknowledged nor resolved.
    expect(report.periods).toEqual([
      {
        start: MON,
        opened: { sev1: 1, sev2: 1, sev3: 1, sev4: 0 },
        timeToAcknowledge: { count: 2, p50: 240 * SECOND, p90: 600 * SECOND, mean: 420 * SECOND },
        timeToResolve: { count: 3, p50: 3600 * SECOND, p90: 7200 * SECOND, mean: 4200 * SECOND },
      },
      {
        start: MON + DAY,
        opened: { sev1: 0, sev2: 1, sev3: 0, sev4: 0 },
        timeToAcknowledge: { count: 1, p50: 120 * SECOND, p90: 120 * SECOND, mean: 120 * SECOND },
        timeToResolve: { count: 1, p50: 5400 * SECOND, p90: 5400 * SECOND, mean: 5400 * SECOND },
      },
      {
        start: MON + 2 * DAY,
        opened: { sev1: 0, sev2: 0, sev3: 0, sev4: 1 },
        timeToAcknowledge: nothing,
        timeToResolve: nothing,
      },
    ]);
  });

  it('ranks services by incidents then alerts, and the noisiest by alerts, ties by name', () => {
    // payments-db: INC-1 (a1 a2), INC-4 (d1, e1 taken from INC-5) → 2 incidents, 4 alerts
    // payments-api: INC-2 (b1), INC-4 (d2) → 2, 2.  checkout 1, 1 and search 1, 1 tie: by name.
    const ranked = [
      { service: 'payments-db', incidents: 2, alerts: 4 },
      { service: 'payments-api', incidents: 2, alerts: 2 },
      { service: 'checkout', incidents: 1, alerts: 1 },
      { service: 'search', incidents: 1, alerts: 1 },
    ];
    expect(report.byService).toEqual(ranked);
    expect(report.noisiestServices).toEqual(ranked);
  });

  it('gives the escalations and alerts per incident as histograms', () => {
    // Pages: INC-1 1, INC-2 2, INC-3 0, INC-4 3, INC-6 0 → 0:2, 1:1, 2:1, 3:1; mean 6/5.
    expect(report.escalationsPerIncident).toEqual({
      buckets: [
        { value: 0, incidents: 2 },
        { value: 1, incidents: 1 },
        { value: 2, incidents: 1 },
        { value: 3, incidents: 1 },
      ],
      mean: 1.2,
    });
    // Alerts: 2, 1, 1, 3, 1 → 1:3, 2:1, 3:1; mean 8/5.
    expect(report.alertsPerIncident).toEqual({
      buckets: [
        { value: 1, incidents: 3 },
        { value: 2, incidents: 1 },
        { value: 3, incidents: 1 },
      ],
      mean: 1.6,
    });
  });

  it('is the same whether incidents arrive one at a time or all at once, in any order', () => {
    const builder = new StatisticsBuilder(UTC_DAYS);
    for (const facts of threeDays().allFacts().reverse()) builder.add(facts);
    expect(builder.report(GENERATED)).toEqual(report);
  });
});

describe('a report in Berlin across the spring clock change', () => {
  const berlin = (text: string): number => parseInstant(text, 'Europe/Berlin') ?? Number.NaN;
  //   INC-1  Sat 2026-03-28 12:00 +01:00                      → Saturday
  //   INC-2  Sun 2026-03-29 00:30 +01:00 (Sat 23:30Z)         → Sunday, though Saturday in UTC
  //   INC-3  Sun 2026-03-29 23:30 +02:00 (Sun 21:30Z)         → Sunday
  //   INC-4  Mon 2026-03-30 00:30 +02:00 (Sun 22:30Z)         → Monday, though Sunday in UTC
  const log = new TimelineLog()
    .open('INC-1', berlin('2026-03-28T12:00'), 'sev1', [])
    .open('INC-2', berlin('2026-03-29T00:30'), 'sev2', [])
    .open('INC-3', berlin('2026-03-29T23:30'), 'sev2', [])
    .open('INC-4', berlin('2026-03-30T00:30'), 'sev3', []);

  it('counts each incident on its Berlin day; Sunday is 23 hours long', () => {
    const query: StatisticsQuery = {
      from: berlin('2026-03-28'),
      to: berlin('2026-03-31'),
      bucket: 'day',
      timeZone: 'Europe/Berlin',
    };
    const report = statisticsReport(log.allFacts(), query, GENERATED);
    expect(report.periods.map((period) => [new Date(period.start).toISOString(), period.opened])).toEqual([
      ['2026-03-27T23:00:00.000Z', { sev1: 1, sev2: 0, sev3: 0, sev4: 0 }],
      ['2026-03-28T23:00:00.000Z', { sev1: 0, sev2: 2, sev3: 0, sev4: 0 }],
      ['2026-03-29T22:00:00.000Z', { sev1: 0, sev2: 0, sev3: 1, sev4: 0 }],
    ]);
  });

  it('counts each incident in its Monday-to-Sunday week', () => {
    // From Wednesday the 18th: weeks of Mon 16th (nothing), Mon 23rd (INC-1, 2, 3), Mon 30th (INC-4).
    const query: StatisticsQuery = {
      from: berlin('2026-03-18'),
      to: berlin('2026-04-01'),
      bucket: 'week',
      timeZone: 'europe/berlin',
    };
    const report = statisticsReport(log.allFacts(), query, GENERATED);
    expect(report.query.timeZone).toBe('Europe/Berlin');
    expect(report.periods.map((period) => [new Date(period.start).toISOString(), period.opened])).toEqual([
      ['2026-03-15T23:00:00.000Z', { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }],
      ['2026-03-22T23:00:00.000Z', { sev1: 1, sev2: 2, sev3: 0, sev4: 0 }],
      ['2026-03-29T22:00:00.000Z', { sev1: 0, sev2: 0, sev3: 1, sev4: 0 }],
    ]);
  });
});

describe('a report with nothing in its range', () => {
  it('has every period with zeros and every figure null or empty', () => {
    const report = statisticsReport(
      threeDays().allFacts(),
      { ...UTC_DAYS, from: MON - 7 * DAY, to: MON - 5 * DAY },
      0,
    );
    const zero = { sev1: 0, sev2: 0, sev3: 0, sev4: 0 };
    expect(report).toEqual({
      query: { ...UTC_DAYS, from: MON - 7 * DAY, to: MON - 5 * DAY },
      generatedAt: 0,
      totals: {
        incidents: 0,
        bySeverity: zero,
        alerts: 0,
        acknowledged: 0,
        resolved: 0,
        merged: 0,
        timeToAcknowledge: nothing,
        timeToResolve: nothing,
      },
      periods: [
        { start: MON - 7 * DAY, opened: zero, timeToAcknowledge: nothing, timeToResolve: nothing },
        { start: MON - 6 * DAY, opened: zero, timeToAcknowledge: nothing, timeToResolve: nothing },
      ],
      byService: [],
      noisiestServices: [],
      escalationsPerIncident: { buckets: [], mean: null },
      alertsPerIncident: { buckets: [], mean: null },
    });
  });
});

describe('the noisiest services', () => {
  it('are at most ten, by alerts, then incidents, then name', () => {
    // s00…s11 fire 1 alert each in one incident; "loud-b" and "loud-a" 5 alerts in one incident
    // each, "loud-c" 5 alerts over two incidents: loud-c, loud-a, loud-b, then s00…s06 by name.
    const log = new TimelineLog();
    const at = MON + HOUR;
    log.open(
      'INC-1',
      at,
      'sev3',
      [0, 1, 2, 3, 4].map((i) => ({ fingerprint: `b${i}`, service: 'loud-b' })),
    );
    log.open(
      'INC-2',
      at,
      'sev3',
      [0, 1, 2, 3, 4].map((i) => ({ fingerprint: `a${i}`, service: 'loud-a' })),
    );
    log.open(
      'INC-3',
      at,
      'sev3',
      [0, 1, 2].map((i) => ({ fingerprint: `c${i}`, service: 'loud-c' })),
    );
    log.open(
      'INC-4',
      at,
      'sev3',
      [3, 4].map((i) => ({ fingerprint: `c${i}`, service: 'loud-c' })),
    );
    for (let i = 11; i >= 0; i--) {
      const service = `s${String(i).padStart(2, '0')}`;
      log.open(`INC-${10 + i}`, at, 'sev4', [{ fingerprint: service, service }]);
    }
    const report = statisticsReport(log.allFacts(), UTC_DAYS, GENERATED);
    expect(report.noisiestServices.map((count) => [count.service, count.alerts, count.incidents])).toEqual([
      ['loud-c', 5, 2],
      ['loud-a', 5, 1],
      ['loud-b', 5, 1],
      ['s00', 1, 1],
      ['s01', 1, 1],
      ['s02', 1, 1],
      ['s03', 1, 1],
      ['s04', 1, 1],
      ['s05', 1, 1],
      ['s06', 1, 1],
    ]);
    // By incidents first: loud-c (2) leads, then the 1-incident services by alerts, then name.
    expect(report.byService.slice(0, 4).map((count) => count.service)).toEqual([
      'loud-c',
      'loud-a',
      'loud-b',
      's00',
    ]);
    expect(report.byService).toHaveLength(15);
  });
});

describe('a bad query', () => {
  it('is refused when the builder is made', () => {
    expect(() => new StatisticsBuilder({ ...UTC_DAYS, to: MON - 1 })).toThrow(RangeError);
    expect(() => new StatisticsBuilder({ ...UTC_DAYS, timeZone: 'Mars/Olympus_Mons' })).toThrow(
      /Unknown time zone/,
    );
    expect(() => new StatisticsBuilder({ ...UTC_DAYS, from: 0 })).toThrow(TooManyPeriodsError);
  });
});
