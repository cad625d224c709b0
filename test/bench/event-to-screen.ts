import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { HubEvent } from '../../shared/events';
import { type EventBatch, SOCKET_EVENTS } from '../../shared/protocol';
import { connectConsole } from '../support/console-socket';
import { type RunningHub, startHub } from '../support/hub';
import { baselineRoot } from './baseline-tree';
import { launchChromium } from './chromium';
import { OBSERVER, STAGES } from './event-to-screen-page';
import { postBody, watchSocketWaits } from './http-client';
import { cpuSeconds } from './proc';
import { chromiumCpuMeter } from './renderer-cpu';
import { type BenchRow, writeResult } from './results';
import { round, type Summary, sleep, summarise } from './stats';
import { stormBody, warmUpStorm } from './storm-alerts';

// Event to screen during a storm: from the webhook POST leaving the sender to a probe incident's
// row in the DOM of a Chromium page on the hub's web console, and to the next animation frame
// after it (the frame that paints it). Both clocks are the same system clock: the page's
// performance.timeOrigin + now() against the sender's. The storm's alerts (warning, sev3) fire
// and resolve 50 ms later, so the board churns as in a storm; 25 probe alerts spread over the
// run are critical (sev1) and stay open, so their rows sit at the top of the board where they
// really render. A raw socket console in this process notes when each probe's event reaches a
// console socket, which splits the latency into "hub → socket" and "console → screen", and the
// page's stages (event-to-screen-page.ts) split the console's share further. Before the measured
// storm, a storm at the same rate warms the hub and the page (BENCH_E2S_WARMUP, storm-alerts.ts).
//
// A/B on a busy machine: BENCH_WEB_DIRS=label=dir,label=dir serves each build of the console in
// turn (BENCH_ROUNDS rounds, interleaved), so both see the same minutes of contention; figures
// are the medians over rounds of each round's percentiles. BENCH_BASELINE=<ref> does the same for
// the hub: that commit's hub (test/bench/baseline-tree.ts) and this one in turn, same console build.

const RATES = [
  { perSecond: 20, alerts: 400 },
  { perSecond: 200, alerts: 1000 },
  { perSecond: 1000, alerts: 3000 },
].filter(
  (rate) => !process.env.BENCH_RATES || process.env.BENCH_RATES.split(',').includes(String(rate.perSecond)),
);
// BENCH_E2S_WARMUP: seconds of storm at the same rate before the measured one (storm-alerts.ts);
// 0 measures a cold hub and page.
const WARMUP_SECONDS = Number(process.env.BENCH_E2S_WARMUP ?? 2);
// BENCH_PROBES: more probes give steadier percentiles (each probe is one sev1 row that stays open).
const PROBES = Number(process.env.BENCH_PROBES ?? 25);
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
  ...(process.env.BENCH_TRACE_MORE ? process.env.BENCH_TRACE_MORE.split(',') : []),
];

interface Variant {
  readonly label: string;
  /** The console build to serve; null: the hub's default (dist/web). */
  readonly webDir: string | null;
  /** Another tree's hub (BENCH_BASELINE); absent: this tree's. */
  readonly hubRoot?: string;
}

const VARIANTS: ReadonlyArray<Variant> = process.env.BENCH_WEB_DIRS
  ? process.env.BENCH_WEB_DIRS.split(',').map((pair) => {
      const [label, dir] = pair.split('=');
      if (!label || !dir) throw new Error(`BENCH_WEB_DIRS: "${pair}" is not label=dir`);
      return { label, webDir: dir };
    })
  : hubVariants();

