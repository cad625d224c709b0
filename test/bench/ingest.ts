import { type RunningHub, startHub } from '../support/hub';
import { baselineRoot } from './baseline-tree';
import { guardMicroseconds } from './guard-cost';
import { postBody } from './http-client';
import { fixedRate } from './load';
import { metricsMicroseconds } from './metrics-cost';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// Durable ingest: alerts per second the hub accepts (2xx only after commit) and response times,
// for Alertmanager bodies of 1 and 100 alerts and PagerDuty events, flat out and at a fixed rate.
// Every body is a new group with new fingerprints, so every alert really becomes events on disk.

let counter = 0;
function alertmanagerBody(alerts: number): string {
  const group = `bench-${process.pid}-${++counter}`;
  const startsAt = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${group}"}`,
    status: 'firing',
    receiver: 'sitroom',
    groupLabels: { alertname: group },
    commonLabels: { alertname: group, severity: 'warning' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.bench:9093',
    truncatedAlerts: 0,
    alerts: Array.from({ length: alerts }, (_, i) => ({
      status: 'firing',
      labels: { alertname: group, instance: `host-${i}:9100`, service: `svc-${i % 20}`, severity: 'warning' },
      annotations: { summary: `Benchmark alert ${i} of ${group}` },
      startsAt,
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.bench:9090/graph',
      fingerprint: `${group}-${i}`,
    })),
  });
}

function pagerdutyBody(): string {
  return JSON.stringify({
    routing_key: 'R015Q2ZTZ7DW4W8Q9Y1ZZP1QK5QWZ3E2',
    event_action: 'trigger',
    dedup_key: `bench-${process.pid}-${++counter}`,
    payload: { summary: 'Benchmark packet loss', source: 'lb-bench', severity: 'error', component: 'uplink' },
  });
}

interface Case {
  readonly name: string;
  readonly path: string;
  readonly alertsPerBody: number;
  readonly body: () => string;
}

async function post(hub: RunningHub, c: Case): Promise<number> {
  const started = performance.now();
  const status = await postBody(`${hub.url}${c.path}`, c.body());
  if (status >= 300) throw new Error(`${c.name}: HTTP ${status}`);
  return performance.now() - started;
}

/** As many requests as `concurrency` senders can push for `seconds`. */
async function flatOut(hub: RunningHub, c: Case, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await post(hub, c));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    alertsPerSecond: round((latencies.length * c.alertsPerBody) / elapsed, 0),
    latency: summarise(latencies),
  };
}

/** A steady `rate` of requests per second for `seconds`; latency without queueing behind ourselves. */
async function atSteadyRate(hub: RunningHub, c: Case, rate: number, seconds: number) {
  const steady = await fixedRate(() => post(hub, c), rate, rate * seconds);
  return { requests: steady.requests, achievedRate: steady.requestsPerSecond, latency: steady.latency };
}

/**
 * The hubs to measure: this tree, and with BENCH_BASELINE=<ref> that commit's too, each case run
 * on both in turn so contention hits them alike (the cost of the Origin/Host and rate-limit checks
 * on ingest is the difference).
 */
function hubsToMeasure(): Array<{ readonly label: string; readonly root?: string }> {
  const baseline = baselineRoot();
  return baseline === null
    ? [{ label: '' }]
    : [{ label: ` [baseline ${process.env.BENCH_BASELINE}]`, root: baseline }, { label: ' [this tree]' }];
}

export async function benchIngest(): Promise<BenchRow[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const hubs = hubsToMeasure();
  const cases: Case[] = [
    {
      name: 'alertmanager, 1 alert/body',
      path: '/api/v1/ingest/alertmanager',
      alertsPerBody: 1,
      body: () => alertmanagerBody(1),
    },
    {
      name: 'alertmanager, 100 alerts/body',
      path: '/api/v1/ingest/alertmanager',
      alertsPerBody: 100,
      body: () => alertmanagerBody(100),
    },
    { name: 'pagerduty event', path: '/v2/enqueue', alertsPerBody: 1, body: pagerdutyBody },
  ];
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  for (const c of cases)
    for (const { label, root } of hubs) {
      const hub = await startHub(root ? { root } : {});
      const name = `${c.name}${label}`;
      try {
        for (let i = 0; i < 50; i++) await post(hub, c); // warm up JIT and connections
        const flat = await flatOut(hub, c, 32, seconds);
        const steadyRate = c.alertsPerBody === 100 ? 100 : 1000;
        const steady = await atSteadyRate(hub, c, steadyRate, seconds);
        details[name] = { flatOut: flat, fixedRate: { rate: steadyRate, ...steady } };
        const budget =
          c.alertsPerBody === 100
            ? '≥ 20,000 alerts/s'
            : c.name.startsWith('alertmanager')
              ? '≥ 2,000 req/s'
              : undefined;
        rows.push({
          benchmark: 'ingest',
          case: name,
          figure: 'flat out, durable alerts/s (32 senders)',
          value: flat.alertsPerSecond,
          ...(budget ? { budget } : {}),
        });
        rows.push({
          benchmark: 'ingest',
          case: name,
          figure: 'flat out, response p50 / p99 ms',
          value: `${flat.latency.p50} / ${flat.latency.p99}`,
        });
        rows.push({
          benchmark: 'ingest',
          case: name,
          figure: `at ${steadyRate} req/s, response p50 / p99 ms`,
          value: `${steady.latency.p50} / ${steady.latency.p99}`,
          budget: 'p99 < 50 ms',
        });
      } finally {
        await hub.stop();
      }
    }
  const guard = guardMicroseconds();
  details.frontDoor = guard;
  rows.push({
    benchmark: 'ingest',
    case: 'front door (Host, Origin, ingest limit), in-process',
    figure: 'µs per request: monitoring / browser with Origin',
    value: `${guard.perRequest} / ${guard.perBrowserRequest}`,
  });
  const metricsCost = await metricsMicroseconds();
  details.metrics = metricsCost;
  rows.push({
    benchmark: 'ingest',
    case: 'metrics (counters and histograms per delivery), in-process',
    figure: 'µs per request / ms per scrape',
    value: `${metricsCost.perRequest} / ${metricsCost.scrapeMs}`,
  });
  writeResult('ingest', rows, details);
  return rows;
}
