import type { ServerResponse } from 'node:http';
import { CHANGES_SHOWN, type Change } from '../../shared/changes/change';
import { changesScope } from '../../shared/changes/changes-scope';
import type { Incident } from '../../shared/domain';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import type { EventLog } from '../store/event-log';
import { HttpError, sendJson } from './errors';
import { decodePathSegment } from './path-segment';

// Reading changes back, for every signed-in user (viewer and up):
//   GET /api/v1/incidents/:id/changes   the changes before the incident (also in GET …/incidents/:id)
//   GET /api/v1/services/:id/changes    a service's changes of the last day (the map's side panel)

/** How far back a service's panel looks. */
export const SERVICE_CHANGES_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The changes to an incident's services and their dependencies in the hour before it opened. */
export function changesBefore(
  log: Pick<EventLog, 'changesIn'>,
  graph: CatalogGraph,
  incident: Incident,
): Promise<Change[]> {
  const scope = changesScope(graph, incident.services, incident.openedAt);
  return log.changesIn({ ...scope, limit: CHANGES_SHOWN });
}

/** A change as REST shows it: ISO 8601 time. */
export function changeView(change: Change) {
  return { ...change, at: new Date(change.at).toISOString() };
}

const SERVICE_CHANGES = /^\/api\/v1\/services\/([^/]+)\/changes$/;

/** Answers GET /api/v1/services/:id/changes and resolves true, or resolves false for any other request. */
export async function handleServiceChanges(
  method: string,
  path: string,
  res: ServerResponse,
  log: Pick<EventLog, 'changesIn'>,
  now: number,
): Promise<boolean> {
  const match = method === 'GET' ? SERVICE_CHANGES.exec(path) : null;
  if (!match) return false;
  const service = decodePathSegment(match[1] ?? '');
  if (service === null) throw new HttpError(404, 'not_found', 'No service has that id.');
  const changes = await log.changesIn({
    services: [service],
    from: now - SERVICE_CHANGES_WINDOW_MS,
    to: now,
    limit: CHANGES_SHOWN,
  });
  sendJson(res, 200, { service, changes: changes.map(changeView) });
  return true;
}
