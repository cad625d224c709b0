import type { Change } from './changes/change';
import type { Actor, Alert, AlertSource, EscalationStopReason, IncidentStatus, Severity } from './domain';
import type { ChannelKind, ChannelRef } from './impact/catalog';
import type { SilenceMatcher } from './silences/matchers';

// The hub's append-only event log. Every change to an incident is one of these, with a
// gap-free, increasing seq and its actor, so the log is also the audit trail.

interface EventBase {
  readonly seq: number;
  readonly at: number;
  readonly actor: Actor;
  readonly incidentId: string;
}

export interface IncidentOpened extends EventBase {
  readonly type: 'incident_opened';
  readonly title: string;
  readonly severity: Severity;
  readonly source: AlertSource;
  readonly groupKey: string;
}

export interface AlertFired extends EventBase {
  readonly type: 'alert_fired';
  readonly alert: Alert;
}

export interface AlertResolved extends EventBase {
  readonly type: 'alert_resolved';
  readonly fingerprint: string;
  readonly endsAt: number;
}

export interface IncidentAcknowledged extends EventBase {
  readonly type: 'incident_acknowledged';
}

export interface IncidentResolved extends EventBase {
  readonly type: 'incident_resolved';
  /** `alerts_cleared`: every alert resolved before anyone acknowledged; `manual`: a person resolved it. */
  readonly reason: 'alerts_cleared' | 'manual';
}

export interface CommanderAssigned extends EventBase {
  readonly type: 'commander_assigned';
  readonly userId: string;
}

export interface ResponderAdded extends EventBase {
  readonly type: 'responder_added';
  readonly userId: string;
}

export interface ResponderRemoved extends EventBase {
  readonly type: 'responder_removed';
  readonly userId: string;
}

export interface SeverityChanged extends EventBase {
  readonly type: 'severity_changed';
  readonly severity: Severity;
  readonly previous: Severity;
}

export interface NoteAdded extends EventBase {
  readonly type: 'note_added';
  /** Plain text, shown as text; links in it are recognised by the views, never HTML. */
  readonly text: string;
}

export interface StatusChanged extends EventBase {
  readonly type: 'status_changed';
  readonly status: Exclude<IncidentStatus, 'resolved'>;
  readonly previous: IncidentStatus;
}

export interface IncidentReopened extends EventBase {
  readonly type: 'incident_reopened';
}

/** On the incident that goes away: it is resolved into `intoIncidentId`. */
export interface IncidentMerged extends EventBase {
  readonly type: 'incident_merged';
  readonly intoIncidentId: string;
}

/** On the incident that stays: it takes over the merged incident's alerts and group. */
export interface IncidentAbsorbed extends EventBase {
  readonly type: 'incident_absorbed';
  readonly fromIncidentId: string;
  readonly groupKeys: ReadonlyArray<string>;
  readonly alerts: ReadonlyArray<Alert>;
}

export interface RunbookStepCompleted extends EventBase {
  readonly type: 'runbook_step_completed';
  readonly stepId: string;
}

/** A commander told the teams an incident affects (owners and downstream); delivery follows. */
export interface TeamsNotified extends EventBase {
  readonly type: 'teams_notified';
  /** Each team told, with where (channel kind and host; never the URL, which holds secrets). */
  readonly teams: ReadonlyArray<{ readonly teamId: string; readonly channels: ReadonlyArray<ChannelRef> }>;
  /** Affected teams with no notify channel in services.yaml: nobody there could be told. */
  readonly unreachable: ReadonlyArray<string>;
}

/** One message reached a team's or person's channel (after `attempt` tries). */
export interface NotificationDelivered extends EventBase {
  readonly type: 'notification_delivered';
  readonly channel: ChannelKind;
  /** The team or user id the message was for. */
  readonly target: string;
  /** The channel URL's host only. */
  readonly host: string;
  readonly attempt: number;
  /** The escalation level that paged; absent for notify_impacted. */
  readonly level?: number;
  /**
   * Which delivery of which request: `<seq of the page or teams_notified>.<n>`, the same on every
   * try and every hub, so a new leader knows what is finished (absent in events before it existed).
   */
  readonly deliveryId?: string;
}

