import { compareForBoard, type Incident } from '../domain';
import { csvDocument } from './csv';
import { personLabel, severityLabel } from './describe-event';
import { formatTime, resolveTimeZone } from './time-format';
import type { ExportOptions } from './timeline';

// A range of incidents as one CSV row each: the raw material for a monthly NOC report (how many
// SEV1s, median time to acknowledge). Durations are whole seconds so a spreadsheet can average
// them; times are text in the chosen zone, like every other export.

export const INCIDENTS_CSV_HEADER = [
  'id',
  'title',
  'severity',
  'status',
  'services',
  'opened',
  'acknowledged',
  'resolved',
  'time_to_acknowledge_s',
  'time_to_resolve_s',
  'commander',
  'alert_count',
] as const;

const seconds = (from: number, to: number | null): number | null =>
  to === null ? null : Math.max(0, Math.round((to - from) / 1000));

/** One row per incident, oldest first (ties: board order), as CSV (RFC 4180, CRLF, formula-safe). */
export function incidentsCsv(incidents: Iterable<Incident>, options: ExportOptions): string {
  const timeZone = resolveTimeZone(options.timeZone);
  const time = (ms: number | null): string | null => (ms === null ? null : formatTime(ms, timeZone));
  const sorted = [...incidents].sort((a, b) => a.openedAt - b.openedAt || compareForBoard(a, b));
  const rows: Array<ReadonlyArray<string | number | null>> = [[...INCIDENTS_CSV_HEADER]];
  for (const incident of sorted) {
    rows.push([
      incident.id,
      incident.title,
      severityLabel(incident.severity),
      incident.status,
      // "; " rather than ", " so the cell is not mistaken for several columns when read by eye.
      incident.services.join('; '),
      time(incident.openedAt),
      time(incident.acknowledgedAt),
      time(incident.resolvedAt),
      seconds(incident.openedAt, incident.acknowledgedAt),
      seconds(incident.openedAt, incident.resolvedAt),
      incident.commander === null ? null : personLabel(incident.commander, options.names),
      incident.alertCount,
    ]);
  }
  return csvDocument(rows);
}
