import { describeChange } from '../changes/change';
import { type Actor, type Alert, assertNever, type EscalationStopReason, type Severity } from '../domain';
import type { HubEvent } from '../events';
import { matcherText } from '../silences/matchers';
import { nameSome } from '../text/name-some';

// One plain-text sentence per timeline event, for exports and anything else that reads the log to
// people. The sentences carry untrusted text (alert titles, notes) unescaped: each output format
// escapes for itself, because what is dangerous differs between Markdown, CSV and HTML.

/** Teams a timeline line names as told; a big catalog's notify tells hundreds. */
const TEAMS_TOLD_SHOWN = 10;

/** userId → display name, e.g. from users.yaml: a map, or the hub directory's lookup. */
export type DisplayNames = Readonly<Record<string, string>> | ((userId: string) => string);

export interface DescribeContext {
  readonly names?: DisplayNames | undefined;
  /** The incident's alerts by fingerprint, so "alert resolved" can say which alert by its title. */
  readonly alerts?: Readonly<Record<string, Alert>> | undefined;
  /**
   * Every name, not the first few: an exported timeline is the record a review or an auditor
   * reads, so "and 190 more" would lose who was told. The panel on screen names a few.
   */
  readonly everyName?: boolean | undefined;
}

/** A person's display name when known, else their user id. */
export function personLabel(userId: string, names?: DisplayNames): string {
  if (typeof names === 'function') return names(userId) || userId;
  // hasOwn, not names[userId]: a user called "constructor" must not print a function.
  return names && Object.hasOwn(names, userId) ? (names[userId] ?? userId) : userId;
}

/** Who did it, as a reader of the timeline should see it. */
export function actorLabel(actor: Actor, names?: DisplayNames): string {
  switch (actor.kind) {
    case 'user':
      return personLabel(actor.id, names);
    case 'integration':
      return `integration:${actor.id}`;
    case 'system':
      return 'Sitroom';
    default:
      return assertNever(actor);
  }
}

/** "SEV1" — how the NOC says it out loud. */
export const severityLabel = (severity: Severity): string => severity.toUpperCase();

const withService = (title: string, service: string | null): string =>
  service ? `${title} [${service}]` : title;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

const STOP_REASON: Readonly<Record<EscalationStopReason, string>> = {
  acknowledged: 'acknowledged',
  resolved: 'resolved',
  policy_removed: 'its policy is no longer configured',
};

/** A human sentence for one event, e.g. "Severity SEV2 → SEV1". */
export function describeEvent(event: HubEvent, context: DescribeContext = {}): string {
  const person = (userId: string): string => personLabel(userId, context.names);
  switch (event.type) {
    case 'incident_opened':
      return `Incident opened: ${event.title} (${severityLabel(event.severity)})`;
    case 'alert_fired':
      return `Alert firing: ${withService(event.alert.title, event.alert.service)}`;
    case 'alert_resolved': {
      const alert =
        context.alerts && Object.hasOwn(context.alerts, event.fingerprint)
          ? context.alerts[event.fingerprint]
          : undefined;
      return alert
        ? `Alert resolved: ${withService(alert.title, alert.service)}`
        : `Alert resolved: ${event.fingerprint}`;
    }
    case 'incident_acknowledged':
      return 'Acknowledged';
    case 'incident_resolved':
      return event.reason === 'alerts_cleared' ? 'Resolved (all alerts cleared)' : 'Resolved';
    case 'commander_assigned':
      return `Commander: ${person(event.userId)}`;
    case 'responder_added':
      return `Responder added: ${person(event.userId)}`;
    case 'responder_removed':
      return `Responder removed: ${person(event.userId)}`;
    case 'severity_changed':
      return `Severity ${severityLabel(event.previous)} → ${severityLabel(event.severity)}`;
    case 'note_added':
      return `Note: ${event.text}`;
    case 'status_changed':
      return `Status: ${event.previous} → ${event.status}`;
    case 'incident_reopened':
      return 'Reopened';
    case 'incident_merged':
      return `Merged into ${event.intoIncidentId}`;
    case 'incident_absorbed':
      return `Absorbed ${event.fromIncidentId} (${plural(event.alerts.length, 'alert')})`;
    case 'runbook_step_completed':
      return `Runbook step done: ${event.stepId}`;
    case 'teams_notified': {
      const names = (list: ReadonlyArray<string>, shown?: number): string =>
        context.everyName ? list.join(', ') : nameSome(list, shown);
      const told = names(
        event.teams.map((team) => team.teamId),
        TEAMS_TOLD_SHOWN,
      );
      const unreachable = event.unreachable.length > 0 ? `; no channel for ${names(event.unreachable)}` : '';
      return `Teams notified: ${told || 'none'}${unreachable}`;
    }
    // Escalation pages say which level paged whom; a target is a user id or a team id, and only
    // a user id has a display name.
    case 'notification_delivered': {
      const what = event.level === undefined ? 'Notification' : `Level ${event.level} page`;
      return `${what} delivered to ${person(event.target)} (${event.channel} ${event.host}, ${plural(event.attempt, 'attempt')})`;
    }
    case 'notification_failed': {
      const what = event.level === undefined ? 'Notification' : `Level ${event.level} page`;
      return `${what} to ${person(event.target)} failed (${event.channel} ${event.host}, ${plural(event.attempt, 'attempt')}): ${event.error}${event.retrying ? '; retrying' : ''}`;
    }
    case 'escalation_started':
      return `Escalation started: policy ${event.policyId}`;
    case 'escalation_level_paged': {
      const people = event.targets.map(person).join(', ') || 'nobody';
      const teams = event.teams.length > 0 ? `; teams ${event.teams.join(', ')}` : '';
      const repeat = event.cycle > 0 ? ` (repeat ${event.cycle})` : '';
      return `Escalation level ${event.level}${repeat} paged: ${people}${teams}`;
    }
    case 'escalation_stopped':
      return `Escalation stopped: ${STOP_REASON[event.reason]}`;
    case 'change_recorded':
      return `Change: ${describeChange(event.change)}`;
    case 'silence_requested':
      return `Silence requested for ${plural(event.minutes, 'minute')} (${event.matchers.map(matcherText).join(', ')}): ${event.comment}`;
    case 'silence_created':
      return `Silence ${event.silenceId} created in ${event.integration}, until ${new Date(event.endsAt).toISOString().slice(11, 16)} UTC`;
    case 'silence_expire_requested':
      return `Silence ${event.silenceId}: expiry requested`;
    case 'silence_expired':
      return `Silence ${event.silenceId} expired in ${event.integration}`;
    case 'silence_failed':
      return `${event.action === 'create' ? 'Silence' : `Expiring silence ${event.silenceId ?? ''}`} failed: ${event.error}`;
    default:
      return assertNever(event);
  }
}
