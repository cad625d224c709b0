import { useMemo } from 'react';
import type { BoardRow } from '../../shared/feed/board-row';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { serviceHealth } from '../../shared/impact/service-health';
import { useBoardStore } from '../state/board-store';
import { type Affected, affectedKey, affectedServices, keepOnly } from './affected';
import { type MapHighlights, mapHighlights, neighbourhood } from './highlight';
import { layoutMap, type MapLayout } from './layout';
import { layoutOnce } from './layout-cache';

export interface MapModel {
  /** The layout drawn: the whole catalog, the focused neighbourhood, or what is affected (walls). */
  readonly layout: MapLayout;
  readonly highlights: MapHighlights;
  readonly names: ReadonlyMap<string, string>;
  readonly incidents: ReadonlyMap<string, BoardRow>;
  readonly affected: Affected;
  /** True when the layout is the affected services only (see affected.ts). */
  readonly affectedOnly: boolean;
}

export interface MapFocus {
  readonly serviceId: string | null;
  /** Hops around the selected service to keep, or null for the whole catalog. */
  readonly hops: number | null;
  /** Draw only what is failing and what it reaches, when anything is (a wall's map). */
  readonly affectedOnly?: boolean;
}

const EMPTY: CatalogGraph['services'] = [];

/**
 * Layout is computed once per catalog (and per focus, or per set of affected services);
 * health and highlights are recomputed on every incident change, which costs one walk per
 * failing service, not a new layout.
 */
export function useMapModel(graph: CatalogGraph | null, focus: MapFocus): MapModel {
  const incidents = useBoardStore((state) => state.rows);
  const services = graph?.services ?? EMPTY;
  // Once per catalog, not per mount: reopening the map does not lay it out again.
  const full = useMemo(() => layoutOnce(services), [services]);
  const health = useMemo(
    () => (graph === null ? [] : serviceHealth(graph, incidents.values())),
    [graph, incidents],
  );
  const highlights = useMemo(() => mapHighlights(health), [health]);
  const affected = useMemo(() => affectedServices(highlights), [highlights]);
  // Most incident changes leave the affected set as it was: the layout is kept until it changes.
  const cut = focus.affectedOnly === true ? affectedKey(affected) : '';
  const layout = useMemo(() => {
    if (cut !== '') return layoutMap(keepOnly(services, new Set(cut.split('\u0000'))));
    if (focus.hops === null || focus.serviceId === null || !full.byId.has(focus.serviceId)) return full;
    return layoutMap(keepOnly(services, neighbourhood(full.edges, focus.serviceId, focus.hops)));
  }, [full, services, focus.hops, focus.serviceId, cut]);
  const names = useMemo(() => new Map(services.map((service) => [service.id, service.name])), [services]);
  return { layout, highlights, names, incidents, affected, affectedOnly: cut !== '' };
}
