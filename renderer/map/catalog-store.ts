import { useEffect } from 'react';
import { create } from 'zustand';
import type { SitroomApi } from '../../shared/api';
import { buildCatalogGraph, type CatalogGraph } from '../../shared/impact/catalog-graph';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { useBoardStore } from '../state/board-store';

// The service catalog is configuration, not events: the console asks the hub for it once (and
// again after a reconnect, in case the config folder was reloaded) and indexes it once. Health
// and impact are then recomputed locally from the live board on every incident change.

export interface CatalogStore {
  readonly graph: CatalogGraph | null;
  readonly failure: string | null;
}

export const useCatalogStore = create<CatalogStore>()(() => ({ graph: null, failure: null }));

let inFlight: Promise<void> | null = null;

/** Fetches and indexes the catalog unless a request is already on its way. */
export function loadCatalog(api: SitroomApi): Promise<void> {
  inFlight ??= (async () => {
    try {
      const catalog = await api.catalog();
      useCatalogStore.setState({ graph: buildCatalogGraph(catalog), failure: null });
    } catch (error) {
      useCatalogStore.setState({ failure: errorMessage(error) });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** The catalog graph while mounted, asked for whenever the link to the hub (re)becomes live. */
export function useCatalogGraph(): CatalogStore {
  const api = useSitroomApi();
  const live = useBoardStore((state) => state.connection.status === 'live');
  useEffect(() => {
    if (live) void loadCatalog(api);
  }, [api, live]);
  return useCatalogStore();
}
