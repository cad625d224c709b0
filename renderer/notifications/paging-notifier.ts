import type { ReplicaMessage, SitroomApi } from '../../shared/api';
import type { IncidentMap } from '../../shared/domain';
import { mergePageAlerts, putPageAlerts, usePageAlertsStore } from './page-alerts-store';
import { pageNotification, pagesFor } from './pages-for-me';

// Tells the person at this console when an escalation pages them: an in-app alert and a desktop
// notification. It is fed the same frames of replica messages as the board store, right after
// the board has folded them (main.tsx), rather than subscribing to the API itself: a second
// subscription in Electron re-opens the page's feed (dropping its pending batch), and here every
// event is seen exactly once, in order, with the incident it names already on the board.

export interface PagingNotifierDeps {
  readonly notify: SitroomApi['notify'];
  /** The signed-in user's id, or null when nobody is. */
  readonly currentUserId: () => string | null;
  /** The board after the frame was folded. */
  readonly incidents: () => IncidentMap;
}

/** Returns the function to call with each frame of replica messages. */
export function createPagingNotifier(
  deps: PagingNotifierDeps,
): (messages: ReadonlyArray<ReplicaMessage>) => void {
  return (messages) => {
    const userId = deps.currentUserId();
    const state = usePageAlertsStore.getState();
    const current = state.userId === userId ? state.alerts : [];
    if (userId === null) {
      putPageAlerts(null, []);
      return;
    }
    const incidents = deps.incidents();
    const { alerts, raised } = mergePageAlerts(current, pagesFor(userId, messages), incidents);
    putPageAlerts(userId, alerts);
    for (const alert of raised) {
      const { title, body } = pageNotification(alert, incidents[alert.incidentId]);
      deps.notify(title, body).catch((error: unknown) => {
        // The in-app alert is up either way; a missing desktop notification is not worth more.
        console.warn('[sitroom] desktop notification failed', error);
      });
    }
  };
}
