import { readFileSync, writeFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { type RunningHub, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { baselineRoot } from './baseline-tree';
import { postBody } from './http-client';
import { cpuSeconds, threadCpuSeconds } from './proc';
import { round, sleep } from './stats';

// CPU per one-alert Alertmanager delivery, this tree against a baseline commit, side by side: both
// hubs run at once, each with one console connected, and each is sent the same steady load (every
// alert posted firing, then resolved once the firing is answered). The hubs' CPU is read from
// /proc, all threads and the main thread apart, so what is compared is CPU per request, which
// contention moves far less than throughput or latency.
//
//   BENCH_BASELINE=<ref> npx tsx test/bench/ingest-cpu-ab.ts
//   AB_RATE=500 (alerts/s per hub) AB_SECONDS=10 AB_RUNS=4

const rate = Number(process.env.AB_RATE ?? 500);
const seconds = Number(process.env.AB_SECONDS ?? 10);
const runs = Number(process.env.AB_RUNS ?? 4);
const PATH = '/api/v1/ingest/alertmanager';

/** Requests and group commits so far (sitroom_commit_batch_size's sum and count). */
async function commits(hub: RunningHub): Promise<{ requests: number; commits: number }> {
  const text = await (await hub.api('/metrics')).text();
  const figure = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    requests: figure('sitroom_commit_batch_size_sum'),
    commits: figure('sitroom_commit_batch_size_count'),
  };
}

/** The hub's CPU seconds, all threads and its main thread (whose task id is the pid). */
function hubCpu(hub: RunningHub): { all: number; main: number } {
  const pid = hub.process.pid as number;
  return { all: cpuSeconds(pid), main: threadCpuSeconds(pid, pid) };
}

interface Side {
  readonly label: string;
  readonly hub: RunningHub;
  requests: number;
}

/** One alert fired and then resolved on every hub: two requests each. */
async function alertCycle(sides: ReadonlyArray<Side>): Promise<void> {
  const group = freshGroup('ab');
  const alerts = groupAlerts(group, 1);
  await Promise.all(
    sides.map(async (side) => {
      for (const status of ['firing', 'resolved'] as const) {
        // The sender itself sends again a post whose kept connection the hub had closed as idle.
        const answer = await postBody(`${side.hub.url}${PATH}`, webhookBody(group, alerts, status));
        if (answer !== 200) throw new Error(`${side.label}: HTTP ${answer}`);
        side.requests++;
      }
    }),
  );
}

async function steadyLoad(sides: ReadonlyArray<Side>, alertsPerSecond: number, forSeconds: number) {
  const started = performance.now();
  const total = Math.round(alertsPerSecond * forSeconds);
  const inflight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / alertsPerSecond - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(alertCycle(sides));
  }
  await Promise.all(inflight);
}

async function main(): Promise<void> {
  const root = baselineRoot(process.env.BENCH_BASELINE ?? 'HEAD');
  if (root === null) throw new Error('no baseline');
  // A storm from one sender address is over the default ingest limit (1,000/s); lift it alike.
  const args = ['--ingest-rate-limit', '100000'];
  const hubs = await Promise.all([startHub({ root, args }), startHub({ args })]);
  const sides: Side[] = [
    { label: `baseline ${process.env.BENCH_BASELINE ?? 'HEAD'}`, hub: hubs[0], requests: 0 },
    { label: 'this tree', hub: hubs[1], requests: 0 },
  ];
  const consoles = sides.map((side) =>
    io(side.hub.url, { transports: ['websocket'], auth: { token: side.hub.openKey ?? '' } }),
  );
  try {
    await steadyLoad(sides, rate, 2); // warm up the JIT and the connections
    for (let run = 1; run <= runs; run++) {
      const batches = await Promise.all(sides.map((side) => commits(side.hub)));
      const before = sides.map((side) => ({ ...hubCpu(side.hub), requests: side.requests }));
      await steadyLoad(sides, rate, seconds);
      const cpu = sides.map((side) => hubCpu(side.hub));
      const batchesAfter = await Promise.all(sides.map((side) => commits(side.hub)));
      const row = sides.map((side, i) => {
        const b = before[i] as (typeof before)[number];
        const c = cpu[i] as (typeof cpu)[number];
        const requests = side.requests - b.requests;
        const from = batches[i] as { requests: number; commits: number };
        const to = batchesAfter[i] as { requests: number; commits: number };
        return {
          side: side.label,
          cpuMicrosPerRequest: round(((c.all - b.all) * 1e6) / requests, 0),
          mainMicrosPerRequest: round(((c.main - b.main) * 1e6) / requests, 0),
          perCommit: round((to.requests - from.requests) / Math.max(1, to.commits - from.commits), 1),
        };
      });
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      console.log(
        `run ${run} (load ${load}): ${row.map((r) => `${r.side} ${r.cpuMicrosPerRequest} µs (main ${r.mainMicrosPerRequest}, ${r.perCommit} requests/commit)`).join(' | ')}`,
      );
    }
  } finally {
    for (const socket of consoles) socket.close();
    await Promise.all(hubs.map((hub) => hub.stop()));
    // AB_LOG_DIR: what each hub logged, to see whether a storm makes it write log lines.
    const logDir = process.env.AB_LOG_DIR;
    if (logDir) for (const [i, hub] of hubs.entries()) writeFileSync(`${logDir}/hub-${i}.log`, hub.output());
  }
}

await main();
