import { type Change, changeOffset, describeChange } from '../changes/change';
import type { AlertLink, Incident } from '../domain';
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
  /** The changes before the incident (its services and their dependencies), newest first. */
  readonly changes?: ReadonlyArray<Change> | undefined;
}

/** A change before the incident, as every format shows it. Text is untrusted: formats escape it. */
export interface ChangeLine {
  readonly at: number;
  /** `at` in the export's zone. */
  readonly time: string;
  /** "4 min before". */
  readonly offset: string;
  /** "deploy checkout-web v2.3 by ci". */
  readonly description: string;
  readonly change: Change;
  /** http(s) only (the ingest refuses others); formats still show them as text, never as HTML. */
  readonly links: ReadonlyArray<AlertLink>;
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
  /** Oldest first, like the timeline. */
  readonly changes: ReadonlyArray<ChangeLine>;
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
  const context = { names: options.names, alerts: incident.alerts, everyName: true };
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
    changes: [...(options.changes ?? [])]
      .sort((a, b) => a.at - b.at)
      .map((change) => ({
        at: change.at,
        time: formatTime(change.at, timeZone),
        offset: changeOffset(change.at, incident.openedAt),
        description: describeChange(change),
        change,
        links: change.links,
      })),
    links: incidentLinks(incident),
  };
}

/** A change line as one sentence: "deploy checkout-web v2.3 by ci, 4 min before (https://…)". */
export function changeSentence(line: ChangeLine): string {
  const links = line.links.map((link) => (link.text ? `${link.text}: ${link.href}` : link.href));
  return `${line.description}, ${line.offset}${links.length > 0 ? ` (${links.join(', ')})` : ''}`;
}
