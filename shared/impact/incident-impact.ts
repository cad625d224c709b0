import type { Incident } from '../domain';
import type { Tier } from './catalog';
import { type CatalogGraph, forEachDownstream, type ServiceNode, tierRank } from './catalog-graph';

// An incident's blast radius: the services that need the incident's services (directly or
// through others), the most critical and nearest first, and the teams to tell — the owners of
// the incident's services, then the owners of what is hurt downstream.

export interface ImpactedService {
  readonly id: string;
  readonly name: string;
  readonly team: string | null;
  readonly tier: Tier | null;
  /** Hops from the nearest of the incident's services: 1 = depends on it directly. */
  readonly distance: number;
}

export interface ImpactedTeam {
  readonly id: string;
  readonly name: string;
  /** Owns one of the incident's own services (rather than only something downstream). */
  readonly owner: boolean;
  readonly notified: boolean;
  /** The last time notify_impacted told this team, or null. */
  readonly notifiedAt: number | null;
}

export interface IncidentImpact {
  readonly services: ReadonlyArray<ImpactedService>;
  readonly teams: ReadonlyArray<ImpactedTeam>;
}

/** The impact of one incident, whatever its status (a resolved incident shows what it hit). */
export function incidentImpact(
  graph: CatalogGraph,
  incident: Pick<Incident, 'services' | 'notifiedTeams'>,
): IncidentImpact {
  // Sorted as numbers: tier, then distance, then id rank packed into one exact integer (a
  // comparator over objects was most of the cost with thousands of services).
  const count = graph.services.length;
  const keys: number[] = [];
  forEachDownstream(graph, incident.services, (index, distance) => {
    const tier = tierRank(graph.services[index]?.tier ?? null);
    keys.push((tier * (count + 1) + distance) * count + (graph.idRank[index] as number));
  });
  const services = Float64Array.from(keys)
    .sort()
    .reduce<ImpactedService[]>((list, key) => {
      const node = graph.services[graph.idOrder[key % count] as number] as ServiceNode;
      const distance = Math.floor(key / count) % (count + 1);
      list.push({ id: node.id, name: node.name, team: node.team, tier: node.tier, distance });
      return list;
    }, []);

  const owners = incident.services.map((id) => graph.node(id).team);
  const downstream = services.map((service) => service.team);
  const ownerIds = new Set(owners);
  const lastTold = new Map((incident.notifiedTeams ?? []).map((notice) => [notice.teamId, notice.at]));
  const teams: ImpactedTeam[] = [];
  for (const teamId of new Set([...owners, ...downstream])) {
    if (teamId === null) continue;
    const notifiedAt = lastTold.get(teamId) ?? null;
    teams.push({
      id: teamId,
      name: graph.team(teamId)?.name ?? teamId,
      owner: ownerIds.has(teamId),
      notified: notifiedAt !== null,
      notifiedAt,
    });
  }
  return { services, teams };
}
