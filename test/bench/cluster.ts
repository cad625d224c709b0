import type { ChildProcess } from 'node:child_process';
import { startCluster } from '../support/cluster';
import { startHub } from '../support/hub';
import { postgresMissing } from '../support/postgres';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { benchClusterFailover } from './cluster-failover';
import { resultOf, startConsoles } from './fanout';
import { fixedRate, flatOut, timedPost } from './load';
import { scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round } from './stats';

// Several hubs on one PostgreSQL (`npm run bench cluster`):
//   ingest   durable alerts/s, flat out with 32 senders spread over the hubs, for the single
//            SQLite hub, one hub on PostgreSQL and three, with 100-alert and 1-alert bodies;
//   latency  POST on hub A → the event at a console on hub C, at 200 alerts/s;
//   fan-out  600 consoles across three hubs at 1,000 events/s, delivery latency;
//   failover cluster-failover.ts.
// PostgreSQL runs with its defaults (fsync on) in a throwaway cluster on the same machine, so on
// two cores it competes with the hubs and the load generator for CPU: read figures as such.

const SENDERS = 32;

interface Target {
  readonly name: string;
  readonly urls: ReadonlyArray<string>;
  /** The open-mode key the consoles present (one for all of a cluster's hubs). */
  readonly openKey: string;
  stop(): Promise<void>;
}

async function sqliteHub(): Promise<Target> {
  const hub = await startHub();
  return { name: 'SQLite, 1 hub', urls: [hub.url], openKey: hub.openKey ?? '', stop: () => hub.stop() };
}

async function postgresHubs(count: number): Promise<Target> {
  const cluster = await startCluster(count);
  return {
    name: `PostgreSQL, ${count} hub${count === 1 ? '' : 's'}`,
    urls: cluster.hubs.map((hub) => hub.url),
    openKey: cluster.hubs[0]?.openKey ?? '',
    stop: () => cluster.destroy(),
  };
}

async function ingest(target: Target, perBody: number, seconds: number) {
  let next = 0;
  const send = (): Promise<number> => {
    const url = target.urls[next++ % target.urls.length] as string;
    const group = freshGroup('cluster');
    return timedPost(`${url}/api/v1/ingest/alertmanager`, webhookBody(group, groupAlerts(group, perBody)));
  };
  for (let i = 0; i < 50; i++) await send();
  const flat = await flatOut(send, SENDERS, seconds);
  return { alertsPerSecond: round(flat.requestsPerSecond * perBody, 0), latency: flat.latency };
}

/** Alerts posted at `rate` to `ingestUrls` in turn, each adding one alert (one event) to one of 50 groups. */
async function deliver(
  ingestUrls: ReadonlyArray<string>,
  consoleUrls: ReadonlyArray<string>,
  openKey: string,
  consoles: number,
  rate: number,
  seconds: number,
) {
  const groups = Array.from({ length: 50 }, () => freshGroup('deliver'));
  for (const group of groups)
    await timedPost(`${ingestUrls[0]}/api/v1/ingest/alertmanager`, webhookBody(group, groupAlerts(group, 1)));
  let child: ChildProcess | null = null;
  try {
    child = await startConsoles(consoleUrls.join(','), openKey, consoles);
    const total = Math.round(rate * seconds);
    const posts = await fixedRate(
      (i) => {
        const group = groups[i % groups.length] as string;
        const sentAt = String(performance.timeOrigin + performance.now());
        const alerts = groupAlerts(group, 1, { sentAt }, 1 + Math.floor(i / groups.length));
        const url = ingestUrls[i % ingestUrls.length] as string;
        return timedPost(`${url}/api/v1/ingest/alertmanager`, webhookBody(group, alerts));
      },
      rate,
      total,
    );
    return { posts: posts.requestsPerSecond, events: total, ...(await resultOf(child, total)) };
  } finally {
    if (child && child.exitCode === null) child.kill();
  }
}

export async function benchCluster(): Promise<BenchRow[]> {
  const missing = postgresMissing();
  if (missing) {
    console.error(`bench cluster: skipped: ${missing}`);
    return [];
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? scaled(5, 2));
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { seconds, senders: SENDERS };
  const row = (name: string, figure: string, value: number | string, budget?: string): void => {
    rows.push({ benchmark: 'cluster', case: name, figure, value, ...(budget ? { budget } : {}) });
  };

  for (const open of [sqliteHub, () => postgresHubs(1), () => postgresHubs(3)]) {
    const target = await open();
    try {
      for (const perBody of [100, 1]) {
        const measured = await ingest(target, perBody, seconds);
        const name = `${target.name}, ${perBody} alert${perBody === 1 ? '' : 's'}/request`;
        details[name] = measured;
        row(name, `flat out, alerts/s (${SENDERS} senders)`, measured.alertsPerSecond);
        row(name, 'flat out, response p50 / p99 ms', `${measured.latency.p50} / ${measured.latency.p99}`);
      }
    } finally {
      await target.stop();
    }
  }

  const cluster = await startCluster(3);
  try {
    const [a, , c] = cluster.hubs.map((hub) => hub.url) as [string, string, string];
    const latency = await deliver(
      [a],
      [c],
      cluster.hubs[0]?.openKey ?? '',
      1,
      200,
      Number(process.env.BENCH_SECONDS ?? scaled(10, 2)),
    );
    details['cross-hub latency'] = latency;
    row(
      'POST on hub A → event at a console on hub C, 200 alerts/s',
      'p50 / p99 ms',
      `${round(latency.latency.p50, 1)} / ${round(latency.latency.p99, 1)}`,
      'p99 < 100 ms',
    );
    const urls = cluster.hubs.map((hub) => hub.url);
    const consoles = Number(process.env.BENCH_CLUSTER_CONSOLES ?? 600);
    const fanout = await deliver(urls, urls, cluster.hubs[0]?.openKey ?? '', consoles, 1000, seconds);
    details['fan-out'] = fanout;
    const name = `${consoles} consoles across 3 hubs, 1,000 events/s for ${seconds} s`;
    row(
      name,
      'POST → event at each console, p50 / p99 ms',
      `${round(fanout.latency.p50, 1)} / ${round(fanout.latency.p99, 1)}`,
    );
    row(
      name,
      'delivered / expected (slowest console)',
      `${fanout.delivered} / ${fanout.events * consoles} (${fanout.slowestConsole})`,
    );
    row(name, 'ingest achieved req/s', fanout.posts);
  } finally {
    await cluster.destroy();
  }

  rows.push(...(await benchClusterFailover(details)));
  writeResult('cluster', rows, details);
  return rows;
}
