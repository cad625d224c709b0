import type { SitroomConfig } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import { matchesLabels } from '../../shared/silences/matchers';
import { alertIntegrations, alertsFrom } from '../../shared/silences/silence-targets';
import type { IncidentSilence, IncidentSilences } from '../../shared/silences/silence-view';
import { type ApiOptions, DEFAULT_API_OPTIONS, listSilences } from './alertmanager-api';
import { compileLinear } from './linear-regex';

// GET /api/v1/incidents/:id/silences: the silences in force on an incident's alerts, asked of each
// Alertmanager its alerts came from, so silences made elsewhere (amtool, karma, the Alertmanager
// UI) show too and one that ended by itself is gone. An Alertmanager that cannot be asked is
// named in `unreachable` rather than failing the whole answer.

export async function incidentSilences(
  incident: Incident,
  config: Pick<SitroomConfig, 'integrations'>,
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<IncidentSilences> {
  const unreachable: string[] = [];
  const silences: IncidentSilence[] = [];
  await Promise.all(
    alertIntegrations(incident).map(async (id) => {
      const api = config.integrations.find((entry) => entry.id === id)?.api;
      if (!api) return;
      const alerts = alertsFrom(incident, [id]);
      try {
        for (const silence of await listSilences({ id, api }, [], options)) {
          if (silence.status.state !== 'active' && silence.status.state !== 'pending') continue;
          const matchers = silence.matchers.map((matcher) => ({
            ...matcher,
            isEqual: matcher.isEqual ?? true,
          }));
          const covered = alerts.filter((alert) => matchesLabels(matchers, alert.labels, compileLinear));
          if (covered.length === 0) continue;
          silences.push({
            integration: id,
            id: silence.id,
            state: silence.status.state,
            matchers,
            startsAt: silence.startsAt,
            endsAt: silence.endsAt,
            createdBy: silence.createdBy,
            comment: silence.comment,
            alerts: covered.map((alert) => alert.fingerprint),
          });
        }
      } catch (error) {
        unreachable.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  silences.sort((a, b) => (a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : 0));
  return { silences, unreachable };
}
