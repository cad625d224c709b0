// The alert traffic the peer, fan-out, resync and soak benchmarks send, in both of the shapes a
// NOC has today: the Alertmanager webhook a Sitroom hub receives, and the array of alerts
// Prometheus posts to Alertmanager's /api/v2/alerts. The same label sets go into both, so the
// peer comparison sends the same alert volume to each.

export interface BenchAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

let counter = 0;
/** A group name no earlier body used, so every body opens a new incident (or Alertmanager group). */
export const freshGroup = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

/** `count` alerts of one group; `firstIndex` lets a later body add new alerts to the same group. */
export function groupAlerts(
  group: string,
  count: number,
  annotations: Readonly<Record<string, string>> = {},
  firstIndex = 0,
): BenchAlert[] {
  return Array.from({ length: count }, (_, n) => {
    const i = firstIndex + n;
    return {
      labels: { alertname: group, instance: `host-${i}:9100`, service: `svc-${i % 20}`, severity: 'warning' },
      annotations: { summary: `Benchmark alert ${i} of ${group}`, ...annotations },
    };
  });
}

/** An Alertmanager webhook (version 4) for one group, as Alertmanager would post it to Sitroom. */
export function webhookBody(
  group: string,
  alerts: ReadonlyArray<BenchAlert>,
  status: 'firing' | 'resolved' = 'firing',
): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${group}"}`,
    status,
    receiver: 'sitroom',
    groupLabels: { alertname: group },
    commonLabels: { alertname: group, severity: 'warning' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.bench:9093',
    truncatedAlerts: 0,
    alerts: alerts.map((alert) => ({
      status,
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: now,
      endsAt: status === 'resolved' ? now : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.bench:9090/graph',
      // Alertmanager always sends its fingerprint; the label set identifies the alert.
      fingerprint: `${alert.labels.alertname}/${alert.labels.instance}`,
    })),
  });
}

/** The body Prometheus posts to Alertmanager's /api/v2/alerts for the same alerts. */
export function postableAlerts(alerts: ReadonlyArray<BenchAlert>): string {
  const startsAt = new Date().toISOString();
  return JSON.stringify(
    alerts.map((alert) => ({
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt,
      generatorURL: 'http://prometheus.bench:9090/graph',
    })),
  );
}