/** One message could not be delivered; `attempt` tries were made, `error` says what the last one got. */
export interface NotificationFailed extends EventBase {
  readonly type: 'notification_failed';
  readonly channel: ChannelKind;
  readonly target: string;
  readonly host: string;
  readonly attempt: number;
  readonly error: string;
  /** The escalation level that paged; absent for notify_impacted. */
  readonly level?: number;
  /** Escalation pages record every failed try: true when another try follows. */
  readonly retrying?: boolean;
  /** As on notification_delivered. */
  readonly deliveryId?: string;
}

/** An escalation policy took charge of an incident: its levels will be paged until someone acknowledges. */
export interface EscalationStarted extends EventBase {
  readonly type: 'escalation_started';
  readonly policyId: string;
}

/** One level of the policy was paged: by the hub when its time came, or by an operator (escalate). */
export interface EscalationLevelPaged extends EventBase {
  readonly type: 'escalation_level_paged';
  /** 1-based level of the policy. */
  readonly level: number;
  /** 0 on the ladder's first run, 1… on each repeat. */
  readonly cycle: number;
  /** The people paged, rotations and teams resolved to user ids at `at`. */
  readonly targets: ReadonlyArray<string>;
  /** Teams whose notify channels are told. */
  readonly teams: ReadonlyArray<string>;
  /** When the next level is due unless someone acknowledges; null when nothing follows. */
  readonly dueNext: number | null;
}

/** The escalation will page nobody else. */
export interface EscalationStopped extends EventBase {
  readonly type: 'escalation_stopped';
  readonly reason: EscalationStopReason;
}

/**
 * A change to a service (a deploy, a config change, a flag) was reported. It belongs to no
 * incident (incidentId is ''): incidents find the changes before them by service and time, through
 * the store's `changes` table (EventLog.changesBefore).
 */
export interface ChangeRecorded extends EventBase {
  readonly type: 'change_recorded';
  readonly change: Change;
}

/**
 * A person asked for the incident's alerts to be silenced in the Alertmanagers they came from.
 * The hub's leader then creates the silence through each one's API and records the outcome.
 */
export interface SilenceRequested extends EventBase {
  readonly type: 'silence_requested';
  /** The command's id; the outcome events name it, and it tags the silence's comment. */
  readonly requestId: string;
  readonly matchers: ReadonlyArray<SilenceMatcher>;
  readonly minutes: number;
  readonly comment: string;
  readonly endsAt: number;
  /** The integrations (integrations.yaml ids) whose Alertmanagers get the silence. */
  readonly integrations: ReadonlyArray<string>;
}

/** An Alertmanager made the silence asked for by `requestId`. */
export interface SilenceCreated extends EventBase {
  readonly type: 'silence_created';
  readonly requestId: string;
  readonly integration: string;
  /** Alertmanager's id for the silence. */
  readonly silenceId: string;
  readonly endsAt: number;
}

/** A person asked for a silence to end now. */
export interface SilenceExpireRequested extends EventBase {
  readonly type: 'silence_expire_requested';
  readonly requestId: string;
  readonly silenceId: string;
  /** Where to look for it: the Alertmanagers of the incident's alerts. */
  readonly integrations: ReadonlyArray<string>;
}

export interface SilenceExpired extends EventBase {
  readonly type: 'silence_expired';
  readonly requestId: string;
  readonly integration: string;
  readonly silenceId: string;
}

/** Creating or expiring a silence failed; `error` says which Alertmanager refused what. */
export interface SilenceFailed extends EventBase {
  readonly type: 'silence_failed';
  readonly action: 'create' | 'expire';
  readonly requestId: string;
  /** null when no Alertmanager could be asked (none configured any more). */
  readonly integration: string | null;
  readonly silenceId?: string;
  readonly error: string;
}

export type HubEvent =
  | IncidentOpened
  | AlertFired
  | AlertResolved
  | IncidentAcknowledged
  | IncidentResolved
  | CommanderAssigned
  | ResponderAdded
  | ResponderRemoved
  | SeverityChanged
  | NoteAdded
  | StatusChanged
  | IncidentReopened
  | IncidentMerged
  | IncidentAbsorbed
  | RunbookStepCompleted
  | TeamsNotified
  | NotificationDelivered
  | NotificationFailed
  | EscalationStarted
  | EscalationLevelPaged
  | EscalationStopped
  | ChangeRecorded
  | SilenceRequested
  | SilenceCreated
  | SilenceExpireRequested
  | SilenceExpired
  | SilenceFailed;
export type HubEventType = HubEvent['type'];

/** An event before the log gave it a seq. */
export type NewEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq'> : never) : never;
