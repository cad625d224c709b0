import type { FeedSubscription, Unsubscribe } from '../../shared/api';
import { sameLabelQuestion } from '../../shared/feed/label-answer';
import type { FeedView } from '../../shared/feed/projection';
import { sameBoardFilter } from '../../shared/filter/board-filter';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { boardFilterOf } from '../filter/feed-filter';
import { useFilterBarStore } from '../filter/filter-bar-store';
import { useFilterStore } from '../filter/filter-store';
import { useCatalogStore } from '../map/catalog-store';
import { useSessionStore } from '../session/session-store';
import { useViewStore } from './view-store';

// What this page shows, as its feed needs to know: the incident on screen (it travels whole, and
// the replica keeps it past retention), who is signed in (pending actions are shown as done by
// them), the board filter (only what it keeps is sent) and what the filter bar asks about labels.

let lastFilter: { applied: string; catalog: CatalogGraph | null; filter: FeedView['filter'] } | null = null;

/** The filter for the feed, made again only when the text or the catalog changed. */
function currentFilter(): FeedView['filter'] {
  const applied = useFilterStore.getState().applied;
  const catalog = useCatalogStore.getState().graph;
  if (lastFilter?.applied !== applied || lastFilter.catalog !== catalog)
    lastFilter = { applied, catalog, filter: boardFilterOf(applied, catalog) };
  return lastFilter.filter;
}

export function currentFeedView(): FeedView {
  const view = useViewStore.getState().view;
  const session = useSessionStore.getState().state;
  return {
    incidentId: view.kind === 'incident' ? view.incidentId : null,
    user: session.kind === 'signed-in' ? session.session.user : null,
    filter: currentFilter(),
    labels: useFilterBarStore.getState().labelQuestion,
  };
}

/** True when two views make the feed carry the same. */
export function sameView(a: FeedView, b: FeedView): boolean {
  return (
    a.incidentId === b.incidentId &&
    a.user?.id === b.user?.id &&
    a.user?.role === b.user?.role &&
    sameBoardFilter(a.filter, b.filter) &&
    sameLabelQuestion(a.labels, b.labels)
  );
}

/** Keeps the feed aimed at what the page shows; returns how to stop. */
export function followFeedView(feed: FeedSubscription, initial: FeedView): Unsubscribe {
  let last = initial;
  const update = (): void => {
    const next = currentFeedView();
    if (sameView(next, last)) return;
    last = next;
    feed.setView(next);
  };
  const stopView = useViewStore.subscribe(update);
  const stopSession = useSessionStore.subscribe(update);
  const stopFilter = useFilterStore.subscribe(update);
  const stopCatalog = useCatalogStore.subscribe(update);
  const stopBar = useFilterBarStore.subscribe(update);
  return () => {
    stopBar();
    stopView();
    stopSession();
    stopFilter();
    stopCatalog();
  };
}
