import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { chromiumCpuMeter, rendererThreadCpuMeter } from './renderer-cpu';
import { type BenchRow, writeResult } from './results';
import { round, sleep } from './stats';
import { stormBody } from './storm-alerts';

// What a storm costs the console page to draw, without the hub in the measurement. The
// event-to-screen storm (1,000 alerts/s, each a sev3 that fires and resolves 50 ms later, 25 sev1
// probes that stay open) is run once against a real hub, and every message the console's worker
// hands the page is recorded with its time. Each build (BENCH_WEB_DIRS=label=dir,…) then gets a
// fresh hub with nothing to send and a fresh page, and the recording is handed to the page's own
// worker listener at the recorded pace: the same batches, so the same board, frame after frame,
// for every build. Rounds alternate builds (BENCH_ROUNDS, default 5), so both see the same minutes
// of a shared machine; figures are medians over rounds of CPU seconds (Chromium's renderer
// processes from /proc, the gpu process that composites) and of the page's own DevTools counters.
//
// BENCH_REPLAY_FILE: where the recording is kept (recorded once if absent, reused after).

const RATE = Number(process.env.BENCH_REPLAY_RATE ?? 1000);
const ALERTS = Number(process.env.BENCH_REPLAY_ALERTS ?? 3000);
const PROBES = 25;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FILE = process.env.BENCH_REPLAY_FILE ?? `/tmp/sitroom-storm-${RATE}-${ALERTS}.json`;

interface Recorded {
  /** ms after the first storm message. */
  readonly at: number;
  readonly data: unknown;
}

// Before the page's scripts: keep the listeners the page puts on its worker's port, and (while
// __recording) every message the worker sends it.
const TAP = `
  window.__recorded = [];
  window.__recording = false;
  window.__listeners = [];
  window.__feedId = null;
  const nativeAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'message' && (this instanceof MessagePort || this instanceof Worker) && typeof listener === 'function') {
      const port = this;
      // Replayed to only the listener the worker's patches reach.
      const entry = { feeds: false, deliver: (data) => listener.call(port, new MessageEvent('message', { data })) };
      window.__listeners.push(entry);
      const wrapped = function (event) {
        const data = event.data;
        if (data && data.kind === 'patches') {
          entry.feeds = true;
          window.__feedId = data.feedId;
          if (window.__recording) window.__recorded.push({ at: performance.now(), data });
        }
        return listener.call(this, event);
      };
      return nativeAdd.call(this, type, wrapped, options);
    }
    return nativeAdd.call(this, type, listener, options);
  };
`;

async function openConsole(browser: Browser, webDir: string | null) {
  const hub = await startHub(webDir ? { args: ['--web-dir', webDir] } : {});
  const page = await browser.newPage({ viewport: { width: 1920, height: 2160 } });
  await page.addInitScript(TAP);
  await page.goto(hub.pageUrl());
  await page.locator('[data-ready="true"]').waitFor();
  await page.getByTestId('connection-status').getByText('Live').waitFor();
  return { hub, page };
}

/** Runs the storm on a real hub and keeps what the page was handed. */
async function record(browser: Browser, webDir: string | null): Promise<Recorded[]> {
  const { hub, page } = await openConsole(browser, webDir);
  try {
    await page.evaluate('window.__recording = true');
    const probeEvery = Math.floor(ALERTS / PROBES);
    const sent: Array<Promise<unknown>> = [];
    const url = `${hub.url}/api/v1/ingest/alertmanager`;
    const started = performance.now();
    for (let i = 0; i < ALERTS; i++) {
      const wait = started + (i * 1000) / RATE - performance.now();
      if (wait > 1) await sleep(wait);
      const probe = i % probeEvery === probeEvery - 1;
      const name = `e2s-${probe ? 'probe' : 'storm'}-${RATE}-${i}`;
      sent.push(
        probe
          ? postBody(url, stormBody(name, 'firing', 'critical'))
          : postBody(url, stormBody(name, 'firing', 'warning')).then(async () => {
              await sleep(50);
              await postBody(url, stormBody(name, 'resolved', 'warning'));
            }),
      );
    }
    await Promise.all(sent);
    // Until the worker has handed over the last of it: a second with nothing new.
    let count = -1;
    for (;;) {
      await sleep(1000);
      const now = (await page.evaluate('window.__recorded.length')) as number;
      if (now === count) break;
      count = now;
    }
    const raw = (await page.evaluate('window.__recorded')) as Array<{ at: number; data: unknown }>;
    const first = raw[0]?.at ?? 0;
    return raw.map((entry) => ({ at: entry.at - first, data: entry.data }));
  } finally {
    await page.close();
    await hub.stop();
  }
}

