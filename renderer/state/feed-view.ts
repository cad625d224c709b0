import type { FeedSubscription, Unsubscribe } from '../../shared/api';
import type { FeedView } from '../../shared/feed/projection';
import { useSessionStore } from '../session/session-store';
import { useViewStore } from './view-store';

// What this page shows, as its feed needs to know: the incident on screen (it travels whole, and
// the replica keeps it past retention) and who is signed in (pending actions are shown as done
// by them).

export function currentFeedView(): FeedView {
  const view = useViewStore.getState().view;
  const session = useSessionStore.getState().state;
  return {
    incidentId: view.kind === 'incident' ? view.incidentId : null,
    user: session.kind === 'signed-in' ? session.session.user : null,
  };
}

/** True when two views make the feed carry the same. */
export function sameView(a: FeedView, b: FeedView): boolean {
  return a.incidentId === b.incidentId && a.user?.id === b.user?.id && a.user?.role === b.user?.role;
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
  return () => {
    stopView();
    stopSession();
  };
}
