import type { Incident } from '../../shared/domain';
import type { ChannelKind } from '../../shared/impact/catalog';
import type { IncidentImpact } from '../../shared/impact/incident-impact';
import { incidentSummary } from '../api-view';
import { httpBody, type Notice } from '../notify/channel-message';
import { impactView } from './catalog-routes';

// What a team receives from notify_impacted. A generic webhook gets the incident and its impact
// as data plus a sentence; Slack gets the sentence, Teams a card, email a message — each with the
// incident's link (server/notify/channel-message.ts, which also escapes alert text for each).

/** How many downstream services the sentence names before "and N more". */
const NAMED_SERVICES = 5;

export interface NotifiedTeam {
  readonly id: string;
  readonly name: string;
}

/** The notification to one team as a notice for any channel. */
export function notifyNotice(
  incident: Incident,
  impact: IncidentImpact,
  team: NotifiedTeam,
  link: string | null,
): Notice {
  const [headline = '', ...lines] = notifyLines(incident, impact, team);
  return {
    headline,
    lines,
    text: [headline, ...lines].join('\n'),
    link,
    incidentId: incident.id,
    urgent: incident.severity === 'sev1' || incident.severity === 'sev2',
    data: { team, incident: incidentSummary(incident), impact: impactView(incident.id, impact) },
  };
}

/** The body to POST to one HTTP channel of one team. */
export function notifyBody(
  kind: Exclude<ChannelKind, 'email'>,
  incident: Incident,
  impact: IncidentImpact,
  team: NotifiedTeam,
  link: string | null = null,
): unknown {
  return httpBody(kind, notifyNotice(incident, impact, team, link));
}

/** One plain sentence or three: what broke, what it hurts, why this team hears about it. */
export function notifyText(incident: Incident, impact: IncidentImpact, team: NotifiedTeam): string {
  return notifyLines(incident, impact, team).join('\n');
}

function notifyLines(incident: Incident, impact: IncidentImpact, team: NotifiedTeam): string[] {
  const lines = [`[${incident.severity.toUpperCase()}] ${incident.id}: ${incident.title}`];
  if (incident.services.length > 0) lines.push(`Failing: ${incident.services.join(', ')}.`);
  if (impact.services.length > 0) {
    const named = impact.services.slice(0, NAMED_SERVICES).map((service) => service.name);
    const more = impact.services.length - named.length;
    lines.push(`Affects downstream: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`);
  }
  const owner = impact.teams.find((candidate) => candidate.id === team.id)?.owner ?? false;
  lines.push(
    owner
      ? `${team.name} owns a failing service.`
      : `${team.name} owns a service that depends on a failing one.`,
  );
  return lines;
}
