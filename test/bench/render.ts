import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { type RunningHub, startHub } from '../support/hub';
import { seededRandom } from '../support/seeded-random';
import { type BenchAlert, freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { cpuMeter } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Render under load: a hub holding 10,000 open incidents (50,000 alerts) and a 1920×1080 Chromium
// console on it, while monitoring sends 500 updates a second for a minute. Each update flips the
// fifth alert of one group between resolved and firing, so the incident stays open (its other
// four alerts keep firing; a fully resolved unacknowledged incident would close, and its next
// firing would open a new one) while its firing count changes on screen. Half of the updates go
// to the incidents in view, so the rows really re-render; the other half go anywhere, so the
// store churns like a storm does. Measured in the page: frame-to-frame intervals from a
// requestAnimationFrame loop, long tasks, and the number of incident rows in the DOM (bounded
// by virtualisation, not by the 10,000 incidents).

const INCIDENTS = Number(process.env.BENCH_RENDER_INCIDENTS ?? 10_000);
const ALERTS_PER_INCIDENT = 5;
const RATE = Number(process.env.BENCH_RENDER_RATE ?? 500);
/** A smoke run may shorten the minute; figures need the default 60. */
const SECONDS = Number(process.env.BENCH_RENDER_SECONDS ?? 60);
/** Quiet frames measured before the updates, so the loaded figures have a baseline. */
const IDLE_SECONDS = Math.min(5, SECONDS);
/** Bodies in flight while loading: enough to keep the hub's group commit busy, not a socket storm. */
const LOAD_CONCURRENCY = 32;
/**
 * Updates in flight at most. If the hub falls behind, the sender lags (and the achieved rate
 * says so) instead of piling up thousands of requests and measuring the socket queue.
 */
const MAX_INFLIGHT = 128;
const FRAME_BUDGET_MS = 1000 / 60;
/**
 * rAF timestamps jitter around the 16.67 ms vsync (an idle board shows 16.68–16.8 ms), so a bare
 * "> 16.7 ms" counted most idle frames. Frames come on vsync ticks; one that is late by more than
 * this missed a tick.
 */
const JITTER_MS = 1;
const BENCH = 'render';

// A string, not a function: tsx would add helpers the page does not have. Installed once the
// board is loaded; __renderReset() starts a new measuring phase.
const PROBE = `
  const probe = { frames: [], longTasks: [], domRows: [], mutations: 0 };
  window.__render = probe;
  window.__renderReset = () => {
    probe.frames = []; probe.longTasks = []; probe.domRows = []; probe.mutations = 0; last = 0;
  };
  let last = 0;
  const loop = (time) => {
    if (last !== 0) probe.frames.push(time - last);
    last = time;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  setInterval(() => probe.domRows.push(document.querySelectorAll('[data-incident-id]').length), 1000);
  // Counts DOM changes in the open list, to show the updates really reach the screen.
  const list = document.querySelector('[data-testid="active-incidents"]');
  if (list) new MutationObserver((records) => { probe.mutations += records.length; })
    .observe(list, { childList: true, subtree: true, characterData: true });
  0;
`;

interface PageProbe {
  readonly frames: number[];
  readonly longTasks: number[];
  readonly domRows: number[];
  readonly mutations: number;
}

/** The renderer's main-thread time (seconds) from Chromium's own counters, via CDP. */
async function mainThreadSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** Runs `count` jobs with at most `limit` at once. */
async function pool(count: number, limit: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

const ingestUrl = (hub: RunningHub): string => `${hub.url}/api/v1/ingest/alertmanager`;

async function post(hub: RunningHub, body: string): Promise<void> {
  const status = await postBody(ingestUrl(hub), body);
  if (status < 200 || status >= 300) throw new Error(`ingest answered ${status}`);
}

interface DriveResult {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  readonly latencies: number[];
}

/** Sends `RATE` updates/s for `SECONDS` on an open-loop schedule, capped at MAX_INFLIGHT. */
async function drive(hub: RunningHub, nextBody: (index: number) => string): Promise<DriveResult> {
  const total = Math.round(RATE * SECONDS);
  const inflight = new Set<Promise<void>>();
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  while (sent < total && performance.now() - started < SECONDS * 1000) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * RATE) / 1000));
    while (sent < due && inflight.size < MAX_INFLIGHT) {
      const at = performance.now();
      const request = postBody(ingestUrl(hub), nextBody(sent++)).then(
        (status) => {
          if (status >= 200 && status < 300) ok++;
          else failed++;
          latencies.push(performance.now() - at);
        },
        () => {
          failed++;
        },
      );
      const tracked = request.finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  return { sent, ok, failed, seconds: (performance.now() - started) / 1000, latencies };
}

