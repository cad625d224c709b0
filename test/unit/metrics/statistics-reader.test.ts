import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStatistics } from '../../../server/statistics/statistics-reader';
import { SqliteLog } from '../../../server/store/sqlite/sqlite-log';
import type { StatisticsQuery } from '../../../shared/metrics/report';
import { StatisticsBuilder } from '../../../shared/metrics/statistics-builder';
import { statisticsReport } from '../../../shared/metrics/statistics-report';
import { appendEvents } from '../../support/event-logs';
import { HOUR, MINUTE, TimelineLog } from './timeline-log';

// The hub's reader over a real SQLite log: incidents come back one by one, a page at a time, in
// the order they opened, and the report equals the one over every incident folded at once.

const T0 = Date.UTC(2026, 10, 23);
const QUERY: StatisticsQuery = { from: T0, to: T0 + 24 * HOUR, bucket: 'day', timeZone: 'UTC' };
const dirs: string[] = [];
const stores: SqliteLog[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeWith(log: TimelineLog): Promise<SqliteLog> {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-statistics-'));
  dirs.push(dir);
  const store = new SqliteLog(dir);
  stores.push(store);
  // Events in seq order, as the writer appends them: incidents interleave in the log.
  await appendEvents(store, log.events, 100);
  return store;
}

/**
 * Seven incidents, three opened in the same millisecond (a page boundary must not skip or repeat
 * one of them), interleaved in the log, plus one before and one after the range.
 */
function interleaved(): TimelineLog {
  const log = new TimelineLog().open('INC-0', T0 - MINUTE, 'sev1', [{ fingerprint: 'x', service: 'old' }]);
  for (let i = 1; i <= 7; i++) {
    const at = i <= 3 ? T0 + HOUR : T0 + i * HOUR;
    log.open(`INC-${i}`, at, i % 2 === 0 ? 'sev2' : 'sev3', [
      { fingerprint: `a${i}`, service: `svc-${i % 3}` },
    ]);
  }
  for (let i = 1; i <= 7; i++) log.acknowledge(`INC-${i}`, T0 + 10 * HOUR + i * MINUTE);
  log.merge('INC-7', 'INC-6', T0 + 11 * HOUR);
  for (let i = 1; i <= 6; i += 2) log.resolve(`INC-${i}`, T0 + 12 * HOUR + i * MINUTE);
  log.open('INC-8', T0 + 24 * HOUR, 'sev1', []);
  return log;
}

describe('reading statistics from the event log', () => {
  it.each([1, 2, 3, 250])(
    'gives the same report as folding everything at once, %i incidents a page',
    async (page) => {
      const log = interleaved();
      const store = await storeWith(log);
      const builder = new StatisticsBuilder(QUERY);
      expect(await readStatistics(store, builder, { pageIncidents: page })).toBe(true);
      const report = builder.report(0);
      expect(report).toEqual(statisticsReport(log.allFacts(), QUERY, 0));
      expect(report.totals).toMatchObject({ incidents: 6, merged: 1, acknowledged: 6, resolved: 3 });
    },
  );

  it('hands over each incident opened in the range once, in opening order, with all its events', async () => {
    const log = interleaved();
    const store = await storeWith(log);
    const first = await store.eventsOfIncidentsOpened(QUERY.from, QUERY.to, 2, null);
    expect([...new Set(first.map((event) => event.incidentId))]).toEqual(['INC-1', 'INC-2']);
    expect(first.map((event) => event.seq)).toEqual(
      [...log.of('INC-1'), ...log.of('INC-2')].map((event) => event.seq),
    );
    const opened = first.find((event) => event.incidentId === 'INC-2' && event.type === 'incident_opened');
    const next = await store.eventsOfIncidentsOpened(QUERY.from, QUERY.to, 100, opened ?? null);
    expect([...new Set(next.map((event) => event.incidentId))]).toEqual([
      'INC-3',
      'INC-4',
      'INC-5',
      'INC-6',
      'INC-7',
    ]);
  });

  it('stops when the caller goes away', async () => {
    const store = await storeWith(interleaved());
    const gone = new AbortController();
    gone.abort();
    const builder = new StatisticsBuilder(QUERY);
    expect(await readStatistics(store, builder, { pageIncidents: 2, signal: gone.signal })).toBe(false);
    expect(builder.report(0).totals.incidents).toBe(2);
  });
});
