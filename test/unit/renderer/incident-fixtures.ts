import type { Alert, Incident, Severity } from '../../../shared/domain';
import type { HubEvent } from '../../../shared/events';
import { type BoardRow, boardRowOf } from '../../../shared/feed/board-row';

// Incidents for renderer tests, built as the hub would send them: events in seq order.

const T0 = Date.UTC(2026, 10, 27, 4, 0, 0);

export interface IncidentSpec {
  readonly id: string;
  readonly severity?: Severity;
  readonly openedAt?: number;
  readonly resolvedAt?: number | null;
  readonly title?: string;
}

/** A firing alert for an incident. */
export function firingAlert(fingerprint: string, severity: Severity = 'sev3'): Alert {
  return {
    fingerprint,
    source: 'alertmanager',
    status: 'firing',
    title: `alert ${fingerprint}`,
    severity,
    service: 'payments-db',
    labels: {},
    annotations: {},
    links: [],
    startsAt: T0,
    endsAt: null,
  };
}

/** The events that open an incident with one firing alert (and resolve it, if asked). */
export function incidentEvents(spec: IncidentSpec, firstSeq: number): HubEvent[] {
  const at = spec.openedAt ?? T0;
  const severity = spec.severity ?? 'sev3';
  const base = { actor: { kind: 'integration', id: 'prom' } as const, incidentId: spec.id };
  const events: HubEvent[] = [
    {
      ...base,
      seq: firstSeq,
      at,
      type: 'incident_opened',
      title: spec.title ?? `incident ${spec.id}`,
      severity,
      source: 'alertmanager',
      groupKey: spec.id,
    },
    { ...base, seq: firstSeq + 1, at, type: 'alert_fired', alert: firingAlert(`${spec.id}-a`, severity) },
  ];
  if (spec.resolvedAt != null) {
    events.push({
      ...base,
      seq: firstSeq + 2,
      at: spec.resolvedAt,
      type: 'incident_resolved',
      reason: 'alerts_cleared',
    });
  }
  return events;
}

/** A minimal incident value, for selector tests that need no events. */
export function incident(spec: IncidentSpec): Incident {
  const resolvedAt = spec.resolvedAt ?? null;
  return {
    id: spec.id,
    title: spec.title ?? `incident ${spec.id}`,
    severity: spec.severity ?? 'sev3',
    status: resolvedAt === null ? 'investigating' : 'resolved',
    source: 'alertmanager',
    groupKey: spec.id,
    services: [],
    alerts: {},
    alertCount: 0,
    firingCount: 0,
    openedAt: spec.openedAt ?? T0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt,
    resolvedBy: resolvedAt === null ? null : { kind: 'system' },
    commander: null,
    responders: [],
    runbookStepsDone: [],
    mergedInto: null,
    absorbedGroupKeys: [],
    humanInvolved: false,
    notifiedTeams: [],
    updatedSeq: 1,
  };
}

/** A board row, as a host sends it, for an incident value. */
export function row(spec: IncidentSpec): BoardRow {
  return boardRowOf(incident(spec), false);
}

/** Board rows for incident values, as a host sends them. */
export function rowsOf(...incidents: Incident[]): BoardRow[] {
  return incidents.map((value) => boardRowOf(value, false));
}

/** An incident map from incidents. */
export function boardOf(...incidents: Incident[]): Record<string, Incident> {
  return Object.fromEntries(incidents.map((value) => [value.id, value]));
}

export { T0 };
