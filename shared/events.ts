import type { Actor, Alert, AlertSource, Severity } from './domain';

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

export type HubEvent = IncidentOpened | AlertFired | AlertResolved | IncidentAcknowledged | IncidentResolved;
export type HubEventType = HubEvent['type'];

/** An event before the log gave it a seq. */
export type NewEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq'> : never) : never;
