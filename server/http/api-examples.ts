// Request bodies the OpenAPI document shows (route-table.ts). A test sends each to a fresh hub in
// open local mode, in table order, and expects it accepted: the alert opens INC-1, which the
// command example then acknowledges.

export const ALERTMANAGER_EXAMPLE = {
  version: '4',
  groupKey: '{}:{alertname="PostgresReplicationLag", service="payments-db"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'sitroom',
  groupLabels: { alertname: 'PostgresReplicationLag', service: 'payments-db' },
  commonLabels: { alertname: 'PostgresReplicationLag', service: 'payments-db', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.noc.example:9093',
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'PostgresReplicationLag',
        instance: 'pg-2.dc1:9187',
        service: 'payments-db',
        severity: 'critical',
      },
      annotations: { summary: 'Replica pg-2 is 312s behind primary' },
      startsAt: '2026-11-27T04:23:52Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.noc.example:9090/graph?g0.expr=pg_replication_lag',
      fingerprint: '8740e0d018a83277',
    },
  ],
} as const;

export const PAGERDUTY_EXAMPLE = {
  routing_key: 'R015Q2ZTZ7DW4W8Q9Y1ZZP1QK5QWZ3E2',
  event_action: 'trigger',
  dedup_key: 'dc1/lb-edge-4/packet-loss',
  payload: {
    summary: 'Packet loss 12% on lb-edge-4 uplink',
    source: 'lb-edge-4.dc1',
    severity: 'error',
    component: 'uplink-eth1',
  },
} as const;

export const COMMAND_EXAMPLE = {
  commandId: '01JD8Z3Q4R5S6T7V8W9X0Y1Z2A',
  type: 'acknowledge',
  incidentId: 'INC-1',
} as const;
