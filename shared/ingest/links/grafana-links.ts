import type { AlertLink } from '../../domain';
import { type AlertmanagerLinkSource, alertmanagerLinkCandidates } from './alertmanager-links';
import { type LinkCandidate, safeLinks } from './safe-links';

// Grafana's webhook adds per-alert URLs to the Alertmanager shape (Grafana's "Webhook notifier"
// documentation): the dashboard and panel the rule belongs to, a pre-filled silence form and,
// with image rendering on, a screenshot of the panel. The screenshot is offered as a link and
// never loaded: fetching it would tell whoever wrote the URL that, and when, a console looked.

export interface GrafanaLinkSource {
  readonly dashboardURL?: string | undefined;
  readonly panelURL?: string | undefined;
  readonly silenceURL?: string | undefined;
  readonly imageURL?: string | undefined;
}

/** Whether an Alertmanager-shaped alert carries Grafana's own links. */
export function hasGrafanaLinks(alert: GrafanaLinkSource): boolean {
  return (
    alert.dashboardURL !== undefined ||
    alert.panelURL !== undefined ||
    alert.silenceURL !== undefined ||
    alert.imageURL !== undefined
  );
}

/** A Grafana alert's links after the URL policy: Grafana's own, then those of the Alertmanager shape. */
export function grafanaLinks(
  alert: GrafanaLinkSource & AlertmanagerLinkSource,
  externalURL: string,
): AlertLink[] {
  return safeLinks([
    ...grafanaLinkCandidates(alert),
    ...alertmanagerLinkCandidates(alert, externalURL, 'Grafana'),
  ]);
}

/** The panel first: it is what the on-call person opens to see the graph that fired. */
export function grafanaLinkCandidates(alert: GrafanaLinkSource): LinkCandidate[] {
  return [
    { href: alert.panelURL, text: 'Panel' },
    { href: alert.dashboardURL, text: 'Dashboard' },
    { href: alert.silenceURL, text: 'Silence in Grafana' },
    { href: alert.imageURL, text: 'Image (not loaded)' },
  ];
}
