import type { Incident } from '../../shared/domain';
import type { EscalationLevelPaged } from '../../shared/events';
import type { ChannelKind } from '../../shared/impact/catalog';
import { incidentSummary } from '../api-view';

// What a page says. A generic webhook gets the incident and the page as data plus a sentence;
// Slack (and anything Slack-compatible) gets the sentence as {text}. Alert titles are untrusted,
// so for Slack, which reads <…> as links and mentions such as <!channel>, they are escaped.

export interface PagedPerson {
  readonly id: string;
  readonly name: string;
}

/** The body to POST to one channel for one page. */
export function pageBody(
  kind: ChannelKind,
  incident: Incident,
  page: EscalationLevelPaged,
  people: ReadonlyArray<PagedPerson>,
): unknown {
  const text = pageText(incident, page, people);
  if (kind === 'slack') return { text: slackEscape(text) };
  return {
    incident: incidentSummary(incident),
    level: page.level,
    cycle: page.cycle,
    paged: people,
    teams: page.teams,
    dueNext: page.dueNext === null ? null : new Date(page.dueNext).toISOString(),
    text,
  };
}

/** "[SEV1] INC-4: Payments DB down. Escalation level 2 pages Dana Reyes, Eve Lindqvist." */
export function pageText(
  incident: Incident,
  page: EscalationLevelPaged,
  people: ReadonlyArray<PagedPerson>,
): string {
  const who = people.map((person) => person.name).join(', ') || 'nobody in person';
  const teams = page.teams.length > 0 ? ` and team ${page.teams.join(', ')}` : '';
  const repeat = page.cycle > 0 ? ` (repeat ${page.cycle})` : '';
  return `[${incident.severity.toUpperCase()}] ${incident.id}: ${incident.title}. Escalation level ${page.level}${repeat} pages ${who}${teams}. Acknowledge it in Sitroom.`;
}

function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
