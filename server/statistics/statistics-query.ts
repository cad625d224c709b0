import { STATISTICS_BUCKETS, type StatisticsBucket, type StatisticsQuery } from '../../shared/metrics/report';
import { HttpError } from '../http/errors';
import { instantParam, timeZoneParam } from '../http/range-params';

// GET /api/v1/statistics?from=&to=&bucket=day|week&tz= read into a StatisticsQuery. from and to are
// ISO 8601 as in the range CSV export: a date or time without an offset is wall-clock time in tz,
// so ?from=2026-03-01&tz=Europe/Berlin means midnight in Berlin. Each mistake is a 400 naming its field.

const KNOWN_PARAMETERS: ReadonlyArray<string> = ['from', 'to', 'bucket', 'tz'];

/** Without `from`, a report covers the week before `to`. */
export const DEFAULT_RANGE_MS = 7 * 86_400_000;

/** The query in `params`, with defaults: to = now, from = to − 7 days, bucket = day, tz = UTC. */
export function parseStatisticsQuery(params: URLSearchParams, now: number): StatisticsQuery {
  // ?timezone=Europe/Berlin would otherwise quietly give a report in UTC.
  for (const name of params.keys()) {
    if (!KNOWN_PARAMETERS.includes(name))
      throw new HttpError(
        400,
        'invalid_query',
        `Unknown parameter "${name}": use from, to, bucket and tz.`,
        name,
      );
  }
  const timeZone = timeZoneParam(params);
  const bucket = bucketParam(params.get('bucket'));
  const to = instantParam(params, 'to', timeZone) ?? now;
  const from = instantParam(params, 'from', timeZone) ?? to - DEFAULT_RANGE_MS;
  if (to < from) throw new HttpError(400, 'invalid_query', 'to must not be before from.', 'to');
  return { from, to, bucket, timeZone };
}

function bucketParam(text: string | null): StatisticsBucket {
  if (text === null || text === '') return 'day';
  const bucket = STATISTICS_BUCKETS.find((known) => known === text);
  if (!bucket) throw new HttpError(400, 'invalid_query', 'bucket must be day or week.', 'bucket');
  return bucket;
}
