import type { Incident } from '../../shared/domain';
import type { EscalationLevelPaged } from '../../shared/events';
import type { ChannelKind } from '../../shared/impact/catalog';
import { incidentSummary } from '../api-view';
import { httpBody, type Notice } from './channel-message';

// What a page says. A generic webhook gets the incident and the page as data plus a sentence;
// Slack (and anything Slack-compatible) gets the sentence as {text}, Teams a card, email a
// message — each with the incident's link (server/notify/channel-message.ts).

export interface PagedPerson {
  readonly id: string;
  readonly name: string;
}

/** The page as a notice for any channel. */
export function pageNotice(
  incident: Incident,
  page: EscalationLevelPaged,
  people: ReadonlyArray<PagedPerson>,
  link: string | null,
): Notice {
  return {
    headline: `[${incident.severity.toUpperCase()}] ${incident.id}: ${incident.title}`,
    lines: [pageSentence(page, people)],
    text: pageText(incident, page, people),
    link,
    incidentId: incident.id,
    urgent: incident.severity === 'sev1' || incident.severity === 'sev2',
    data: {
      incident: incidentSummary(incident),
      level: page.level,
      cycle: page.cycle,
      paged: people,
      teams: page.teams,
      dueNext: page.dueNext === null ? null : new Date(page.dueNext).toISOString(),
    },
  };
}

/** The body to POST to one HTTP channel for one page. */
export function pageBody(
  kind: Exclude<ChannelKind, 'email'>,
  incident: Incident,
  page: EscalationLevelPaged,
  people: ReadonlyArray<PagedPerson>,
  link: string | null = null,
): unknown {
  return httpBody(kind, pageNotice(incident, page, people, link));
}

/** "[SEV1] INC-4: Payments DB down. Escalation level 2 pages Dana Reyes, Eve Lindqvist." */
export function pageText(
  incident: Incident,
  page: EscalationLevelPaged,
  people: ReadonlyArray<PagedPerson>,
): string {
  return `[${incident.severity.toUpperCase()}] ${incident.id}: ${incident.title}. ${pageSentence(page, people)}`;
}

function pageSentence(page: EscalationLevelPaged, people: ReadonlyArray<PagedPerson>): string {
  const who = people.map((person) => person.name).join(', ') || 'nobody in person';
  const teams = page.teams.length > 0 ? ` and team ${page.teams.join(', ')}` : '';
  const repeat = page.cycle > 0 ? ` (repeat ${page.cycle})` : '';
  return `Escalation level ${page.level}${repeat} pages ${who}${teams}. Acknowledge it in Sitroom.`;
}
