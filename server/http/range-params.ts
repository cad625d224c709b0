import { resolveTimeZone, UnknownTimeZoneError } from '../../shared/export/time-format';
import { parseInstant } from '../../shared/export/time-range';
import { HttpError } from './errors';

// The query parameters every range endpoint reads alike (the range CSV and the statistics):
// `tz`, an IANA zone (UTC by default), and `from`/`to`, ISO 8601, where a date or time without an
// offset is wall-clock time in tz. A mistake is a 400 naming the parameter.

/** The `tz` parameter resolved to an IANA zone; UTC when absent. */
export function timeZoneParam(params: URLSearchParams): string {
  try {
    return resolveTimeZone(params.get('tz') ?? undefined);
  } catch (error) {
    if (error instanceof UnknownTimeZoneError) throw new HttpError(400, 'invalid_query', error.message, 'tz');
    throw error;
  }
}

/** The instant in `from` or `to` read in `timeZone`; null when absent. */
export function instantParam(params: URLSearchParams, name: 'from' | 'to', timeZone: string): number | null {
  const text = params.get(name);
  if (text === null || text === '') return null;
  const instant = parseInstant(text, timeZone);
  if (instant === null) {
    throw new HttpError(
      400,
      'invalid_query',
      `${name} must be an ISO 8601 date or date-time, e.g. 2026-11-27 or 2026-11-27T04:00:00Z.` +
        // An unescaped + in a query string arrives as a space.
        (/\d \d\d:\d\d$/.test(text) ? ' Write a + offset as %2B in the address.' : ''),
      name,
    );
  }
  return instant;
}
