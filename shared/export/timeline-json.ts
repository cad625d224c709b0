import type { Incident } from '../domain';
import type { HubEvent } from '../events';
import { formatTime, isoTime } from './time-format';
import { changeSentence, type ExportOptions, type TimelineEntry, timelineReport } from './timeline';

// JSON for scripts: ISO 8601 UTC instants for machines next to the same times formatted in the
// chosen zone for people, durations in whole seconds, and each event's own fields so nothing in
// the log is lost. Nested fields (an alert's startsAt, alert_resolved's endsAt) keep the log's
// epoch milliseconds: they are the event as recorded, not a view of it. `summaryLines` is the
// summary as the other formats word it (people by name, durations, times in the zone), so a page
// printed from this file (the browser's PDF) says what the .html export says.

const toSeconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

function timelineItem(entry: TimelineEntry) {
  const { seq, at, actor, type, incidentId: _incidentId, ...details } = entry.event;
  return {
    seq,
    at: isoTime(at),
    time: entry.time,
    actor: entry.actor,
    actorRef: actor,
    type,
    description: entry.description,
    ...details,
  };
}

// A JSON file opened by a browser or pasted into a <script> block must not be able to end it:
// escaping <, >, & and the JS line separators keeps the text valid JSON and inert in HTML.
function inertJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`.replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The incident's summary and timeline as JSON: `{ summary, timeline: [...] }`. */
export function timelineJson(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  options: ExportOptions,
): string {
  const report = timelineReport(incident, events, options);
  const summary = report.summary;
  const time = (ms: number | null): string | null => (ms === null ? null : formatTime(ms, report.timeZone));
  return inertJson({
    summary: {
      id: summary.id,
      title: summary.title,
      severity: summary.severity,
      status: summary.status,
      services: summary.services,
      alertCount: summary.alertCount,
      commander: summary.commander,
      people: summary.people,
      mergedInto: summary.mergedInto,
      timeZone: report.timeZone,
      openedAt: isoTime(summary.openedAt),
      acknowledgedAt: isoTime(summary.acknowledgedAt),
      resolvedAt: isoTime(summary.resolvedAt),
      opened: time(summary.openedAt),
      acknowledged: time(summary.acknowledgedAt),
      resolved: time(summary.resolvedAt),
      ongoing: summary.ongoing,
      durationSeconds: toSeconds(summary.durationMs),
      timeToAcknowledgeSeconds: toSeconds(summary.timeToAcknowledgeMs),
      timeToResolveSeconds: toSeconds(summary.timeToResolveMs),
    },
    summaryLines: report.summaryLines,
    exportedAt: isoTime(options.now),
    exported: formatTime(options.now, report.timeZone),
    timeline: report.entries.map(timelineItem),
    changes: report.changes.map((line) => ({
      ...line.change,
      at: isoTime(line.at),
      time: line.time,
      before: line.offset,
      description: changeSentence(line),
    })),
    links: report.links,
  });
}
