import { create } from 'zustand';
import type { RowLike } from '../../shared/feed/board-row';
import { isAnswered, type PageAlert, withoutAnswered } from './pages-for-me';

// The page alerts showing at this console, for the person signed in. An alert stays until it is
// dismissed or answered (the incident acknowledged after the page, or resolved).

interface PageAlertsStore {
  readonly alerts: ReadonlyArray<PageAlert>;
  /** Whose pages these are: another sign-in starts from none. */
  readonly userId: string | null;
}

export const usePageAlertsStore = create<PageAlertsStore>()(() => ({ alerts: [], userId: null }));

/** The alerts after a frame's pages: new pages replace an incident's older one; answered ones go. */
export function mergePageAlerts(
  current: ReadonlyArray<PageAlert>,
  pages: ReadonlyArray<PageAlert>,
  incidents: ReadonlyMap<string, RowLike>,
): { readonly alerts: ReadonlyArray<PageAlert>; readonly raised: ReadonlyArray<PageAlert> } {
  const byIncident = new Map(current.map((alert) => [alert.incidentId, alert]));
  const raised: PageAlert[] = [];
  for (const page of pages) {
    const known = byIncident.get(page.incidentId);
    // A page already seen (a replayed batch) or already answered (caught up after the fact) is no news.
    if ((known && known.seq >= page.seq) || isAnswered(page, incidents.get(page.incidentId))) continue;
    byIncident.set(page.incidentId, page);
    raised.push(page);
  }
  const merged = raised.length === 0 ? current : [...byIncident.values()];
  return { alerts: withoutAnswered(merged, incidents), raised };
}

/** Sets the alerts for `userId`; a different user's alerts are dropped first. */
export function putPageAlerts(userId: string | null, alerts: ReadonlyArray<PageAlert>): void {
  const state = usePageAlertsStore.getState();
  if (state.userId === userId && state.alerts === alerts) return;
  usePageAlertsStore.setState({ userId, alerts });
}

/** Removes one incident's alert: the person has seen it. */
export function dismissPageAlert(incidentId: string): void {
  usePageAlertsStore.setState((state) => ({
    alerts: state.alerts.filter((alert) => alert.incidentId !== incidentId),
  }));
}
