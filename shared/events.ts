import type { Actor, Alert, AlertSource, IncidentStatus, Severity } from './domain';

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
  | RunbookStepCompleted;
export type HubEventType = HubEvent['type'];

/** An event before the log gave it a seq. */
export type NewEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq'> : never) : never;