// In the page: hand each recorded message to the worker listener at its time, as the page's
// own feed (its feedId); resolves once the last is handed over.
const REPLAY = `(recorded) => new Promise((done) => {
  const feedId = window.__feedId;
  const feeds = window.__listeners.filter((entry) => entry.feeds);
  const deliver = (data) => { for (const entry of feeds) entry.deliver({ ...data, feedId }); };
  const start = performance.now();
  let next = 0;
  const step = () => {
    const now = performance.now() - start;
    while (next < recorded.length && recorded[next].at <= now) deliver(recorded[next++].data);
    if (next < recorded.length) setTimeout(step, Math.max(0, recorded[next].at - now));
    else done();
  };
  step();
})`;

const SECTION_HEIGHTS = `[...document.querySelectorAll('.incident-board section')]
  .map((section) => section.getBoundingClientRect().height).join(' / ')`;

interface Figures {
  readonly renderers: number;
  /** Renderer CPU s by thread: main (the page's, mostly; the worker's process is idle), compositor, pool, other. */
  readonly threads: Record<string, number>;
  readonly gpu: number;
  readonly taskSeconds: number;
  readonly scriptSeconds: number;
  readonly layoutSeconds: number;
  readonly styleSeconds: number;
  /** Layouts the page ran: one per drawn frame that changed the board, so the frames drawn. */
  readonly layouts: number;
  readonly openHeading: string;
  /** The board's sections' heights at the end: builds that draw the same board agree on them. */
  readonly sectionHeights: string;
}

const METRICS = [
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'LayoutCount',
] as const;

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

async function replayOnce(
  browser: Browser,
  webDir: string,
  recorded: ReadonlyArray<Recorded>,
  tag: string,
): Promise<Figures> {
  const { hub, page } = await openConsole(browser, webDir);
  try {
    // The recording crosses into the page before the meters start: parsing 3 MB is not drawing.
    await page.evaluate(`window.__replayData = ${JSON.stringify(recorded)}`);
    await sleep(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    // BENCH_TRACE=dir: a Chromium trace of each replay (its CPU figures then include tracing).
    const trace = process.env.BENCH_TRACE;
    if (trace)
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'],
      });
    // BENCH_PROFILE=dir: the page's JavaScript CPU profile of each replay.
    const profile = process.env.BENCH_PROFILE;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const renderers = chromiumCpuMeter();
    const threads = rendererThreadCpuMeter();
    const gpu = chromiumCpuMeter('gpu-process');
    await page.evaluate(`(${REPLAY})(window.__replayData)`);
    // Drawn: the renderers idle again (under a tenth of a core for a quarter second).
    let last = renderers();
    for (let i = 0; i < 120; i++) {
      await sleep(250);
      const now = renderers();
      if (now - last < 0.025) break;
      last = now;
    }
    const after = await metrics(cdp);
    if (trace) writeFileSync(join(trace, `storm-replay-${tag}.json`), await browser.stopTracing());
    if (profile)
      writeFileSync(
        join(profile, `storm-replay-${tag}.cpuprofile`),
        JSON.stringify((await cdp.send('Profiler.stop')).profile),
      );
    const delta = (name: (typeof METRICS)[number]) =>
      round((after.get(name) ?? 0) - (before.get(name) ?? 0), 3);
    return {
      renderers: round(renderers(), 3),
      threads: Object.fromEntries([...threads()].map(([group, seconds]) => [group, round(seconds, 3)])),
      gpu: round(gpu(), 3),
      taskSeconds: delta('TaskDuration'),
      scriptSeconds: delta('ScriptDuration'),
      layoutSeconds: delta('LayoutDuration'),
      styleSeconds: delta('RecalcStyleDuration'),
      layouts: delta('LayoutCount'),
      openHeading: (await page.locator('#active-heading').textContent()) ?? '',
      sectionHeights: (await page.evaluate(SECTION_HEIGHTS)) as string,
    };
  } finally {
    await page.close();
    await hub.stop();
  }
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

