import { type Incident, type Severity, worstSeverity } from '../domain';
import { type CatalogGraph, compareIds, forEachDownstream, type ServiceNode } from './catalog-graph';

// Every service's health as the situation room reads it: a service is as bad as the worst open
// incident on it, and it is impacted by every failing service it needs, however far upstream.
// The hub answers GET /api/v1/services with this; consoles run the same function on their replica.

export type Health = 'ok' | Severity;

/** The parts of an incident impact reads, so callers need not build whole incidents. */
export type ImpactIncident = Pick<Incident, 'id' | 'status' | 'severity' | 'services'>;

export interface ServiceHealth extends ServiceNode {
  /** `ok`, or the worst severity among the open incidents on this service. */
  readonly health: Health;
  /** Failing services this one depends on, directly or transitively; nearest first. */
  readonly impactedBy: ReadonlyArray<string>;
  /** Ids of the open incidents on this service. */
  readonly openIncidents: ReadonlyArray<string>;
}

/** Health and impact of every catalog service, then of failing services the catalog does not know (by id). */
export function serviceHealth(graph: CatalogGraph, incidents: Iterable<ImpactIncident>): ServiceHealth[] {
  const worst = new Map<string, Severity>();
  const incidentsOn = new Map<string, string[]>();
  for (const incident of incidents) {
    if (incident.status === 'resolved') continue;
    for (const id of new Set(incident.services)) {
      const current = worst.get(id);
      worst.set(id, current === undefined ? incident.severity : worstSeverity(current, incident.severity));
      append(incidentsOn, id, incident.id);
    }
  }

  // One walk per failing service: a failure's reach depends only on the catalog, and there are
  // far fewer failing services than services. Each entry is distance and failing-service rank
  // packed into one number, so a plain numeric sort orders by distance, then id.
  const failing = [...worst.keys()].sort(compareIds);
  const impacted: Array<number[] | undefined> = [];
  failing.forEach((id, rank) => {
    forEachDownstream(graph, [id], (index, distance) => {
      const key = distance * failing.length + rank;
      const list = impacted[index];
      if (list) list.push(key);
      else impacted[index] = [key];
    });
  });
  const impactedBy = (index: number): string[] =>
    (impacted[index] ?? []).sort((a, b) => a - b).map((key) => failing[key % failing.length] as string);

  const outside = [...worst.keys()].filter((id) => !graph.node(id).inCatalog).sort(compareIds);
  return [...graph.services, ...outside.map((id) => graph.node(id))].map((node, index) => ({
    ...node,
    health: worst.get(node.id) ?? 'ok',
    impactedBy: impactedBy(index),
    openIncidents: incidentsOn.get(node.id) ?? [],
  }));
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
