// The situation room's nouns: incidents grouped from alerts, and who did what to them.
// Times are epoch milliseconds (UTC) everywhere inside Sitroom; the REST API shows ISO 8601.

export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** True for sev1…sev4 only: the guard for any severity that came from outside. */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as ReadonlyArray<string>).includes(value);
}

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as ReadonlyArray<string>).includes(value);
}

export type AlertSource = 'alertmanager' | 'pagerduty' | 'demo';

/** Who caused an event: the hub itself, a monitoring integration, or a person. */
export type Actor =
  | { readonly kind: 'system' }
  | { readonly kind: 'integration'; readonly id: string }
  | { readonly kind: 'user'; readonly id: string };

export interface AlertLink {
  readonly href: string;
  readonly text: string;
}

/** One alert as monitoring reported it. Every string in it is untrusted text. */
export interface Alert {
  readonly fingerprint: string;
  readonly source: AlertSource;
  readonly status: 'firing' | 'resolved';
  readonly title: string;
  readonly severity: Severity;
  readonly service: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly links: ReadonlyArray<AlertLink>;
  readonly startsAt: number;
  readonly endsAt: number | null;
  /** The integration whose credentials delivered it (integrations.yaml id); absent without one. */
  readonly integration?: string;
}

export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly source: AlertSource;
  /** Alertmanager groupKey or PagerDuty dedup_key: alerts with the same key join this incident. */
  readonly groupKey: string;
  readonly services: ReadonlyArray<string>;
  readonly alerts: Readonly<Record<string, Alert>>;
  readonly alertCount: number;
  readonly firingCount: number;
  readonly openedAt: number;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: Actor | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: Actor | null;
  readonly commander: string | null;
  readonly responders: ReadonlyArray<string>;
  /** Runbook checklist steps ticked off, by step id. */
  readonly runbookStepsDone: ReadonlyArray<string>;
  /** Set when this incident was merged into another; it is then resolved. */
  readonly mergedInto: string | null;
  /** Group keys of incidents merged into this one: their alerts now land here. */
  readonly absorbedGroupKeys: ReadonlyArray<string>;
  /** True once a person has acted on it: from then on only a person resolves it. */
  readonly humanInvolved: boolean;
  /** Teams told about it by notify_impacted, each with the last time it was told. */
  readonly notifiedTeams: ReadonlyArray<TeamNotice>;
  /**
   * Where its escalation policy stands. Absent or null: no policy took charge (and snapshots
   * written before escalations existed lack the field).
   */
  readonly escalation?: IncidentEscalation | null;
  /** seq of the last event that changed this incident. */
  readonly updatedSeq: number;
}

/** A team was told about an incident (notify_impacted) at `at`. */
export interface TeamNotice {
  readonly teamId: string;
  readonly at: number;
}

export const ESCALATION_STOP_REASONS = ['acknowledged', 'resolved', 'policy_removed'] as const;
export type EscalationStopReason = (typeof ESCALATION_STOP_REASONS)[number];

/** An incident's escalation, folded from its escalation_* events. */
export interface IncidentEscalation {
  readonly policyId: string;
  /** The level paged last, 1-based; 0 before the first page. */
  readonly level: number;
  /** 0 on the ladder's first run, 1… on each repeat. */
  readonly cycle: number;
  /** Who the last page went to. */
  readonly pagedUserIds: ReadonlyArray<string>;
  readonly pagedAt: number | null;
  /** When the next level is due; null when stopped or nothing follows. */
  readonly nextLevelAt: number | null;
  /** Why it will page nobody else, or null while it runs. */
  readonly stopped: EscalationStopReason | null;
}

export type IncidentMap = Readonly<Record<string, Incident>>;

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { sev1: 1, sev2: 2, sev3: 3, sev4: 4 };

/** The more urgent of two severities (sev1 is the most urgent). */
export function worstSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function isOpen(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'resolved';
}

/** What board order reads of an incident (a whole one, or a board row). */
export type BoardKey = Pick<Incident, 'id' | 'severity' | 'openedAt'>;

/** Board order: most urgent first, then oldest first so new arrivals do not push rows down. */
export function compareForBoard(a: BoardKey, b: BoardKey): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1)
  );
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
