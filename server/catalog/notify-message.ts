import type { Incident } from '../../shared/domain';
import type { ChannelKind } from '../../shared/impact/catalog';
import type { IncidentImpact } from '../../shared/impact/incident-impact';
import { incidentSummary } from '../api-view';
import { impactView } from './catalog-routes';

// What a team receives from notify_impacted. A generic webhook gets the incident and its impact
// as data plus a sentence; Slack gets the sentence. Alert titles are untrusted text, so in Slack
// (which reads <…> as links and mentions such as <!channel>) they are escaped.

/** How many downstream services the sentence names before "and N more". */
const NAMED_SERVICES = 5;

export interface NotifiedTeam {
  readonly id: string;
  readonly name: string;
}

/** The body to POST to one channel of one team. */
export function notifyBody(
  kind: ChannelKind,
  incident: Incident,
  impact: IncidentImpact,
  team: NotifiedTeam,
): unknown {
  const text = notifyText(incident, impact, team);
  if (kind === 'slack') return { text: slackEscape(text) };
  return { text, team, incident: incidentSummary(incident), impact: impactView(incident.id, impact) };
}

/** One plain sentence or three: what broke, what it hurts, why this team hears about it. */
export function notifyText(incident: Incident, impact: IncidentImpact, team: NotifiedTeam): string {
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
  return lines.join('\n');
}

/** Slack's mrkdwn control characters, per its "escaping text" guide. */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
