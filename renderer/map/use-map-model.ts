import { useMemo } from 'react';
import type { BoardRow } from '../../shared/feed/board-row';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { serviceHealth } from '../../shared/impact/service-health';
import { useBoardStore } from '../state/board-store';
import { type MapHighlights, mapHighlights, neighbourhood } from './highlight';
import { layoutMap, type MapLayout } from './layout';

export interface MapModel {
  /** The layout drawn: the whole catalog, or the focused neighbourhood only. */
  readonly layout: MapLayout;
  readonly highlights: MapHighlights;
  readonly names: ReadonlyMap<string, string>;
  readonly incidents: ReadonlyMap<string, BoardRow>;
}

export interface MapFocus {
  readonly serviceId: string | null;
  /** Hops around the selected service to keep, or null for the whole catalog. */
  readonly hops: number | null;
}

const EMPTY: CatalogGraph['services'] = [];

/**
 * Layout is computed once per catalog (and per focus); health and highlights are recomputed on
 * every incident change, which costs one walk per failing service, not a new layout.
 */
export function useMapModel(graph: CatalogGraph | null, focus: MapFocus): MapModel {
  const incidents = useBoardStore((state) => state.rows);
  const services = graph?.services ?? EMPTY;
  const full = useMemo(() => layoutMap(services), [services]);
  const layout = useMemo(() => {
    if (focus.hops === null || focus.serviceId === null || !full.byId.has(focus.serviceId)) return full;
    const keep = neighbourhood(full.edges, focus.serviceId, focus.hops);
    return layoutMap(
      services
        .filter((service) => keep.has(service.id))
        .map((service) => ({ id: service.id, dependsOn: service.dependsOn.filter((id) => keep.has(id)) })),
    );
  }, [full, services, focus.hops, focus.serviceId]);
  const health = useMemo(
    () => (graph === null ? [] : serviceHealth(graph, incidents.values())),
    [graph, incidents],
  );
  const highlights = useMemo(() => mapHighlights(health, full.edges), [health, full]);
  const names = useMemo(() => new Map(services.map((service) => [service.id, service.name])), [services]);
  return { layout, highlights, names, incidents };
}
