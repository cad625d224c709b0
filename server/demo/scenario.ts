import type { Alert, Severity } from '../../shared/domain';
import type { IngestBatch } from '../ingest/batch';

// A realistic outage for newcomers, drills and showroom walls: the payments database falls
// behind, the API on top of it starts failing, checkout slows down and orders back up; an
// unrelated edge link drops packets meanwhile. Then things recover, in order, over ~4 minutes.

export interface DemoStep {
  readonly atSeconds: number;
  readonly group: string;
  readonly title: string;
  readonly alerts: ReadonlyArray<DemoAlert>;
}

interface DemoAlert {
  readonly id: string;
  readonly status: 'firing' | 'resolved';
  readonly summary: string;
  readonly severity: Severity;
  readonly service: string;
  readonly instance: string;
}

const fire = (
  id: string,
  summary: string,
  severity: Severity,
  service: string,
  instance: string,
): DemoAlert => ({
  id,
  status: 'firing',
  summary,
  severity,
  service,
  instance,
});
const clear = (alert: DemoAlert): DemoAlert => ({ ...alert, status: 'resolved' });

const lagPg2 = fire('lag-pg2', 'Replica pg-2 is 312s behind primary', 'sev1', 'payments-db', 'pg-2.dc1:9187');
const lagPg3 = fire('lag-pg3', 'Replica pg-3 is 298s behind primary', 'sev1', 'payments-db', 'pg-3.dc1:9187');
const api = [1, 2, 3, 4].map((n) =>
  fire(
    `api-5xx-${n}`,
    `payments-api-${n} answers 7% of requests with 5xx`,
    'sev1',
    'payments-api',
    `payments-api-${n}:8080`,
  ),
);
const checkout = fire(
  'checkout-p99',
  'Checkout p99 latency 2.4s (budget 800ms)',
  'sev2',
  'checkout-web',
  'checkout-web',
);
const backlog = fire(
  'orders-backlog',
  'orders queue backlog 48k messages and growing',
  'sev3',
  'orders-worker',
  'orders-worker',
);
const edge = fire(
  'edge-loss',
  'Packet loss 12% on lb-edge-4 uplink',
  'sev2',
  'edge-network',
  'lb-edge-4.dc1',
);
const cache = fire(
  'search-cache',
  'Search cache hit ratio 61% (usually 90%)',
  'sev4',
  'search-api',
  'search-api',
);

const [api1, api2, api3, api4] = api as [DemoAlert, DemoAlert, DemoAlert, DemoAlert];

export const DEMO_SCENARIO: ReadonlyArray<DemoStep> = [
  {
    atSeconds: 0,
    group: 'replication',
    title: 'PostgresReplicationLag on payments-db',
    alerts: [lagPg2, lagPg3],
  },
  { atSeconds: 20, group: 'api-errors', title: 'High 5xx rate on payments-api', alerts: [api1, api2] },
  { atSeconds: 40, group: 'checkout', title: 'Checkout latency above budget', alerts: [checkout] },
  { atSeconds: 55, group: 'api-errors', title: 'High 5xx rate on payments-api', alerts: [api1, api2, api3] },
  { atSeconds: 70, group: 'orders', title: 'Orders queue backlog growing', alerts: [backlog] },
  { atSeconds: 90, group: 'edge', title: 'Packet loss on lb-edge-4 uplink', alerts: [edge] },
  {
    atSeconds: 105,
    group: 'api-errors',
    title: 'High 5xx rate on payments-api',
    alerts: [api1, api2, api3, api4],
  },
  { atSeconds: 120, group: 'search', title: 'Search cache hit ratio low', alerts: [cache] },
  {
    atSeconds: 150,
    group: 'replication',
    title: 'PostgresReplicationLag on payments-db',
    alerts: [lagPg2, clear(lagPg3)],
  },
  { atSeconds: 175, group: 'edge', title: 'Packet loss on lb-edge-4 uplink', alerts: [clear(edge)] },
  {
    atSeconds: 195,
    group: 'replication',
    title: 'PostgresReplicationLag on payments-db',
    alerts: [clear(lagPg2)],
  },
  { atSeconds: 215, group: 'api-errors', title: 'High 5xx rate on payments-api', alerts: api.map(clear) },
  { atSeconds: 235, group: 'checkout', title: 'Checkout latency above budget', alerts: [clear(checkout)] },
  { atSeconds: 250, group: 'orders', title: 'Orders queue backlog growing', alerts: [clear(backlog)] },
];

/** The batch one demo step delivers, as if monitoring had sent it at `now`. */
export function demoBatch(step: DemoStep, runId: string, startedAt: number, now: number): IngestBatch {
  return {
    source: 'demo',
    actor: { kind: 'integration', id: 'demo' },
    groupKey: `demo:${runId}:${step.group}`,
    title: step.title,
    receivedAt: now,
    alerts: step.alerts.map(
      (alert): Alert => ({
        fingerprint: `demo-${runId}-${alert.id}`,
        source: 'demo',
        status: alert.status,
        title: alert.summary,
        severity: alert.severity,
        service: alert.service,
        labels: { alertname: step.title, service: alert.service, instance: alert.instance, demo: 'true' },
        annotations: { summary: alert.summary },
        links: [],
        startsAt: startedAt,
        endsAt: alert.status === 'resolved' ? now : null,
      }),
    ),
  };
}