export async function benchStormReplay(): Promise<BenchRow[]> {
  const variants = (process.env.BENCH_WEB_DIRS ?? 'this build=dist/web').split(',').map((pair) => {
    const [label, dir] = pair.split('=');
    if (!label || !dir) throw new Error(`BENCH_WEB_DIRS: "${pair}" is not label=dir`);
    return { label, dir };
  });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const details = new Map<string, Figures[]>(variants.map((variant) => [variant.label, []]));
  try {
    let recorded: Recorded[];
    if (existsSync(FILE)) recorded = JSON.parse(readFileSync(FILE, 'utf8')) as Recorded[];
    else {
      recorded = await record(browser, variants[0]?.dir ?? null);
      writeFileSync(FILE, JSON.stringify(recorded));
    }
    console.error(
      `storm-replay: ${recorded.length} messages over ${round((recorded.at(-1)?.at ?? 0) / 1000, 1)} s`,
    );
    for (let r = 0; r < ROUNDS; r++) {
      for (const variant of variants) {
        const figures = await replayOnce(
          browser,
          variant.dir,
          recorded,
          `${variant.label.replace(/\W+/g, '_')}-${r}`,
        );
        details.get(variant.label)?.push(figures);
        console.error(`storm-replay ${variant.label} ${r}: ${JSON.stringify(figures)}`);
      }
    }
  } finally {
    await browser.close();
  }
  for (const variant of variants) {
    const runs = details.get(variant.label) ?? [];
    const m = (pick: (f: Figures) => number) => round(median(runs.map(pick)), 2);
    const row = (figure: string, value: string): BenchRow => ({
      benchmark: 'storm-replay',
      case: `${RATE} alerts/s storm replayed, ${variant.label}`,
      figure,
      value,
    });
    rows.push(
      row('renderer processes CPU s (median)', String(m((f) => f.renderers))),
      row(
        'renderer threads CPU s: main / compositor / pool (median)',
        ['main', 'compositor', 'pool'].map((group) => m((f) => f.threads[group] ?? 0)).join(' / '),
      ),
      row('gpu process CPU s (median)', String(m((f) => f.gpu))),
      row(
        'page task / script / layout / style s (median)',
        [
          m((f) => f.taskSeconds),
          m((f) => f.scriptSeconds),
          m((f) => f.layoutSeconds),
          m((f) => f.styleSeconds),
        ].join(' / '),
      ),
      // A starved page draws fewer frames of the same storm, and spends less: per frame compares.
      row('frames drawn (layouts, median)', String(m((f) => f.layouts))),
      row(
        'renderer / gpu CPU ms per frame drawn (median)',
        [m((f) => (1000 * f.renderers) / f.layouts), m((f) => (1000 * f.gpu) / f.layouts)].join(' / '),
      ),
      row('open heading at the end (last round)', runs.at(-1)?.openHeading ?? ''),
    );
  }
  writeResult('storm-replay', rows, Object.fromEntries(details));
  return rows;
}
