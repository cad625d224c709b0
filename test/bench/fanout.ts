import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import type { FromConsoles, ToConsoles } from './fanout-consoles';
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

export function startConsoles(hubUrl: string, openKey: string, count: number): Promise<ChildProcess> {
  const child = fork(join(repoRoot, 'test', 'bench', 'fanout-consoles.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FANOUT_HUB_URL: hubUrl, FANOUT_OPEN_KEY: openKey, FANOUT_CONSOLES: String(count) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${count} consoles did not connect in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`console process exited (${code})`)));
    child.once('message', (message: FromConsoles) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(child);
    });
  });
}

export function resultOf(child: ChildProcess, expectedPerConsole: number) {
  return new Promise<Extract<FromConsoles, { type: 'result' }>>((resolve) => {
    child.once('message', (message: FromConsoles) => {
      if (message.type === 'result') resolve(message);
    });
    const finish: ToConsoles = { type: 'finish', expectedPerConsole };
    child.send(finish);
  });
}

async function runCase(consoles: number) {
  const hub = await startHub();
  const hubPid = hub.process.pid as number;
  const ingest = `${hub.url}/api/v1/ingest/alertmanager`;
  let child: ChildProcess | null = null;
  try {
    const groups = Array.from({ length: GROUPS }, () => freshGroup('fanout'));
    for (const group of groups) await timedPost(ingest, webhookBody(group, groupAlerts(group, 1)));
    child = await startConsoles(hub.url, hub.openKey ?? '', consoles);
    const childPid = child.pid as number;
    const hubCpu = cpuMeter(hubPid);
    const consoleCpu = cpuMeter(childPid);
    const total = RATE * SECONDS;
    const posts = await fixedRate(
      (i) => {
        const group = groups[i % GROUPS] as string;
        const sentAt = String(performance.timeOrigin + performance.now());
        const alerts = groupAlerts(group, 1, { sentAt }, 1 + Math.floor(i / GROUPS));
        return timedPost(ingest, webhookBody(group, alerts));
      },
      RATE,
      total,
    );
    const hubPercent = round(hubCpu(), 0);
    const consolePercent = round(consoleCpu(), 0);
    const result = await resultOf(child, total);
    return { consoles, events: total, posts, hubPercent, consolePercent, ...result };
  } finally {
    if (child && child.exitCode === null) child.kill();
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
