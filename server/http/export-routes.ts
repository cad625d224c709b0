import type { ServerResponse } from 'node:http';
import type { Change } from '../../shared/changes/change';
import type { Incident } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import type { DisplayNames } from '../../shared/export/describe-event';
import { incidentsCsv } from '../../shared/export/incidents-csv';
import { timelineMarkdown } from '../../shared/export/markdown';
import { openedWithin } from '../../shared/export/time-range';
import type { ExportOptions } from '../../shared/export/timeline';
import { timelineCsv } from '../../shared/export/timeline-csv';
import { EXPORT_CSP, timelineHtml } from '../../shared/export/timeline-html';
import { timelineJson } from '../../shared/export/timeline-json';
import type { Directory } from '../auth/directory';
import type { HubState } from '../state';
import type { EventLog } from '../store/event-log';
import type { LogFolder } from '../store/log-folder';
import { changesBefore } from './change-reads';
import { HttpError } from './errors';
import { decodePathSegment } from './path-segment';
import { instantParam, timeZoneParam } from './range-params';

// Downloads of incident timelines (docs/api.md: GET /api/v1/incidents/:id/timeline.md|.csv|.json|.html)
// and of a range of incidents as CSV. The exporters are pure (shared/export); this file only reads
// the query, picks the format and sets download and safety headers.

type Awaitable<T> = T | Promise<T>;

/** What the export routes read from the hub. */
export interface ExportDeps {
  incident(id: string): Awaitable<Incident | undefined>;
  timeline(id: string): Awaitable<HubEvent[]>;
  incidents(): Iterable<Incident>;
  now(): number;
  /** userId → display name (users.yaml); ids are shown when absent. */
  names?(): DisplayNames;
  /** The changes before the incident (none when not given). */
  changes?(incident: Incident): Promise<Change[]>;
}

/** The hub's state and event log as ExportDeps; people are named by the directory when given. */
export function exportDeps(
  state: HubState,
  folder: Pick<LogFolder, 'recall'>,
  log: Pick<EventLog, 'eventsOfIncident' | 'changesIn'>,
  directory?: Pick<Directory, 'userName' | 'catalogGraph'>,
): ExportDeps {
  return {
    // An incident let go of (long resolved) is brought back from the log.
    incident: async (id) => {
      if (!state.incident(id)) await folder.recall([id]);
      return state.incident(id);
    },
    timeline: (id) => log.eventsOfIncident(id),
    incidents: () => state.incidents(),
    now: () => Date.now(),
    ...(directory
      ? {
          names: () => (userId: string) => directory.userName(userId),
          changes: (incident: Incident) => changesBefore(log, directory.catalogGraph(), incident),
        }
      : {}),
  };
}

type Exporter = (incident: Incident, events: ReadonlyArray<HubEvent>, options: ExportOptions) => string;

const FORMATS = new Map<string, { readonly contentType: string; readonly render: Exporter }>(
  Object.entries({
    md: { contentType: 'text/markdown; charset=utf-8', render: timelineMarkdown },
    csv: { contentType: 'text/csv; charset=utf-8', render: timelineCsv },
    json: { contentType: 'application/json', render: timelineJson },
    html: { contentType: 'text/html; charset=utf-8', render: timelineHtml },
  }),
);

// Any format, as the route table matches it: one it does not know is answered 404 naming it,
// where a narrower pattern here used to leave the request without any answer at all.
const TIMELINE_PATH = /^\/api\/v1\/incidents\/([^/]+)\/timeline\.([^/]+)$/;

/** Answers an export request and resolves true, or resolves false when the request is not an export. */
export async function handleExportRoute(
  method: string,
  path: string,
  url: URL,
  res: ServerResponse,
  deps: ExportDeps,
): Promise<boolean> {
  if (method !== 'GET') return false;
  if (path === '/api/v1/incidents.csv') {
    const options = exportOptions(url, deps);
    const from = instantParam(url.searchParams, 'from', options.timeZone);
    const to = instantParam(url.searchParams, 'to', options.timeZone);
    if (from !== null && to !== null && to < from) {
      throw new HttpError(400, 'invalid_query', 'to must not be before from.', 'to');
    }
    const incidents = [...deps.incidents()].filter((incident) => openedWithin(incident.openedAt, from, to));
    send(res, 'text/csv; charset=utf-8', 'incidents.csv', incidentsCsv(incidents, options));
    return true;
  }
  const match = TIMELINE_PATH.exec(path);
  if (!match) return false;
  const id = decodePathSegment(match[1] ?? '');
  const format = FORMATS.get(match[2] ?? '');
  if (!format)
    throw new HttpError(404, 'not_found', 'A timeline is exported as .md, .csv, .json or .html.', 'format');
  const incident = id === null ? undefined : await deps.incident(id);
  if (id === null || !incident)
    throw new HttpError(404, 'not_found', `There is no incident ${id ?? match[1]}.`);
  const changes = (await deps.changes?.(incident)) ?? [];
  const body = format.render(incident, await deps.timeline(id), { ...exportOptions(url, deps), changes });
  const extra: Record<string, string> = match[2] === 'html' ? { 'content-security-policy': EXPORT_CSP } : {};
  send(res, format.contentType, `${id}-timeline.${match[2]}`, body, extra);
  return true;
}

function exportOptions(url: URL, deps: ExportDeps): ExportOptions {
  return { timeZone: timeZoneParam(url.searchParams), names: deps.names?.(), now: deps.now() };
}

// Incident ids are hub-made (INC-12), but the header must stay valid whatever an id contains.
const safeFilename = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');

function send(
  res: ServerResponse,
  contentType: string,
  filename: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'content-disposition': `attachment; filename="${safeFilename(filename)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}
