// Times from outside, read strictly. Date.parse takes "1" for 2001 and "+275760-09-13" for a real
// date, and what it makes of an offset-less time depends on the machine. Monitoring sends RFC 3339
// (Alertmanager: Go's time format) or ISO 8601 with a "+0000" offset (PagerDuty's examples); only
// those, for real calendar dates, within SANE_RANGE, are times.

/** The earliest and latest instants taken as an alert's time: a device whose clock never got set
 * still says 1970; anything past 2200 is a typo or an attack. */
export const SANE_RANGE = { from: Date.UTC(1970, 0, 1), to: Date.UTC(2200, 0, 1) } as const;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of an RFC 3339 date-time (a `+HHMM` offset allowed), or null when it is not one. */
export function parseRfc3339(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  // RFC 3339 allows a leap second (:60); it is read as the last instant of that minute.
  const second = Math.min(Number(s), 59);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || Number(s) > 60) return null;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const wall =
    Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  // Date.UTC rolls 02-31 over into March: a date that does not exist is not a date.
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  const offset = zulu
    ? 0
    : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const ms = wall - offset;
  return ms >= SANE_RANGE.from && ms < SANE_RANGE.to ? ms : null;
}

/** The message for a field that is not such a time. */
export const RFC3339_MESSAGE =
  'must be an RFC 3339 date-time between 1970 and 2200, e.g. 2026-11-27T04:23:52Z';
