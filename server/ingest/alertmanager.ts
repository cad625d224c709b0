import { createHash } from 'node:crypto';
import { ownValue } from '../../shared/dict';
import type { Actor, Alert } from '../../shared/domain';
import {
  type AlertmanagerAlert,
  type AlertmanagerWebhook,
  parseAlertmanagerTime,
} from '../../shared/ingest/alertmanager';
import { alertmanagerLinks } from '../../shared/ingest/links/alertmanager-links';
import { grafanaLinks, hasGrafanaLinks } from '../../shared/ingest/links/grafana-links';
import { mapSeverity, type SeverityTable } from '../../shared/severity';
import type { IngestBatch } from './batch';

// Alertmanager → Sitroom. One webhook is one Alertmanager group, so one incident.

export interface MappingOptions {
  readonly severityTable?: SeverityTable;
  /** Labels that name an alert's service, first match wins. */
  readonly serviceLabels?: ReadonlyArray<string>;
  readonly severityLabels?: ReadonlyArray<string>;
  /** The catalog's own rule for a label set, consulted before the service labels. */
  readonly serviceByLabels?: (labels: Readonly<Record<string, string>>) => string | null;
}

const DEFAULT_SERVICE_LABELS = ['service', 'app', 'job'];
const DEFAULT_SEVERITY_LABELS = ['severity', 'priority', 'level'];

export function normaliseAlertmanager(
  body: AlertmanagerWebhook,
  actor: Actor,
  receivedAt: number,
  options: MappingOptions = {},
): IngestBatch {
  // Which integration's credentials brought the alert: its silences go to that Alertmanager.
  const integration = actor.kind === 'integration' ? actor.id : undefined;
  const alerts = body.alerts.map((alert) => toAlert(alert, body, options, integration));
  return {
    source: 'alertmanager',
    actor,
    groupKey: `alertmanager:${body.groupKey}`,
    title: groupTitle(body),
    alerts,
    receivedAt,
  };
}

function toAlert(
  alert: AlertmanagerAlert,
  body: AlertmanagerWebhook,
  options: MappingOptions,
  integration: string | undefined,
): Alert {
  const labels = alert.labels;
  // ownValue in place of a `label` closure: under tsx each named closure costs a defineProperty.
  const serviceLabel = (options.serviceLabels ?? DEFAULT_SERVICE_LABELS).find((name) =>
    ownValue(labels, name),
  );
  const severityLabel = (options.severityLabels ?? DEFAULT_SEVERITY_LABELS).find((name) =>
    ownValue(labels, name),
  );
  // Grafana posts the same shape with links of its own; each goes through the URL policy.
  const links = hasGrafanaLinks(alert)
    ? grafanaLinks(alert, body.externalURL)
    : alertmanagerLinks(alert, body.externalURL);
  const startsAt = parseAlertmanagerTime(alert.startsAt) ?? Date.now();
  const normalised: { -readonly [K in keyof Alert]: Alert[K] } = {
    fingerprint: alert.fingerprint ?? fingerprintOf(labels),
    source: 'alertmanager',
    status: alert.status,
    title: ownValue(alert.annotations, 'summary') ?? ownValue(labels, 'alertname') ?? 'Alert',
    severity: mapSeverity(severityLabel ? ownValue(labels, severityLabel) : undefined, options.severityTable),
    service:
      options.serviceByLabels?.(labels) ?? (serviceLabel ? (ownValue(labels, serviceLabel) ?? null) : null),
    labels,
    annotations: alert.annotations,
    links,
    startsAt,
    endsAt: alert.status === 'resolved' ? (parseAlertmanagerTime(alert.endsAt) ?? Date.now()) : null,
  };
  // Last, as a spread of { integration } put it; set in place rather than copying the alert.
  if (integration !== undefined) normalised.integration = integration;
  return normalised;
}

/** "PostgresReplicationLag on payments-db", or the group's shared summary when it has one. */
function groupTitle(body: AlertmanagerWebhook): string {
  const summary = ownValue(body.commonAnnotations, 'summary');
  if (summary) return summary;
  const name =
    ownValue(body.groupLabels, 'alertname') ??
    ownValue(body.commonLabels, 'alertname') ??
    ownValue(body.alerts[0]?.labels, 'alertname');
  const service = ownValue(body.groupLabels, 'service') ?? ownValue(body.commonLabels, 'service');
  if (name && service) return `${name} on ${service}`;
  if (name) return name;
  const labels = Object.entries(body.groupLabels).map(([key, value]) => `${key}=${value}`);
  return labels.length > 0 ? labels.join(', ') : 'Alertmanager alert group';
}

/** Older senders omit the fingerprint; Alertmanager's own is a hash of the sorted label set. */
function fingerprintOf(labels: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((key) => `${key}\u0000${labels[key]}`)
    .join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
