import type { SitroomApi } from '../../shared/api';
import { pagesIn } from '../../shared/feed/board-interpreter';
import type { RowLike } from '../../shared/feed/board-row';
import type { BoardPatch } from '../../shared/feed/patch';
import { mergePageAlerts, putPageAlerts, usePageAlertsStore } from './page-alerts-store';
import { pageNotification, pagesFor } from './pages-for-me';

// Tells the person at this console when an escalation pages them: an in-app alert and a desktop
// notification. It is fed the same frames of patches as the board store, right after the board
// has applied them (main.tsx), so every page is seen exactly once, in order, with the incident it
// names already on the board.

export interface PagingNotifierDeps {
  readonly notify: SitroomApi['notify'];
  /** The signed-in user's id, or null when nobody is. */
  readonly currentUserId: () => string | null;
  /** The board after the frame was folded. */
  readonly incidents: () => ReadonlyMap<string, RowLike>;
}

/** Returns the function to call with each frame of patches. */
export function createPagingNotifier(deps: PagingNotifierDeps): (patches: ReadonlyArray<BoardPatch>) => void {
  return (patches) => {
    const userId = deps.currentUserId();
    const state = usePageAlertsStore.getState();
    const current = state.userId === userId ? state.alerts : [];
    if (userId === null) {
      putPageAlerts(null, []);
      return;
    }
    const incidents = deps.incidents();
    const { alerts, raised } = mergePageAlerts(current, pagesFor(userId, pagesIn(patches)), incidents);
    putPageAlerts(userId, alerts);
    for (const alert of raised) {
      const { title, body } = pageNotification(alert, incidents.get(alert.incidentId));
      deps.notify(title, body).catch((error: unknown) => {
        // The in-app alert is up either way; a missing desktop notification is not worth more.
        console.warn('[sitroom] desktop notification failed', error);
      });
    }
  };
}
