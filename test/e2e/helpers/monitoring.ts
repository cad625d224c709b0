import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postJson, samplesDir } from '../../support/hub';

// What monitoring does to a hub: real webhook bodies, posted over HTTP like Alertmanager and
// PagerDuty senders post them.

export type AlertmanagerBody = Record<string, unknown>;

/** A sample webhook body from examples/webhooks. */
export function readSample(name: string): AlertmanagerBody {
  return JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as AlertmanagerBody;
}

/** Posts an Alertmanager webhook and fails the test unless the hub committed it. */
export async function sendAlertmanager(hubUrl: string, body: unknown): Promise<void> {
  const answer = await postJson(`${hubUrl}/api/v1/ingest/alertmanager`, body);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`alertmanager webhook refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Posts a PagerDuty Events v2 event to /v2/enqueue and fails the test unless it was accepted. */
export async function sendPagerDuty(hubUrl: string, body: unknown): Promise<void> {
  const answer = await postJson(`${hubUrl}/v2/enqueue`, body);
  if (answer.status !== 202) {
    throw new Error(`pagerduty event refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

export interface AlertGroupSpec {
  readonly alertname: string;
  readonly service: string;
  /** Alertmanager's severity label: critical, error, warning, info… */
  readonly severity: string;
  readonly summary?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly status?: 'firing' | 'resolved';
}

/** A one-alert Alertmanager (version 4) webhook body grouped by alertname and service. */
export function alertmanagerGroup(spec: AlertGroupSpec): AlertmanagerBody {
  const status = spec.status ?? 'firing';
  const labels = {
    alertname: spec.alertname,
    service: spec.service,
    severity: spec.severity,
    ...spec.labels,
  };
  const annotations = spec.summary === undefined ? {} : { summary: spec.summary };
  return {
    version: '4',
    receiver: 'sitroom',
    status,
    groupKey: `{}:{alertname="${spec.alertname}", service="${spec.service}"}`,
    groupLabels: { alertname: spec.alertname, service: spec.service },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: 'http://alertmanager.noc.example:9093',
    truncatedAlerts: 0,
    alerts: [
      {
        status,
        labels,
        annotations,
        startsAt: new Date().toISOString(),
        endsAt: status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.noc.example:9090/graph',
      },
    ],
  };
}

/** A summary with no spaces to break at, as generated rules write: it must wrap or give way, never spill. */
export const UNBROKEN_TITLE = `CheckoutGatewayUpstreamConnectionPoolExhausted${'_eu_west_1'.repeat(12)}`;

/** Posts a sev1 whose title is UNBROKEN_TITLE. */
export function sendUnbrokenSev1(hubUrl: string): Promise<void> {
  return sendAlertmanager(
    hubUrl,
    alertmanagerGroup({
      alertname: 'PoolExhausted',
      service: 'checkout',
      severity: 'critical',
      summary: UNBROKEN_TITLE,
    }),
  );
}
