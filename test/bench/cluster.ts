import { loadavg } from 'node:os';
import { startCluster } from '../support/cluster';
import { startHub } from '../support/hub';
import { postgresMissing } from '../support/postgres';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { baselineRoot } from './baseline-tree';
import { benchClusterFailover } from './cluster-failover';
import { type ConsoleGroup, startConsoleGroup } from './fanout';
import { watchSocketWaits } from './http-client';
import { fixedRate, flatOut, timedPost } from './load';
import { cpuMeter, scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { describeStages, scrapeFollowSources, scrapeStages, stagesBetween } from './stage-split';
import { round, summarise } from './stats';

// Several hubs on one PostgreSQL (`npm run bench cluster`):
//   ingest   durable alerts/s, flat out with 32 senders spread over the hubs, for the single
//            SQLite hub, one hub on PostgreSQL and three, with 100-alert and 1-alert bodies;
//   latency  POST on hub A → the event at a console on hub C, at 200 alerts/s, with where the
//            time went from the hubs' own histograms (commit steps on A, following on C);
//   fan-out  600 consoles across three hubs at 250, 500 and 1,000 events/s (stopping at the
//            first rate this machine cannot post), delivery latency;
//   failover cluster-failover.ts.
// BENCH_BASELINE=<ref> runs the PostgreSQL cases on that commit's hubs too, in turn with this
// tree's (BENCH_CLUSTER_ROUNDS times), so the two see the same minutes of a shared machine;
// BENCH_CLUSTER_PARTS=latency,fanout runs only those parts.
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

async function postgresHubs(count: number, tree: Tree = { label: '' }): Promise<Target> {
  const cluster = await startCluster(count, tree.root ? { root: tree.root } : {});
  return {
    name: `PostgreSQL, ${count} hub${count === 1 ? '' : 's'}${tree.label}`,
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

/** 50 groups with one alert each, opened on `ingestUrl` before any console connects. */
async function openGroups(ingestUrl: string): Promise<string[]> {
  const groups = Array.from({ length: 50 }, () => freshGroup('deliver'));
  for (const group of groups)
    await timedPost(`${ingestUrl}/api/v1/ingest/alertmanager`, webhookBody(group, groupAlerts(group, 1)));
  return groups;
}

/** Every alert posted is new (so it is one event), across runs on the same groups too. */
let alertNumber = 1;

/**
 * Alerts posted at `rate` to `ingestUrls` in turn (paced by the clock, each request on its own
 * schedule), each adding one alert (one event) to one of `groups`; the consoles' delivery of them.
 */
async function deliver(
  ingestUrls: ReadonlyArray<string>,
  consoles: ConsoleGroup,
  groups: ReadonlyArray<string>,
  rate: number,
  seconds: number,
) {
  const total = Math.round(rate * seconds);
  await consoles.begin();
  const socketWaits = watchSocketWaits();
  const posts = await fixedRate(
    (i) => {
      const group = groups[i % groups.length] as string;
      const sentAt = String(performance.timeOrigin + performance.now());
      const alerts = groupAlerts(group, 1, { sentAt }, alertNumber++);
      const url = ingestUrls[i % ingestUrls.length] as string;
      return timedPost(`${url}/api/v1/ingest/alertmanager`, webhookBody(group, alerts));
    },
    rate,
    total,
  );
  return {
    posts: posts.requestsPerSecond,
    postLatency: posts.latency,
    senderQueue: summarise(socketWaits()),
    events: total,
    ...(await consoles.result(total)),
  };
}

/** The hubs to compare: this tree, and with BENCH_BASELINE=<ref> that commit's first, in turn. */
interface Tree {
  readonly label: string;
  readonly root?: string;
}

function trees(): Tree[] {
  const baseline = baselineRoot();
  return baseline === null
    ? [{ label: '' }]
    : [{ label: ` [baseline ${process.env.BENCH_BASELINE}]`, root: baseline }, { label: ' [this tree]' }];
}

/** Which parts to run (BENCH_CLUSTER_PARTS=latency,fanout, say); all by default. */
function parts(): Set<string> {
  return new Set((process.env.BENCH_CLUSTER_PARTS ?? 'ingest,latency,fanout,failover').split(','));
}

const COMMIT_STAGES = ['queued', 'lock', 'write', 'commit', 'fold'];
const FOLLOW_STAGES = ['notified', 'read', 'fold'];

export async function benchCluster(): Promise<BenchRow[]> {
  const missing = postgresMissing();
  if (missing) {
    console.error(`bench cluster: skipped: ${missing}`);
    return [];
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? scaled(5, 2));
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { seconds, senders: SENDERS, load: {} };
  const row = (name: string, figure: string, value: number | string, budget?: string): void => {
    rows.push({ benchmark: 'cluster', case: name, figure, value, ...(budget ? { budget } : {}) });
  };
  const noteLoad = (what: string): void => {
    (details.load as Record<string, string>)[what] = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  };
  const run = parts();
  const compared = trees();

  if (run.has('ingest'))
    for (const open of [
      sqliteHub,
      ...compared.flatMap((tree) => [() => postgresHubs(1, tree), () => postgresHubs(3, tree)]),
    ]) {
      const target = await open();
      try {
        for (const perBody of [100, 1]) {
          const measured = await ingest(target, perBody, seconds);
          const name = `${target.name}, ${perBody} alert${perBody === 1 ? '' : 's'}/request`;
          details[name] = measured;
          noteLoad(name);
          row(name, `flat out, alerts/s (${SENDERS} senders)`, measured.alertsPerSecond);
          row(name, 'flat out, response p50 / p99 ms', `${measured.latency.p50} / ${measured.latency.p99}`);
        }
      } finally {
        await target.stop();
      }
    }

  const rounds = Number(process.env.BENCH_CLUSTER_ROUNDS ?? 1);
  for (let turn = 1; turn <= rounds; turn++)
    for (const { label, root } of compared) {
      const tag = `${label}${rounds > 1 ? ` (round ${turn})` : ''}`;
      if (run.has('latency')) await crossHubLatency(root, tag, details, row, noteLoad);
      if (run.has('fanout')) await fanOut(root, tag, seconds, details, row, noteLoad);
    }

  if (run.has('failover')) rows.push(...(await benchClusterFailover(details)));
  writeResult('cluster', rows, details);
  return rows;
}

type Row = (name: string, figure: string, value: number | string, budget?: string) => void;

/** POST on hub A → the event at one console on hub C at 200 alerts/s, and where the time went. */
async function crossHubLatency(
  root: string | undefined,
  tag: string,
  details: Record<string, unknown>,
  row: Row,
  noteLoad: (what: string) => void,
): Promise<void> {
  const cluster = await startCluster(3, root ? { root } : {});
  let consoles: ConsoleGroup | null = null;
  try {
    const [a, , c] = cluster.hubs.map((hub) => hub.url) as [string, string, string];
    const groups = await openGroups(a);
    consoles = await startConsoleGroup(c, cluster.hubs[0]?.openKey ?? '', 1, 1);
    const before = await Promise.all([
      scrapeStages(a, 'sitroom_commit_stage_seconds'),
      scrapeStages(c, 'sitroom_follow_stage_seconds'),
      scrapeFollowSources(c),
    ]);
    const latency = await deliver(
      [a],
      consoles,
      groups,
      200,
      Number(process.env.BENCH_SECONDS ?? scaled(10, 2)),
    );
    const after = await Promise.all([
      scrapeStages(a, 'sitroom_commit_stage_seconds'),
      scrapeStages(c, 'sitroom_follow_stage_seconds'),
      scrapeFollowSources(c),
    ]);
    const name = `POST on hub A → event at a console on hub C, 200 alerts/s${tag}`;
    noteLoad(name);
    const onA = stagesBetween(before[0], after[0]);
    const onC = stagesBetween(before[1], after[1]);
    details[name] = { ...latency, commitOnA: onA, followOnC: onC };
    row(
      name,
      'p50 / p99 ms',
      `${round(latency.latency.p50, 1)} / ${round(latency.latency.p99, 1)}`,
      'p99 < 100 ms',
    );
    row(name, 'delivered / expected', `${latency.delivered} / ${latency.events}`);
    if (Object.keys(onA).length > 0) {
      row(name, 'hub A commit, mean ms (p99 bucket)', describeStages(onA, COMMIT_STAGES));
      row(name, 'hub C following, mean ms (p99 bucket)', describeStages(onC, FOLLOW_STAGES));
      const batches = (source: string): number => (after[2][source] ?? 0) - (before[2][source] ?? 0);
      row(
        name,
        'hub C batches from the notification / from the log',
        `${batches('notification')} / ${batches('log')}`,
      );
    }
  } finally {
    consoles?.stop();
    await cluster.destroy();
  }
}

/**
 * 600 consoles (two console processes) across three hubs, ingest spread over the hubs, at rising
 * rates up to 1,000 events/s; stops after the first rate the machine could not post, so the last
 * rows say the highest rate reached and the delivery there.
 */
async function fanOut(
  root: string | undefined,
  tag: string,
  seconds: number,
  details: Record<string, unknown>,
  row: Row,
  noteLoad: (what: string) => void,
): Promise<void> {
  const cluster = await startCluster(3, root ? { root } : {});
  let consoles: ConsoleGroup | null = null;
  try {
    const urls = cluster.hubs.map((hub) => hub.url);
    const count = Number(process.env.BENCH_CLUSTER_CONSOLES ?? 600);
    const processes = Number(process.env.BENCH_CONSOLE_PROCESSES ?? (count >= 100 ? 2 : 1));
    const groups = await openGroups(urls[0] as string);
    consoles = await startConsoleGroup(urls.join(','), cluster.hubs[0]?.openKey ?? '', count, processes);
    const rates = (process.env.BENCH_CLUSTER_RATES ?? '250,500,1000').split(',').map(Number);
    for (const rate of rates) {
      const cpu = [
        ...cluster.hubs.map((hub) => cpuMeter(hub.process.pid as number)),
        ...consoles.pids.map(cpuMeter),
      ];
      const fanout = await deliver(urls, consoles, groups, rate, seconds);
      const percents = cpu.map((meter) => round(meter(), 0));
      const name = `${count} consoles across 3 hubs, ${rate} events/s for ${seconds} s${tag}`;
      noteLoad(name);
      details[name] = { ...fanout, cpuPercent: { hubs: percents.slice(0, 3), consoles: percents.slice(3) } };
      row(
        name,
        'POST → event at each console, p50 / p99 ms',
        `${round(fanout.latency.p50, 1)} / ${round(fanout.latency.p99, 1)}`,
      );
      row(
        name,
        'delivered / expected (slowest console)',
        `${fanout.delivered} / ${fanout.events * count} (${fanout.slowestConsole})`,
      );
      row(name, 'ingest achieved req/s, POST p99 ms', `${fanout.posts}, ${fanout.postLatency.p99}`);
      // A POST's time includes its wait at the sender for a connection (a kept one, or a new one
      // opened): that is the load generator's time, not the hub's.
      row(
        name,
        'POST waited for a connection (a kept one, or a new one’s TCP connect), p50 / p99 ms',
        `${fanout.senderQueue.p50} / ${fanout.senderQueue.p99}`,
      );
      row(
        name,
        'CPU % of one core: hubs; console processes',
        `${percents.slice(0, 3).join(' ')}; ${percents.slice(3).join(' ')}`,
      );
      if (fanout.posts < 0.9 * rate || fanout.delivered < fanout.events * count) break;
    }
  } finally {
    consoles?.stop();
    await cluster.destroy();
  }
}