function frameFigures(frames: ReadonlyArray<number>) {
  const over = (ms: number) => frames.filter((frame) => frame > ms).length;
  const share = (count: number) => (frames.length === 0 ? 0 : round((100 * count) / frames.length, 1));
  const over16 = over(FRAME_BUDGET_MS + JITTER_MS);
  const over33 = over(2 * FRAME_BUDGET_MS + JITTER_MS);
  return {
    ...summarise(frames),
    over16,
    over16Percent: share(over16),
    over33,
    over33Percent: share(over33),
  };
}

async function readProbe(page: Page): Promise<PageProbe> {
  return (await page.evaluate('window.__render')) as PageProbe;
}

export async function benchRender(): Promise<BenchRow[]> {
  const hub = await startHub();
  const browser = await launchChromium();
  try {
    const pid = hub.process.pid;
    if (pid === undefined) throw new Error('hub has no pid');

    // Load: one Alertmanager group of five alerts per incident.
    const groups = Array.from({ length: INCIDENTS }, () => freshGroup('render'));
    const loadStarted = performance.now();
    await pool(INCIDENTS, LOAD_CONCURRENCY, (i) => {
      const group = groups[i] as string;
      return post(hub, webhookBody(group, groupAlerts(group, ALERTS_PER_INCIDENT)));
    });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    console.error(
      `render: loaded ${INCIDENTS} incidents / ${INCIDENTS * ALERTS_PER_INCIDENT} alerts in ${round(loadSeconds, 1)} s`,
    );

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const openStarted = performance.now();
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
    await page
      .locator('[data-testid="active-incidents"] [data-incident-id]')
      .first()
      .waitFor({ timeout: 120_000 });
    await page.getByText(`Open incidents (${INCIDENTS})`).waitFor({ timeout: 120_000 });
    const openMs = performance.now() - openStarted;
    console.error(`render: console showed ${INCIDENTS} open incidents ${round(openMs, 0)} ms after goto`);
    // The console persists its cache in batches a second apart; let the first (big) write pass.
    await sleep(3000);

    // The incidents in view (plus overscan) by title, which is the group name here.
    const visibleTitles = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="active-incidents"] [data-incident-id] .incident-row__title')].map((el) => el.textContent)`,
    )) as string[];
    const indexByGroup = new Map(groups.map((group, i) => [group, i]));
    const visible = visibleTitles
      .map((title) => indexByGroup.get(title))
      .filter((index): index is number => index !== undefined);
    if (visible.length === 0) throw new Error('no bench incident is in view');

    await page.evaluate(PROBE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // Idle baseline: the same board with no traffic.
    await sleep(IDLE_SECONDS * 1000);
    const idle = await readProbe(page);

    // Under updates. The fifth alert of each group starts firing; `resolved` tracks its state.
    const fifth: BenchAlert[] = [];
    const fifthOf = (i: number): BenchAlert => {
      const known = fifth[i];
      if (known) return known;
      // Same labels as at load, so the same fingerprint: it changes an alert, never adds one.
      const alert = groupAlerts(groups[i] as string, 1, {}, ALERTS_PER_INCIDENT - 1)[0] as BenchAlert;
      fifth[i] = alert;
      return alert;
    };
    const resolved = new Uint8Array(INCIDENTS);
    const random = seededRandom(0x5e7);
    const nextBody = (n: number): string => {
      const i = n % 2 === 0 ? (visible[(n / 2) % visible.length] as number) : random.int(0, INCIDENTS - 1);
      resolved[i] = resolved[i] === 1 ? 0 : 1;
      return webhookBody(groups[i] as string, [fifthOf(i)], resolved[i] === 1 ? 'resolved' : 'firing');
    };
    // BENCH_RENDER_TRACE=file.json: a Chromium trace of the loaded minute, to say what each long
    // task was (`tsx test/bench/long-tasks.ts file.json`).
    const trace = process.env.BENCH_RENDER_TRACE;
    if (trace)
      await browser.startTracing(page, {
        screenshots: false,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'v8.execute',
          'blink.user_timing',
        ],
      });
    // BENCH_RENDER_PROFILE=file.cpuprofile: the page's script over the loaded minute
    // (`tsx test/bench/profile-top.ts file`).
    const profileTo = process.env.BENCH_RENDER_PROFILE;
    const profiler = profileTo ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    await page.evaluate('window.__renderReset(); 0');
    const hubCpu = cpuMeter(pid);
    const pageTask0 = await mainThreadSeconds(cdp);
    const driven = await drive(hub, nextBody);
    const hubCpuPercent = hubCpu();
    const pageBusyPercent = (100 * ((await mainThreadSeconds(cdp)) - pageTask0)) / driven.seconds;
    const loaded = await readProbe(page);
    if (trace) writeFileSync(trace, await browser.stopTracing());
    if (profiler && profileTo)
      writeFileSync(profileTo, JSON.stringify((await profiler.send('Profiler.stop')).profile));
    // The hub must still hold every incident open: the updates never closed one.
    const stillOpen = await page
      .getByText(`Open incidents (${INCIDENTS})`)
      .isVisible()
      .catch(() => false);

    if (!stillOpen) console.error(`render: the board no longer shows ${INCIDENTS} open incidents`);
    const frames = frameFigures(loaded.frames);
    const idleFrames = frameFigures(idle.frames);
    const longTasks = summarise(loaded.longTasks);
    const maxRows = loaded.domRows.length === 0 ? 0 : Math.max(...loaded.domRows);
    const achieved = driven.ok / driven.seconds;
    const response = summarise(driven.latencies);
    const smoke = SECONDS < 60 ? ` (smoke: ${SECONDS} s)` : '';
    const scene = `${INCIDENTS} incidents / ${INCIDENTS * ALERTS_PER_INCIDENT} alerts`;
    const underLoad = `${scene}, ${RATE} updates/s${smoke}`;

    const rows: BenchRow[] = [
      {
        benchmark: BENCH,
        case: scene,
        figure: 'load time s (bodies/s)',
        value: `${round(loadSeconds, 1)} (${round(INCIDENTS / loadSeconds, 0)})`,
      },
      {
        benchmark: BENCH,
        case: scene,
        figure: 'goto → all incidents on the board ms',
        value: round(openMs, 0),
      },
      {
        benchmark: BENCH,
        case: `${scene}, idle ${IDLE_SECONDS} s`,
        figure: 'frame time p50 / p95 / p99 ms (frames > 16.7 ms)',
        value: `${idleFrames.p50} / ${idleFrames.p95} / ${idleFrames.p99} (${idleFrames.over16})`,
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'frame time p50 / p95 / p99 / max ms',
        value: `${frames.p50} / ${frames.p95} / ${frames.p99} / ${frames.max}`,
        budget: 'p95 < 16.7 ms',
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: `frames > 16.7 ms / > 33.3 ms (+${JITTER_MS} ms jitter), count (% of frames)`,
        value: `${frames.over16} (${frames.over16Percent}%) / ${frames.over33} (${frames.over33Percent}%) of ${frames.count}`,
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'long tasks, count / max ms',
        value: `${loaded.longTasks.length} / ${loaded.longTasks.length === 0 ? 0 : round(longTasks.max, 0)}`,
        budget: 'none > 50 ms',
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: `incident rows in the DOM, max (of ${stillOpen ? INCIDENTS : '?'} open)`,
        value: maxRows,
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'DOM changes in the open list /s',
        value: round(loaded.mutations / driven.seconds, 0),
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'renderer main thread busy, % of the run',
        value: round(pageBusyPercent, 1),
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'hub CPU, % of one core',
        value: round(hubCpuPercent, 1),
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'achieved updates/s (failed)',
        value: `${round(achieved, 0)} (${driven.failed})`,
        budget: `${RATE}/s`,
      },
      {
        benchmark: BENCH,
        case: underLoad,
        figure: 'update response p50 / p99 ms',
        value: `${response.p50} / ${response.p99}`,
      },
    ];
    writeResult(BENCH, rows, {
      incidents: INCIDENTS,
      alerts: INCIDENTS * ALERTS_PER_INCIDENT,
      rate: RATE,
      seconds: SECONDS,
      viewport: '1920x1080',
      loadSeconds: round(loadSeconds, 2),
      openMs: round(openMs, 0),
      visibleTargets: visible.length,
      idle: {
        frames: idleFrames,
        longTasks: idle.longTasks.map((ms) => round(ms, 1)),
        domRows: idle.domRows,
      },
      underLoad: {
        frames,
        longTasks: loaded.longTasks.map((ms) => round(ms, 1)),
        domRows: loaded.domRows,
        mutations: loaded.mutations,
        pageBusyPercent: round(pageBusyPercent, 1),
        hubCpuPercent: round(hubCpuPercent, 1),
        sent: driven.sent,
        ok: driven.ok,
        failed: driven.failed,
        driveSeconds: round(driven.seconds, 2),
        response,
        stillOpen,
      },
    });
    return rows;
  } finally {
    await browser.close();
    await hub.stop();
  }
}
