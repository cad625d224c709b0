import type { Incident } from '../domain';
import { nameSome } from '../text/name-some';
import type { ChannelRef } from './catalog';
import type { CatalogGraph } from './catalog-graph';
import { incidentImpact } from './incident-impact';

// Who notify_impacted tells: every affected team (owners of the incident's services and of the
// services hurt downstream) that has a channel to tell it on. Everyone is told again on a second
// notify — the commander asked, and the timeline records each time. Shared, so a console predicts
// the same `teams_notified` event the hub records.

export interface NotifyTargets {
  readonly teams: ReadonlyArray<{ readonly teamId: string; readonly channels: ReadonlyArray<ChannelRef> }>;
  /** Affected teams with no notify channel. */
  readonly unreachable: ReadonlyArray<string>;
}

/** The teams to tell about an incident, or a sentence saying why there is nobody to tell. */
export function notifyTargets(
  graph: CatalogGraph | null,
  incident: Pick<Incident, 'id' | 'services' | 'notifiedTeams'>,
): NotifyTargets | string {
  if (graph === null || graph.services.length === 0) {
    return 'No service catalog is configured (services.yaml), so there is nobody to notify.';
  }
  if (incident.services.length === 0) {
    return `${incident.id} names no service, so no team owns it: there is nobody to notify.`;
  }
  if (incident.services.every((id) => !graph.node(id).inCatalog)) {
    return `${incident.id}'s services (${nameSome(incident.services)}) are not in the service catalog, so no team owns them: there is nobody to notify.`;
  }
  const teams: Array<NotifyTargets['teams'][number]> = [];
  const unreachable: string[] = [];
  for (const team of incidentImpact(graph, incident).teams) {
    const channels = graph.team(team.id)?.channels ?? [];
    if (channels.length > 0) teams.push({ teamId: team.id, channels });
    else unreachable.push(team.id);
  }
  if (teams.length === 0) {
    // Named the first few only: with a big catalog the list alone ran to kilobytes.
    const names = nameSome(unreachable.map((id) => graph.team(id)?.name ?? id));
    return `No affected team has a notify channel in services.yaml (${names}), so there is nobody to notify.`;
  }
  return { teams, unreachable };
}
