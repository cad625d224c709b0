import { DESKTOP_NOTIFICATION_LIMITS } from '../../shared/api';
import type { EscalationLevelPaged } from '../../shared/events';
import { severityLabel } from '../../shared/export/describe-event';
import type { RowLike } from '../../shared/feed/board-row';

// Which of the replica's events page the person at this console, and what the alert says. Pure:
// the notifier that calls these is a thin shell around them.

/** An in-app page alert: one per incident, the newest page. */
export interface PageAlert {
  readonly incidentId: string;
  readonly level: number;
  readonly cycle: number;
  /** The page event's seq, so the same page never alerts twice. */
  readonly seq: number;
  /** When the hub paged (hub clock). */
  readonly pagedAt: number;
}

/**
 * The pages in a frame's `paged` patches that name `userId` among their targets, newest per
 * incident. A whole board is a picture, not news: only pages sent as they happened count.
 */
export function pagesFor(
  userId: string,
  pages: ReadonlyArray<EscalationLevelPaged>,
): ReadonlyArray<PageAlert> {
  const newest = new Map<string, PageAlert>();
  for (const event of pages) {
    if (!event.targets.includes(userId)) continue;
    newest.set(event.incidentId, alertFor(event));
  }
  return [...newest.values()];
}

const alertFor = (event: EscalationLevelPaged): PageAlert => ({
  incidentId: event.incidentId,
  level: event.level,
  cycle: event.cycle,
  seq: event.seq,
  pagedAt: event.at,
});

/**
 * True once nobody needs this page any more: the incident was acknowledged after it (or is
 * resolved, or gone from the board). An acknowledgement before the page does not count: an
 * operator who pages a level of an acknowledged incident by hand wants that person to come.
 */
export function isAnswered(alert: PageAlert, incident: RowLike | undefined): boolean {
  if (!incident || incident.status === 'resolved') return true;
  return incident.acknowledgedAt !== null && incident.acknowledgedAt >= alert.pagedAt;
}

/** The alerts still waiting for someone, given the board now; the same array when none went. */
export function withoutAnswered(
  alerts: ReadonlyArray<PageAlert>,
  incidents: ReadonlyMap<string, RowLike>,
): ReadonlyArray<PageAlert> {
  const kept = alerts.filter((alert) => !isAnswered(alert, incidents.get(alert.incidentId)));
  return kept.length === alerts.length ? alerts : kept;
}

/** The page as one line: "Level 2 (repeat 1)". */
export const pageLevelText = (alert: Pick<PageAlert, 'level' | 'cycle'>): string =>
  `Level ${alert.level}${alert.cycle > 0 ? ` (repeat ${alert.cycle})` : ''}`;

/** The desktop notification for a page, clipped to what main accepts. */
export function pageNotification(
  alert: PageAlert,
  incident: RowLike | undefined,
): { readonly title: string; readonly body: string } {
  const severity = incident ? ` ${severityLabel(incident.severity)}` : '';
  const title = `You are paged: ${alert.incidentId}${severity}`;
  const what = incident ? `${incident.title}\n` : '';
  const body = `${what}${pageLevelText(alert)} of the escalation. Acknowledge it in Sitroom.`;
  return {
    title: clip(title, DESKTOP_NOTIFICATION_LIMITS.title),
    body: clip(body, DESKTOP_NOTIFICATION_LIMITS.body),
  };
}

/** At most `max` UTF-16 units (what main counts), ending in "…" when cut, never mid-character. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
