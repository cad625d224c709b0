import type { Incident } from '../../../shared/domain';
import { alertIntegrations, noSilenceApi, nowhereToSilence } from '../../../shared/silences/silence-targets';
import type { IncidentActionId } from './action-catalog';

// Silencing happens in the Alertmanager an incident's alerts came from, through its API: with
// no Alertmanager alerts, or none from an integration with an api_url, a silence can only be
// refused. The console says why before the press (button, key, palette) in the hub's own words,
// rather than open a dialog whose every send fails.

/**
 * Why the incident's alerts cannot be silenced from here, or null when they can (or the console
 * cannot tell: its alerts not yet arrived, or a hub too old to say which APIs it has).
 * `silenceApis`: the integrations with an Alertmanager API, as the session says.
 */
export function whyNoSilence(
  incident: Pick<Incident, 'id' | 'alerts'> | null,
  silenceApis: ReadonlyArray<string> | undefined,
): string | null {
  if (incident === null) return null;
  const came = alertIntegrations(incident);
  if (came.length === 0) return nowhereToSilence(incident.id);
  if (silenceApis === undefined || came.some((id) => silenceApis.includes(id))) return null;
  return noSilenceApi(incident.id, came);
}

/**
 * The actions that go by the incident's alerts: whether they can be done (whyNoSilence) and the
 * silence's matchers are read from them. Until the feed has sent the alerts, a moment after the
 * incident opens, they wait: pressed, they say so; chosen in the palette, they run once it has.
 */
export const NEEDS_ALERTS: ReadonlySet<IncidentActionId> = new Set(['silence', 'expire_silence']);

/** Why an action that needs the incident's alerts cannot be done yet. */
export const alertsLoading = (incidentId: string): string =>
  `${incidentId}'s alerts are still loading; try again in a moment.`;
