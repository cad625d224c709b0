import type { IngestBatch } from '../../server/ingest/batch';
import type { Alert, Severity } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';

// Small builders so tests read like the situation they describe.

export function alert(fingerprint: string, overrides: Partial<Alert> = {}): Alert {
  return {
    fingerprint,
    source: 'alertmanager',
    status: 'firing',
    title: `alert ${fingerprint}`,
    severity: 'sev3',
    service: 'payments-db',
    labels: { alertname: 'Test', service: 'payments-db' },
    annotations: {},
    links: [],
    startsAt: 1_000,
    endsAt: null,
    ...overrides,
  };
}

export function batch(groupKey: string, alerts: Alert[], overrides: Partial<IngestBatch> = {}): IngestBatch {
  return {
    source: 'alertmanager',
    actor: { kind: 'integration', id: 'test' },
    groupKey,
    title: `group ${groupKey}`,
    alerts,
    receivedAt: 5_000,
    ...overrides,
  };
}

let seq = 0;
/** Numbers planned events the way the log would. */
export function numbered<T extends object>(events: T[], from = seq + 1): HubEvent[] {
  seq = from - 1;
  return events.map((event) => ({ ...event, seq: ++seq }) as unknown as HubEvent);
}

export function opened(incidentId: string, severity: Severity = 'sev3', at = 1_000): Omit<HubEvent, 'seq'> {
  return {
    type: 'incident_opened',
    incidentId,
    at,
    actor: { kind: 'integration', id: 'test' },
    title: `incident ${incidentId}`,
    severity,
    source: 'alertmanager',
    groupKey: `g-${incidentId}`,
  } as Omit<HubEvent, 'seq'>;
}
