import type { ServerResponse } from 'node:http';
import { TooManyPeriodsError } from '../../shared/metrics/periods';
import type { StatisticsQuery } from '../../shared/metrics/report';
import { StatisticsBuilder } from '../../shared/metrics/statistics-builder';
import { HttpError, sendJson } from '../http/errors';
import { ReportLine, ReportLineFull } from './report-line';
import { parseStatisticsQuery } from './statistics-query';
import { readStatistics, type StatisticsSource } from './statistics-reader';

// GET /api/v1/statistics: incidents opened in a range, counted from the event log (the hub's memory
// keeps only the last day of resolved incidents). Any signed-in role may read it: wall displays show it.

export const STATISTICS_PATH = '/api/v1/statistics';

export interface StatisticsDeps {
  readonly store: StatisticsSource;
  now(): number;
}

/** Answers GET /api/v1/statistics with a StatisticsReport, or a 400 naming the bad parameter. */
export async function sendStatistics(res: ServerResponse, url: URL, deps: StatisticsDeps): Promise<void> {
  const builder = builderFor(parseStatisticsQuery(url.searchParams, deps.now()));
  // A client that gave up (a wall display reloading) stops the reading at the next page.
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  let read: boolean;
  try {
    read = await lineFor(deps.store).run(() => readStatistics(deps.store, builder, { signal: gone.signal }));
  } catch (error) {
    if (!(error instanceof ReportLineFull)) throw error;
    res.setHeader('retry-after', '5');
    throw new HttpError(503, 'busy', error.message);
  }
  if (!read) return;
  sendJson(res, 200, builder.report(deps.now()));
}

/** One line of reports per event log (a hub has one). */
const lines = new WeakMap<StatisticsSource, ReportLine>();
function lineFor(store: StatisticsSource): ReportLine {
  let line = lines.get(store);
  if (!line) {
    line = new ReportLine();
    lines.set(store, line);
  }
  return line;
}

function builderFor(query: StatisticsQuery): StatisticsBuilder {
  try {
    return new StatisticsBuilder(query);
  } catch (error) {
    if (error instanceof TooManyPeriodsError)
      throw new HttpError(400, 'invalid_query', error.message, 'from');
    throw error;
  }
}
