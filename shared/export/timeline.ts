import type { Incident } from '../domain';
import type { HubEvent, HubEventType } from '../events';
import { type ExportedLink, incidentLinks } from './alert-links';
import { actorLabel, type DisplayNames, describeEvent } from './describe-event';
import { type IncidentSummary, type SummaryLine, summarizeIncident, summaryLines } from './summary';
import { formatTime, resolveTimeZone } from './time-format';

// What every timeline exporter renders: the same summary and the same entries, so the formats
// differ only in syntax and escaping and a reviewer sees the same story in each.

export interface ExportOptions {
  /** IANA zone for every time shown; throws UnknownTimeZoneError if unknown. */
  readonly timeZone: string;
  readonly names?: DisplayNames | undefined;
  /** The clock for "how long has it been open". Passed in, so exports are pure and testable. */
  readonly now: number;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly at: number;
  /** `at` in the export's zone. */
  readonly time: string;
  readonly actor: string;
  readonly type: HubEventType;
  readonly description: string;
  readonly event: HubEvent;
}

export interface TimelineReport {
  /** The canonical zone name every time was formatted in. */
  readonly timeZone: string;
  readonly summary: IncidentSummary;
  readonly summaryLines: ReadonlyArray<SummaryLine>;
  readonly entries: ReadonlyArray<TimelineEntry>;
  /** The alerts' links (dashboards, runbooks, sources), for each format to list as text. */
  readonly links: ReadonlyArray<ExportedLink>;
}

/** Summary and entries (in seq order, this incident's events only) ready for a format to render. */
export function timelineReport(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  options: ExportOptions,
): TimelineReport {
  const timeZone = resolveTimeZone(options.timeZone);
  // The log is in seq order already; sorting a copy keeps exports right for callers that merged
  // or filtered timelines themselves.
  const own = events.filter((event) => event.incidentId === incident.id).sort((a, b) => a.seq - b.seq);
  const context = { names: options.names, alerts: incident.alerts };
  const summary = summarizeIncident(incident, own, options.now);
  return {
    timeZone,
    summary,
    summaryLines: summaryLines(summary, timeZone, options.names),
    entries: own.map((event) => ({
      seq: event.seq,
      at: event.at,
      time: formatTime(event.at, timeZone),
      actor: actorLabel(event.actor, options.names),
      type: event.type,
      description: describeEvent(event, context),
      event,
    })),
    links: incidentLinks(incident),
  };
}
