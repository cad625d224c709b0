import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { RESOLVED_RETENTION_MS } from '../../shared/retention';
import { repoRoot, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { launchChromium } from './chromium';
import { timedPost } from './load';
import { scaled, slope } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Wall soak: 1,000,000 events (BENCH_SCALE=0.02 → 20,000) streamed into a wall display in Chromium
// at 1920×1080, rotating board → escalations → map → statistics every 5 s, in compressed time: the
// hub's clock runs a day and an hour behind (clock-behind.mjs, loaded into the hub), so every
// incident is past the retention window once resolved and the console's replica (in its worker)
// lets go of it at its next prune (once a minute), and the page its row: their steady state weeks
// in. Incidents of 100 alerts fire and resolve
// (202 events each) at a paced rate; 20 incidents stay open so the board is never empty.
//
// Every 1/100th of the run: a full GC in the page (CDP HeapProfiler.collectGarbage), then its JS
// heap, DOM nodes and event listeners (Performance.getMetrics); and how far behind the wall is,
// as the time until a fresh sev1 marker appears in its interrupt banner. Frames come from a
// requestAnimationFrame loop in the page: a frame later than one vsync (+1 ms jitter) dropped
// the ticks it missed. The heap saws with the replica's once-a-minute prune, and a leak would lift
// its floor: the memory figure is the least-squares slope, per 100k events, through each minute's
// lowest sample after the first 20 % (warm-up).

const TOTAL = scaled(1_000_000, 2_020);
/** Events a second offered to the wall: a storm far above any real NOC's sustained rate. */
const RATE = Number(process.env.BENCH_WALL_RATE ?? 4000);
const EVENTS_PER_INCIDENT = 202;
const MAX_IN_FLIGHT = 32;
/**
 * Samples over the run: enough (one every ~2.5 s) that each minute's lowest one lands just after
 * the replica's once-a-minute prune, which is what the growth figure is fitted through.
 */
const SAMPLES = 100;
const OPEN_INCIDENTS = 20;
const VSYNC_MS = 1000 / 60;
const JITTER_MS = 1;
const BENCH = 'wall-soak';

const FRAME_PROBE = `
  const probe = { frames: 0, dropped: 0, worst: 0, longTasks: 0 };
  window.__wall = probe;
  let last = 0;
  let paused = false;
  // The benchmark's own forced GCs stall frames the wall would not stall: not counted.
  window.__wallPause = (on) => { paused = on; last = 0; };
  const loop = (time) => {
    if (!paused && last !== 0) {
      const gap = time - last;
      probe.frames += 1;
      if (gap > ${VSYNC_MS} + ${JITTER_MS}) probe.dropped += Math.round(gap / ${VSYNC_MS}) - 1;
      if (gap > probe.worst) probe.worst = gap;
    }
    last = time;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => { probe.longTasks += list.getEntries().length; })
    .observe({ type: 'longtask' });
  0;
`;

interface Sample {
  readonly events: number;
  readonly seconds: number;
  readonly heapMiB: number;
  readonly nodes: number;
  readonly listeners: number;
  readonly behindMs: number;
}

async function pageMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

/** Posts a body; a keep-alive socket the hub closed just as it was reused is retried once. */
async function post(url: string, body: string): Promise<void> {
  try {
    await timedPost(url, body);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    await timedPost(url, body);
  }
}

/** Resolves the last marker and fires a new sev1 one; returns ms until the wall's banner shows it. */
async function markerDelay(page: Page, alertmanagerUrl: string, n: number): Promise<number> {
  const fire = (name: string, status: 'firing' | 'resolved') =>
    post(
      alertmanagerUrl,
      webhookBody(
        name,
        [{ labels: { alertname: name, severity: 'critical', service: 'soak-marker' }, annotations: {} }],
        status,
      ),
    );
  if (n > 0) await fire(`soak-marker-${n - 1}`, 'resolved');
  const started = performance.now();
  await fire(`soak-marker-${n}`, 'firing');
  await page
    .getByTestId('wall-attention')
    .filter({ hasText: `soak-marker-${n}` })
    .waitFor({ timeout: 600_000 });
  return performance.now() - started;
}

export async function benchWallSoak(): Promise<BenchRow[]> {
  const clock = pathToFileURL(join(repoRoot, 'test', 'bench', 'clock-behind.mjs')).href;
  const hub = await startHub({
    env: {
      NODE_OPTIONS: `--import ${clock}`,
      SITROOM_BENCH_CLOCK_BEHIND_MS: String(RESOLVED_RETENTION_MS + 60 * 60_000),
    },
  });
  const browser = await launchChromium();
  const alertmanagerUrl = `${hub.url}/api/v1/ingest/alertmanager`;
  try {
    for (let i = 0; i < OPEN_INCIDENTS; i++) {
      const group = freshGroup('wall-open');
      await post(alertmanagerUrl, webhookBody(group, groupAlerts(group, 5)));
    }
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(hub.pageUrl('/?wall=1&rotate=board,escalations,map,statistics&dwell=5'));
    await page.getByTestId('board-root').and(page.locator('[data-ready="true"]')).waitFor();
    await page.evaluate(FRAME_PROBE);

    const samples: Sample[] = [];
    const every = Math.ceil(TOTAL / SAMPLES);
    const started = performance.now();
    let events = 0;
    let marker = 0;
    const takeSample = async (): Promise<void> => {
      const behindMs = await markerDelay(page, alertmanagerUrl, marker++);
      await page.evaluate('window.__wallPause?.(true)');
      const metrics = await pageMetrics(cdp);
      await page.evaluate('window.__wallPause?.(false)');
      samples.push({
        events,
        seconds: round((performance.now() - started) / 1000, 1),
        heapMiB: round((metrics.JSHeapUsedSize ?? Number.NaN) / 2 ** 20, 1),
        nodes: metrics.Nodes ?? Number.NaN,
        listeners: metrics.JSEventListeners ?? Number.NaN,
        behindMs: round(behindMs, 0),
      });
    };
    await takeSample();
    let sampling: Promise<void> | null = null;
    const inFlight = new Set<Promise<void>>();
    const pairsPerSecond = RATE / EVENTS_PER_INCIDENT;
    let next = performance.now();
    while (events < TOTAL) {
      // Paced: one incident (fire, then resolve) every 1/pairsPerSecond s, on its own schedule.
      next += 1000 / pairsPerSecond;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      const group = freshGroup('wall-soak');
      const alerts = groupAlerts(group, 100);
      const pair = post(alertmanagerUrl, webhookBody(group, alerts, 'firing'))
        .then(() => post(alertmanagerUrl, webhookBody(group, alerts, 'resolved')))
        .finally(() => inFlight.delete(pair));
      inFlight.add(pair);
      // A hub that cannot keep up slows the sender instead of piling up sockets.
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      events += EVENTS_PER_INCIDENT;
      if (!sampling && events >= samples.length * every) {
        sampling = takeSample().finally(() => {
          sampling = null;
        });
      }
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - started) / 1000;
    await sampling;
    await sleep(2000);
    await takeSample(); // after the drain: reported, not fitted
    const probe = (await page.evaluate('window.__wall')) as {
      frames: number;
      dropped: number;
      worst: number;
      longTasks: number;
    };

    const fitted = samples.slice(0, -1).filter((s) => s.events >= TOTAL * 0.2);
    const per100k = (pick: (s: Sample) => number): number =>
      round(slope(fitted.map((s) => ({ x: s.events / 100_000, y: pick(s) }))), 2);
    // The heap saws with the replica's once-a-minute prune; its lowest point each minute is the
    // wall's floor, and a leak would lift the floor.
    const lowestPerMinute = new Map<number, Sample>();
    // Whole minutes only: a part-minute at either end may hold no prune, and its lowest sample
    // would be a peak.
    const firstMinute = Math.ceil((fitted[0]?.seconds ?? 0) / 60);
    const lastMinute = Math.floor((fitted.at(-1)?.seconds ?? 0) / 60) - 1;
    for (const sample of fitted) {
      const minute = Math.floor(sample.seconds / 60);
      if (minute < firstMinute || minute > lastMinute) continue;
      const low = lowestPerMinute.get(minute);
      if (!low || sample.heapMiB < low.heapMiB) lowestPerMinute.set(minute, sample);
    }
    const floors = [...lowestPerMinute.values()];
    const floorSlope = round(slope(floors.map((s) => ({ x: s.events / 100_000, y: s.heapMiB }))), 2);
    const warm = fitted[0] as Sample;
    const last = samples[samples.length - 1] as Sample;
    const behind = summarise(samples.map((s) => s.behindMs));
    const label = `${events} events at ${round(events / sendSeconds, 0)}/s into a rotating 1920×1080 wall`;
    const rows: BenchRow[] = [
      {
        benchmark: BENCH,
        case: label,
        figure: 'page JS heap after GC, warm-up → end, MiB',
        value: `${warm.heapMiB} → ${last.heapMiB}`,
      },
      {
        benchmark: BENCH,
        case: label,
        figure: "page JS heap floor (each minute's lowest, after the prune), slope MiB / 100k events",
        value: `${floorSlope} (${floors.map((s) => s.heapMiB).join(', ')})`,
        budget: 'no growth trend',
      },
      {
        benchmark: BENCH,
        case: label,
        figure: 'page JS heap, all samples after warm-up: range, slope MiB / 100k events',
        value: `${Math.min(...fitted.map((s) => s.heapMiB))}–${Math.max(...fitted.map((s) => s.heapMiB))}, ${per100k((s) => s.heapMiB)}`,
      },
      {
        benchmark: BENCH,
        case: label,
        figure: 'DOM nodes, warm-up → end (slope / 100k)',
        value: `${warm.nodes} → ${last.nodes} (${per100k((s) => s.nodes)})`,
      },
      {
        benchmark: BENCH,
        case: label,
        figure: 'event listeners, warm-up → end',
        value: `${warm.listeners} → ${last.listeners}`,
      },
      {
        benchmark: BENCH,
        case: label,
        figure: 'frames dropped, % of vsync ticks (worst frame, ms; long tasks)',
        value: `${round((100 * probe.dropped) / Math.max(1, probe.frames + probe.dropped), 2)} (${round(probe.worst, 0)}; ${probe.longTasks})`,
      },
      {
        benchmark: BENCH,
        case: label,
        figure: 'sev1 marker → wall banner, p50 / max, ms',
        value: `${round(behind.p50, 0)} / ${round(behind.max, 0)}`,
      },
    ];
    writeResult(BENCH, rows, {
      total: events,
      rate: RATE,
      sendSeconds: round(sendSeconds, 1),
      probe,
      samples,
    });
    return rows;
  } finally {
    await browser.close();
    await hub.stop();
  }
}
