import { type CatalogGraph, forEachDownstream } from '../../shared/impact/catalog-graph';
import type { Health, ServiceHealth } from '../../shared/impact/service-health';

// What the map paints from the services' health: each node's colour, which healthy-looking
// services suffer from a failure upstream (amber outline), and the edges the impact travels
// along — so the eye follows the amber path from a failing database to the storefront. Whether
// an edge carries impact is asked of the edges drawn only (carriesImpact): the map draws the
// part in view, and deciding it for 6,000 edges on every incident was a third of the update.

export interface MapHighlights {
  readonly health: ReadonlyMap<string, Health>;
  /** Failing services each impacted service needs, nearest first (ServiceHealth.impactedBy). */
  readonly impactedBy: ReadonlyMap<string, ReadonlyArray<string>>;
  readonly openIncidents: ReadonlyMap<string, ReadonlyArray<string>>;
}

/** The key of the edge "`from` needs `to`"; NUL never appears in a service id worth drawing. */
export const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

interface Edge {
  readonly from: string;
  readonly to: string;
}

/** Highlights for the map from serviceHealth's answer. */
export function mapHighlights(services: ReadonlyArray<ServiceHealth>): MapHighlights {
  const health = new Map<string, Health>();
  const impactedBy = new Map<string, ReadonlyArray<string>>();
  const openIncidents = new Map<string, ReadonlyArray<string>>();
  for (const service of services) {
    health.set(service.id, service.health);
    if (service.impactedBy.length > 0) impactedBy.set(service.id, service.impactedBy);
    if (service.openIncidents.length > 0) openIncidents.set(service.id, service.openIncidents);
  }
  return { health, impactedBy, openIncidents };
}

/**
 * An edge carries impact when its dependant is impacted and what it needs is failing or
 * impacted itself: every failure reaching the dependency reaches the dependant through it.
 */
export function carriesImpact(highlights: MapHighlights, edge: Edge): boolean {
  if (!highlights.impactedBy.has(edge.from)) return false;
  const upstream = highlights.health.get(edge.to);
  return (upstream !== undefined && upstream !== 'ok') || highlights.impactedBy.has(edge.to);
}

/** The keys (edgeKey) of the `edges` that carry impact. */
export function impactEdges(highlights: MapHighlights, edges: ReadonlyArray<Edge>): Set<string> {
  const keys = new Set<string>();
  for (const edge of edges) if (carriesImpact(highlights, edge)) keys.add(edgeKey(edge.from, edge.to));
  return keys;
}

export interface BlastEntry {
  readonly id: string;
  readonly distance: number;
}

/** Everything that needs `id`, directly or not, nearest first: who suffers if it fails. */
export function blastRadius(graph: CatalogGraph, id: string): BlastEntry[] {
  const list: BlastEntry[] = [];
  forEachDownstream(graph, [id], (index, distance) => {
    list.push({ id: graph.services[index]?.id ?? '', distance });
  });
  return list;
}

/** Ids within `hops` edges of `id`, either direction: the "focus on neighbours" view. */
export function neighbourhood(
  edges: ReadonlyArray<{ readonly from: string; readonly to: string }>,
  id: string,
  hops: number,
): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const n of adjacent.get(at) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
