import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import type { FromConsoles, ToConsoles } from './fanout-consoles';
import { LatencyHistogram } from './latency-histogram';
import { fixedRate, timedPost } from './load';
import { cpuMeter, scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round } from './stats';

// Fan-out: 1, 50 and 200 consoles connected (in one separate Node process, fanout-consoles.ts)
// while the hub ingests 1,000 events/s. Each request adds one new alert to one of 50 open
// incidents, so it causes exactly one event (alert_fired) and one event is what every console
// receives. Delivery latency is from the sender starting the POST to a console holding the
// event, over every (event, console) pair. Hub CPU is utime+stime from /proc over the sending
// window, in percent of one core; the consoles' process CPU is shown too, because on a small
// machine a saturated client process inflates the latency it reports.

const CONSOLES = (process.env.BENCH_FANOUT_CONSOLES ?? '1,50,200').split(',').map(Number);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 1000);
const SECONDS = scaled(10, 2);
const GROUPS = 50;
const WARMUP_SECONDS = Number(process.env.BENCH_FANOUT_WARMUP ?? 2);

export function startConsoles(
  hubUrl: string,
  openKey: string,
  count: number,
  first = 0,
): Promise<ChildProcess> {
  const child = fork(join(repoRoot, 'test', 'bench', 'fanout-consoles.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      FANOUT_HUB_URL: hubUrl,
      FANOUT_OPEN_KEY: openKey,
      FANOUT_CONSOLES: String(count),
      FANOUT_FIRST: String(first),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${count} consoles did not connect in 120 s`)), 120_000);
    child.once('exit', (code) => reject(new Error(`console process exited (${code})`)));
    child.once('message', (message: FromConsoles) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(child);
    });
  });
}

export function resultOf(child: ChildProcess, expectedPerConsole: number) {
  return new Promise<Extract<FromConsoles, { type: 'result' }>>((resolve) => {
    const heard = (message: FromConsoles): void => {
      if (message.type !== 'result') return;
      child.off('message', heard);
      resolve(message);
    };
    child.on('message', heard);
    const finish: ToConsoles = { type: 'finish', expectedPerConsole };
    child.send(finish);
  });
}

/** `count` consoles spread over `processes` console processes (and over the hubs at `hubUrls`). */
export interface ConsoleGroup {
  readonly pids: ReadonlyArray<number>;
  /** Counts only events posted from now on (resolves once every console process does). */
  begin(): Promise<void>;
  /** Waits for every console to have `expectedPerConsole` events (or 15 s) and adds up what they saw. */
  result(expectedPerConsole: number): Promise<{
    readonly delivered: number;
    readonly slowestConsole: number;
    readonly latency: ReturnType<LatencyHistogram['summary']>;
  }>;
  stop(): void;
}

export async function startConsoleGroup(
  hubUrls: string,
  openKey: string,
  count: number,
  processes: number,
): Promise<ConsoleGroup> {
  const children: ChildProcess[] = [];
  const per = Math.ceil(count / processes);
  const stop = (): void => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
  try {
    for (let first = 0; first < count; first += per)
      children.push(await startConsoles(hubUrls, openKey, Math.min(per, count - first), first));
  } catch (error) {
    stop();
    throw error;
  }
  return {
    pids: children.map((child) => child.pid as number),
    async begin() {
      const begin: ToConsoles = { type: 'begin', since: performance.timeOrigin + performance.now() };
      // Posting starts once every console process counts: an event can reach a console before
      // an IPC message sent ahead of it, and would not be counted.
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              const heard = (message: FromConsoles): void => {
                if (message.type !== 'begun') return;
                child.off('message', heard);
                resolve();
              };
              child.on('message', heard);
              child.send(begin);
            }),
        ),
      );
    },
    async result(expectedPerConsole) {
      const results = await Promise.all(children.map((child) => resultOf(child, expectedPerConsole)));
      const all = new LatencyHistogram();
      for (const r of results) all.merge(r.histogram, r.highest);
      return {
        delivered: results.reduce((sum, r) => sum + r.delivered, 0),
        slowestConsole: Math.min(...results.map((r) => r.slowestConsole)),
        latency: all.summary(),
      };
    },
    stop,
  };
}

async function runCase(consoles: number) {
  const hub = await startHub();
  const hubPid = hub.process.pid as number;
  const ingest = `${hub.url}/api/v1/ingest/alertmanager`;
  let group: ConsoleGroup | null = null;
  try {
    const groups = Array.from({ length: GROUPS }, () => freshGroup('fanout'));
    for (const group of groups) await timedPost(ingest, webhookBody(group, groupAlerts(group, 1)));
    group = await startConsoleGroup(
      hub.url,
      hub.openKey ?? '',
      consoles,
      Number(process.env.BENCH_FANOUT_PROCESSES ?? 1),
    );
    // A warm-up at the same rate, not counted: a hub serves for weeks, and the first second
    // after start (JIT, socket buffers growing) put up to half of the run's slowest 1 % there.
    let posted = 0;
    const post = (i: number) => {
      const group = groups[i % GROUPS] as string;
      const sentAt = String(performance.timeOrigin + performance.now());
      const alerts = groupAlerts(group, 1, { sentAt }, 1 + Math.floor(posted++ / GROUPS));
      return timedPost(ingest, webhookBody(group, alerts));
    };
    await fixedRate(post, RATE, RATE * WARMUP_SECONDS);
    const hubCpu = cpuMeter(hubPid);
    // BENCH_FANOUT_PROCESSES > 1 spreads the consoles over processes: their CPU is the sum.
    const consoleMeters = group.pids.map((pid) => cpuMeter(pid));
    const consoleCpu = (): number => consoleMeters.reduce((sum, meter) => sum + meter(), 0);
    const total = RATE * SECONDS;
    await group.begin();
    const posts = await fixedRate(post, RATE, total);
    const hubPercent = round(hubCpu(), 0);
    const consolePercent = round(consoleCpu(), 0);
    const result = await group.result(total);
    return { consoles, events: total, posts, hubPercent, consolePercent, ...result };
  } finally {
    group?.stop();
    await hub.stop();
  }
}

export async function benchFanout(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { rate: RATE, seconds: SECONDS };
  for (const consoles of CONSOLES) {
    const r = await runCase(consoles);
    details[`${consoles} consoles`] = r;
    const label = `${consoles} console${consoles === 1 ? '' : 's'}, ${RATE} events/s for ${SECONDS} s`;
    rows.push(
      {
        benchmark: 'fanout',
        case: label,
        figure: 'POST → event at each console, p50 / p99 ms',
        value: `${round(r.latency.p50, 1)} / ${round(r.latency.p99, 1)}`,
        ...(consoles === 200 ? { budget: 'p99 < 50 ms' } : {}),
      },
      { benchmark: 'fanout', case: label, figure: 'hub CPU, % of one core', value: r.hubPercent },
      {
        benchmark: 'fanout',
        case: label,
        figure: 'delivered / expected events (slowest console)',
        value: `${r.delivered} / ${r.events * consoles} (${r.slowestConsole})`,
      },
      {
        benchmark: 'fanout',
        case: label,
        figure: 'consoles process CPU %, ingest achieved req/s',
        value: `${r.consolePercent}, ${r.posts.requestsPerSecond}`,
      },
    );
  }
  writeResult('fanout', rows, details);
  return rows;
}
