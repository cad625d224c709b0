import type { CatalogGraph } from '../impact/catalog-graph';
import { CHANGES_WINDOW_MS } from './change';

// Which changes can explain an incident: those to the services it is on and to everything those
// depend on, directly or transitively (a config change to payments-db can break payments-api),
// made in the hour before it opened. Dependants are left out: a deploy downstream of a failure
// did not cause it.

export interface ChangesScope {
  /** Service ids, sorted, each once. */
  readonly services: ReadonlyArray<string>;
  /** The window [from, to], epoch ms, both ends included. */
  readonly from: number;
  readonly to: number;
}

/** The incident's services and their transitive dependencies, in the hour before `openedAt`. */
export function changesScope(
  graph: CatalogGraph,
  services: ReadonlyArray<string>,
  openedAt: number,
): ChangesScope {
  const seen = new Set<string>();
  const queue = [...services];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    // A service outside the catalog has no edges: only its own changes count.
    for (const dependency of graph.node(id).dependsOn) if (!seen.has(dependency)) queue.push(dependency);
  }
  return { services: [...seen].sort(), from: openedAt - CHANGES_WINDOW_MS, to: openedAt };
}
