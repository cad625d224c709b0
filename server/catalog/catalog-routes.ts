import type { ServerResponse } from 'node:http';
import type { Incident } from '../../shared/domain';
import type { Catalog } from '../../shared/impact/catalog';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { type IncidentImpact, incidentImpact } from '../../shared/impact/incident-impact';
import { serviceHealth } from '../../shared/impact/service-health';
import type { Directory } from '../auth/directory';
import { HttpError, sendJson } from '../http/errors';
import { decodePathSegment } from '../http/path-segment';
import type { HubState } from '../state';

// The catalog's read API, for every signed-in user (viewer and up):
//   GET /api/v1/catalog              services and teams, no secrets — consoles fetch it once and
//                                    recompute impact with shared/impact on every incident change
//   GET /api/v1/services             every service's health and impactedBy (docs/api.md)
//   GET /api/v1/incidents/:id/impact the services an incident hurts downstream and the teams to tell
// The catalog is config, not events, so these are computed from hub state + config per request.

export interface CatalogDeps {
  catalog(): Catalog;
  graph(): CatalogGraph;
  incidents(): Iterable<Incident>;
  incident(id: string): Incident | undefined;
}

/** The hub's state and configuration as CatalogDeps. */
export function catalogDeps(state: HubState, directory: Directory): CatalogDeps {
  return {
    catalog: () => directory.catalog(),
    graph: () => directory.catalogGraph(),
    incidents: () => state.incidents(),
    incident: (id) => state.incident(id),
  };
}

const IMPACT_PATH = /^\/api\/v1\/incidents\/([^/]+)\/impact$/;

/** Answers a catalog request and returns true, or returns false when the request is not one. */
export function handleCatalogRoute(
  method: string,
  path: string,
  res: ServerResponse,
  deps: CatalogDeps,
): boolean {
  if (method !== 'GET') return false;
  if (path === '/api/v1/catalog') {
    sendJson(res, 200, deps.catalog());
    return true;
  }
  if (path === '/api/v1/services') {
    const services = serviceHealth(deps.graph(), deps.incidents()).map((service) => ({
      id: service.id,
      name: service.name,
      team: service.team,
      tier: service.tier,
      dependsOn: service.dependsOn,
      inCatalog: service.inCatalog,
      health: service.health,
      impactedBy: service.impactedBy,
      openIncidents: service.openIncidents,
    }));
    sendJson(res, 200, { services });
    return true;
  }
  const match = IMPACT_PATH.exec(path);
  if (!match) return false;
  const id = decodePathSegment(match[1] ?? '');
  const incident = id === null ? undefined : deps.incident(id);
  if (!incident) throw new HttpError(404, 'not_found', `There is no incident ${id ?? match[1]}.`);
  sendJson(res, 200, impactView(incident.id, incidentImpact(deps.graph(), incident)));
  return true;
}

/** An incident's impact as REST shows it: ISO 8601 times. Also the `impact` of notify webhooks. */
export function impactView(incidentId: string, impact: IncidentImpact) {
  return {
    incidentId,
    services: impact.services,
    teams: impact.teams.map((team) => ({
      ...team,
      notifiedAt: team.notifiedAt === null ? null : new Date(team.notifiedAt).toISOString(),
    })),
  };
}
