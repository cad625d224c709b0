import type { Alert, Incident } from '../domain';

// Which Alertmanagers an incident's alerts can be silenced in: the integrations whose credentials
// delivered them. The hub narrows this to integrations with an api_url; a console cannot see the
// configuration and offers every one, and the hub says why when it refuses.

/** The integration ids the incident's Alertmanager alerts came through, in first-seen order. */
export function alertIntegrations(incident: Pick<Incident, 'alerts'>): string[] {
  const ids = new Set<string>();
  for (const alert of Object.values(incident.alerts)) {
    if (alert.source === 'alertmanager' && alert.integration !== undefined) ids.add(alert.integration);
  }
  return [...ids];
}

/** The incident's alerts that came through one of `integrations`. */
export function alertsFrom(incident: Pick<Incident, 'alerts'>, integrations: ReadonlyArray<string>): Alert[] {
  return Object.values(incident.alerts).filter(
    (alert) => alert.integration !== undefined && integrations.includes(alert.integration),
  );
}

/**
 * Why a silence is refused when the incident's alerts came only through Alertmanagers the hub
 * has no API address for: the hub's answer, and the console's before the press.
 */
export const noSilenceApi = (incidentId: string, came: ReadonlyArray<string>): string =>
  `${incidentId}'s alerts came through ${came.join(', ')}, and integrations.yaml gives none of them an api_url; Sitroom cannot reach that Alertmanager.`;

/** Why a silence of alerts no Alertmanager sent is refused: the hub's answer, and the console's before the press. */
export const nowhereToSilence = (incidentId: string): string =>
  `None of ${incidentId}'s alerts came from an Alertmanager integration, so there is nowhere to silence them.`;