function hubVariants(): Variant[] {
  const baseline = baselineRoot();
  if (baseline === null) return [{ label: 'this build', webDir: null }];
  return [
    { label: `hub ${process.env.BENCH_BASELINE}`, webDir: null, hubRoot: baseline },
    { label: 'this hub', webDir: null },
  ];
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const post = (hub: RunningHub, text: string): Promise<number> =>
  postBody(`${hub.url}/api/v1/ingest/alertmanager`, text);

interface Mark {
  readonly inDom: number;
  readonly painted: number | null;
}

/** One run's figures, each a summary over its probes. */
interface RunFigures {
  readonly toPaint: Summary;
  readonly toSocket: Summary;
  /** How long posts waited in this process for a connection: the sender's time, not the hub's. */
  readonly senderWait: Summary;
  readonly socketToPaint: Summary;
  /** socket → page message → next frame → row in the DOM → painted. */
  readonly stages: Record<string, Summary>;
  readonly probesPainted: number;
  readonly stormRowsSeen: number;
  readonly stormSent: number;
  /**
   * CPU seconds from the storm's first post until the hub and the page are done with it (see
   * settle): the whole storm's cost, whether the hub kept up or delivered it late.
   */
  readonly cpu: {
    readonly renderers: number;
    readonly pageMainThread: number;
    readonly gpu: number;
    readonly hub: number;
  };
}

async function runOnce(
  browser: Browser,
  rate: (typeof RATES)[number],
  variant: Variant,
  tag: string,
): Promise<RunFigures> {
  const hub = await startHub({
    ...(variant.webDir ? { args: ['--web-dir', variant.webDir] } : {}),
    ...(variant.hubRoot ? { root: variant.hubRoot } : {}),
  });
  const socket = await connectConsole(hub.url);
  const page = await browser.newPage({
    viewport: { width: 1920, height: Number(process.env.BENCH_VIEWPORT_HEIGHT ?? 2160) },
  });
  try {
    const atSocket = new Map<string, number>();
    let lastAtSocket = 0;
    socket.socket.on(SOCKET_EVENTS.events, (batch: EventBatch) => {
      const at = performance.timeOrigin + performance.now();
      lastAtSocket = performance.now();
      for (const event of batch.events as ReadonlyArray<HubEvent>) {
        if (event.type === 'alert_fired' && !atSocket.has(event.alert.fingerprint))
          atSocket.set(event.alert.fingerprint, at);
      }
    });
    await socket.hello({ clientId: 'e2s', hubId: null, lastSeq: 0 });
    await page.addInitScript(STAGES);
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByTestId('connection-status').getByText('Live').waitFor();
    await page.evaluate(OBSERVER);
    if (WARMUP_SECONDS > 0) {
      await warmUpStorm(`${hub.url}/api/v1/ingest/alertmanager`, rate.perSecond, WARMUP_SECONDS);
      await sleep(1000);
      await settle(() => lastAtSocket, chromiumCpuMeter());
    }
    // BENCH_TRACE=dir: a Chromium trace of each run (Perfetto); BENCH_PROFILE=dir: the page's
    // JavaScript CPU profile (DevTools).
    const trace = process.env.BENCH_TRACE;
    if (trace) await browser.startTracing(page, { screenshots: false, categories: TRACE_CATEGORIES });
    const profiler = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const probeEvery = Math.floor(rate.alerts / PROBES);
    const sentAt = new Map<string, number>();
    const probes = new Set<string>();
    const inflight: Array<Promise<unknown>> = [];
    // Caught as they happen (see fixedRate in load.ts): a rejection left for Promise.all below
    // would end the benchmark process first.
    let failure: { readonly error: unknown } | null = null;
    const caught = (sent: Promise<unknown>): Promise<unknown> =>
      sent.catch((error: unknown) => {
        failure ??= { error };
      });
    const senderWaits = watchSocketWaits();
    // CPU during the storm: Chromium's renderers (page and console worker) from /proc, the page's
    // main thread from DevTools (its tasks' time), and the hub that shares the machine with them.
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    const taskSeconds = async (): Promise<number> =>
      (await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ??
      0;
    const task0 = await taskSeconds();
    const rendererCpu = chromiumCpuMeter();
    const gpuCpu = chromiumCpuMeter('gpu-process');
    const hubPid = hub.process.pid ?? 0;
    const hub0 = cpuSeconds(hubPid);
    const started = performance.now();
    for (let i = 0; i < rate.alerts && failure === null; i++) {
      const due = started + (i * 1000) / rate.perSecond;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const probe = i % probeEvery === probeEvery - 1 && probes.size < PROBES;
      const name = `e2s-${probe ? 'probe' : 'storm'}-${rate.perSecond}-${i}`;
      if (probe) probes.add(name);
      sentAt.set(name, performance.timeOrigin + performance.now());
      inflight.push(
        caught(
          probe
            ? post(hub, stormBody(name, 'firing', 'critical'))
            : post(hub, stormBody(name, 'firing', 'warning')).then(async () => {
                await sleep(50);
                await post(hub, stormBody(name, 'resolved', 'warning'));
              }),
        ),
      );
    }
    await Promise.all(inflight);
    const senderWait = summarise(senderWaits());
    if (failure !== null) {
      const error = (failure as { readonly error: unknown }).error;
      throw new Error(
        `at ${rate.perSecond}/s: ${String(error)} (hub exit ${hub.process.exitCode}):\n${hub.output().slice(-3000)}`,
      );
    }
    await sleep(1000);
    await settle(() => lastAtSocket, rendererCpu);
    const cpu = {
      renderers: round(rendererCpu(), 3),
      // Task time is wall time: it includes waiting for a core inside a task.
      pageMainThread: round((await taskSeconds()) - task0, 3),
      // Chromium's display compositor (software here): it redraws what the page's frames damaged.
      gpu: round(gpuCpu(), 3),
      hub: round(cpuSeconds(hubPid) - hub0, 3),
    };
    if (profiler)
      writeFileSync(
        join(process.env.BENCH_PROFILE ?? '.', `event-to-screen-${tag}.cpuprofile`),
        JSON.stringify((await profiler.send('Profiler.stop')).profile),
      );
    if (trace) writeFileSync(join(trace, `event-to-screen-${tag}.json`), await browser.stopTracing());
    const seen = (await page.evaluate('window.__seen')) as Record<string, Mark>;
    const atPage = (await page.evaluate('window.__atPage')) as Record<string, number>;
    const frameAfter = (await page.evaluate('window.__frameAfter')) as Record<string, number>;
    const stages = {
      socketToPage: [] as number[],
      pageToFrame: [] as number[],
      frameToDom: [] as number[],
      domToPaint: [] as number[],
    };
    const toSocket: number[] = [];
    const toPaint: number[] = [];
    const socketToPaint: number[] = [];
    let stormSeen = 0;
    for (const [name, sent] of sentAt) {
      const mark = seen[name];
      if (!probes.has(name)) {
        if (mark) stormSeen += 1;
        continue;
      }
      const socketAt = atSocket.get(name);
      if (socketAt !== undefined) toSocket.push(socketAt - sent);
      if (!mark || mark.painted === null) continue;
      toPaint.push(mark.painted - sent);
      if (socketAt !== undefined) socketToPaint.push(mark.painted - socketAt);
      const pageAt = atPage[name];
      const frameAt = frameAfter[name];
      if (pageAt !== undefined && socketAt !== undefined) stages.socketToPage.push(pageAt - socketAt);
      if (pageAt !== undefined && frameAt !== undefined) stages.pageToFrame.push(frameAt - pageAt);
      if (frameAt !== undefined) stages.frameToDom.push(mark.inDom - frameAt);
      stages.domToPaint.push(mark.painted - mark.inDom);
    }
    return {
      toPaint: summarise(toPaint),
      toSocket: summarise(toSocket),
      senderWait,
      socketToPaint: summarise(socketToPaint),
      stages: Object.fromEntries(Object.entries(stages).map(([stage, values]) => [stage, summarise(values)])),
      probesPainted: toPaint.length,
      stormRowsSeen: stormSeen,
      stormSent: sentAt.size - probes.size,
      cpu,
    };
  } finally {
    socket.close();
    await page.close();
    await hub.stop();
  }
}

/**
 * Waits (up to 30 s) until the hub has sent nothing for half a second and the renderers used
 * under a tenth of a core for the last quarter second: the storm has been delivered and drawn.
 */
async function settle(lastEventAt: () => number, rendererCpu: () => number): Promise<void> {
  const deadline = performance.now() + 30_000;
  let before = rendererCpu();
  while (performance.now() < deadline) {
    await sleep(250);
    const now = rendererCpu();
    const quiet = performance.now() - lastEventAt() > 500;
    if (quiet && now - before < 0.025) return;
    before = now;
  }
}

/** The median over rounds of one percentile. */
function medianOf(runs: ReadonlyArray<RunFigures>, pick: (run: RunFigures) => number): number {
  const values = runs.map(pick).sort((a, b) => a - b);
  return values[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
}

const pair = (runs: ReadonlyArray<RunFigures>, pick: (run: RunFigures) => Summary): string =>
  `${round(
    medianOf(runs, (run) => pick(run).p50),
    1,
  )} / ${round(
    medianOf(runs, (run) => pick(run).p99),
    1,
  )}`;

export async function benchEventToScreen(): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const rate of RATES) {
      const runs = new Map<string, RunFigures[]>(VARIANTS.map((variant) => [variant.label, []]));
      for (let round_ = 0; round_ < ROUNDS; round_++) {
        for (const variant of VARIANTS) {
          const tag = `${rate.perSecond}-${variant.label.replace(/\W+/g, '_')}-${round_}`;
          const figures = await runOnce(browser, rate, variant, tag);
          runs.get(variant.label)?.push(figures);
          console.error(`event-to-screen ${tag}: ${JSON.stringify(figures)}`);
        }
      }
      for (const variant of VARIANTS) {
        const done = runs.get(variant.label) ?? [];
        const label = `${rate.perSecond} alerts/s (${rate.alerts} alerts, ${PROBES} probes)${VARIANTS.length > 1 ? `, ${variant.label}` : ''}`;
        details[`${rate.perSecond}/s ${variant.label}`] = done;
        const row = (figure: string, value: string, budget?: string): BenchRow => ({
          benchmark: 'event-to-screen',
          case: label,
          figure,
          value,
          ...(budget ? { budget } : {}),
        });
        rows.push(
          row(
            'POST → probe row painted, p50 / p99 ms',
            pair(done, (run) => run.toPaint),
            rate.perSecond <= 20 ? 'p99 < 30 ms' : 'p99 < 100 ms',
          ),
          row(
            'POST → event at a console socket, p50 / p99 ms',
            pair(done, (run) => run.toSocket),
          ),
          row(
            'POST waited for a connection: a kept one, or a new one’s TCP connect (storm and probes), p50 / p99 ms',
            pair(done, (run) => run.senderWait),
          ),
          row(
            'socket → probe row painted (the console), p50 / p99 ms',
            pair(done, (run) => run.socketToPaint),
          ),
          ...['socketToPage', 'pageToFrame', 'frameToDom', 'domToPaint'].map((stage) =>
            row(
              `… stage ${stage}, p50 / p99 ms`,
              pair(done, (run) => run.stages[stage] as Summary),
            ),
          ),
          row(
            'storm CPU s: renderers / page main-thread task time (wall) / gpu process / hub',
            ['renderers', 'pageMainThread', 'gpu', 'hub']
              .map((key) =>
                round(
                  medianOf(done, (run) => run.cpu[key as keyof RunFigures['cpu']]),
                  2,
                ),
              )
              .join(' / '),
          ),
          row(
            'probe rows painted / probes sent; storm rows seen (last round)',
            `${done.at(-1)?.probesPainted} / ${PROBES}; ${done.at(-1)?.stormRowsSeen} of ${done.at(-1)?.stormSent}`,
          ),
        );
      }
    }
  } finally {
    await browser.close();
  }
  writeResult('event-to-screen', rows, details);
  return rows;
}
