import type { Incident, IncidentStatus, Severity } from '../domain';
import { formatDuration } from '../duration-format';
import type { HubEvent } from '../events';
import { type DisplayNames, personLabel, severityLabel } from './describe-event';
import { formatTime } from './time-format';

// The head of every export: the figures a post-incident review starts from. Times come from the
// folded Incident (the reducer already decided what counts as acknowledged or resolved); who was
// involved comes from the timeline, because the Incident only knows who holds a role now.

export interface IncidentSummary {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly services: ReadonlyArray<string>;
  readonly alertCount: number;
  readonly openedAt: number;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
  readonly mergedInto: string | null;
  readonly commander: string | null;
  /** User ids of everyone who acted or held a role, in order of first involvement. */
  readonly people: ReadonlyArray<string>;
  /** Open → resolved, or → `now` while the incident is still open. */
  readonly durationMs: number;
  readonly ongoing: boolean;
  readonly timeToAcknowledgeMs: number | null;
  readonly timeToResolveMs: number | null;
}

/** Summary figures of one incident from its folded value and its timeline. */
export function summarizeIncident(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  now: number,
): IncidentSummary {
  const people = new Set<string>();
  for (const event of events) {
    if (event.incidentId !== incident.id) continue;
    if (event.actor.kind === 'user') people.add(event.actor.id);
    if (event.type === 'commander_assigned' || event.type === 'responder_added') people.add(event.userId);
  }
  if (incident.commander !== null) people.add(incident.commander);
  for (const responder of incident.responders) people.add(responder);

  const ongoing = incident.resolvedAt === null;
  // Clamped at zero: a hub clock that stepped back must not report a negative time to acknowledge.
  const since = (at: number | null): number | null =>
    at === null ? null : Math.max(0, at - incident.openedAt);
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    alertCount: incident.alertCount,
    openedAt: incident.openedAt,
    acknowledgedAt: incident.acknowledgedAt,
    resolvedAt: incident.resolvedAt,
    mergedInto: incident.mergedInto,
    commander: incident.commander,
    people: [...people],
    durationMs: since(incident.resolvedAt ?? now) ?? 0,
    ongoing,
    timeToAcknowledgeMs: since(incident.acknowledgedAt),
    timeToResolveMs: since(incident.resolvedAt),
  };
}

/** One labelled line of a summary as people read it; `value` null means "not yet / none". */
export interface SummaryLine {
  readonly key: string;
  readonly label: string;
  readonly value: string | null;
}

/** The summary as labelled lines, times in `timeZone`: what Markdown, CSV and HTML all show. */
export function summaryLines(
  summary: IncidentSummary,
  timeZone: string,
  names?: DisplayNames,
): SummaryLine[] {
  const time = (ms: number | null): string | null => (ms === null ? null : formatTime(ms, timeZone));
  const duration = (ms: number | null): string | null => (ms === null ? null : formatDuration(ms));
  const list = (items: ReadonlyArray<string>): string | null => (items.length > 0 ? items.join(', ') : null);
  const lines: SummaryLine[] = [
    { key: 'incident', label: 'Incident', value: summary.id },
    { key: 'title', label: 'Title', value: summary.title },
    { key: 'severity', label: 'Severity', value: severityLabel(summary.severity) },
    { key: 'status', label: 'Status', value: summary.status },
    { key: 'opened', label: 'Opened', value: time(summary.openedAt) },
    { key: 'acknowledged', label: 'Acknowledged', value: time(summary.acknowledgedAt) },
    { key: 'resolved', label: 'Resolved', value: time(summary.resolvedAt) },
    {
      key: 'duration',
      label: 'Duration',
      value: `${formatDuration(summary.durationMs)}${summary.ongoing ? ' (ongoing)' : ''}`,
    },
    {
      key: 'time_to_acknowledge',
      label: 'Time to acknowledge',
      value: duration(summary.timeToAcknowledgeMs),
    },
    { key: 'time_to_resolve', label: 'Time to resolve', value: duration(summary.timeToResolveMs) },
    {
      key: 'commander',
      label: 'Commander',
      value: summary.commander === null ? null : personLabel(summary.commander, names),
    },
    {
      key: 'people',
      label: 'People involved',
      value: list(summary.people.map((userId) => personLabel(userId, names))),
    },
    { key: 'services', label: 'Services affected', value: list(summary.services) },
    { key: 'alerts', label: 'Alerts', value: String(summary.alertCount) },
  ];
  if (summary.mergedInto !== null)
    lines.push({ key: 'merged_into', label: 'Merged into', value: summary.mergedInto });
  return lines;
}
