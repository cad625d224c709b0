import type { Incident, Severity } from '../../../../shared/domain';
import type { Catalog, CatalogService, Tier } from '../../../../shared/impact/catalog';
import { buildCatalogGraph, type CatalogGraph } from '../../../../shared/impact/catalog-graph';

// Small catalogs written as "service → what it depends on", and incidents reduced to what impact reads.

/** `{ api: ['db'] }` means api depends on db. Each service's team is named by `teams`, else "team-<id>". */
export function graphOf(
  dependsOn: Readonly<Record<string, ReadonlyArray<string>>>,
  options: { tiers?: Readonly<Record<string, Tier>>; teams?: Readonly<Record<string, string>> } = {},
): CatalogGraph {
  const services: CatalogService[] = Object.entries(dependsOn).map(([id, needs]) => ({
    id,
    name: id.toUpperCase(),
    team: options.teams?.[id] ?? `team-${id}`,
    tier: options.tiers?.[id] ?? 1,
    dependsOn: needs,
  }));
  const teamIds = [...new Set(services.map((service) => service.team))];
  const catalog: Catalog = {
    services,
    teams: teamIds.map((id) => ({
      id,
      name: `Team ${id}`,
      members: [],
      channels: [{ kind: 'webhook', host: `${id}.example.org` }],
    })),
  };
  return buildCatalogGraph(catalog);
}

let counter = 0;

/** An open incident on `services` (resolved when asked). */
export function incidentOn(
  services: ReadonlyArray<string>,
  severity: Severity = 'sev2',
  status: Incident['status'] = 'investigating',
): Pick<Incident, 'id' | 'status' | 'severity' | 'services' | 'notifiedTeams'> {
  return { id: `INC-${++counter}`, status, severity, services, notifiedTeams: [] };
}
