import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { layoutMap, type MapLayout, NODE_HEIGHT, NODE_WIDTH } from '../../renderer/map/layout';
import { startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { generatedCatalog, servicesYaml } from './generated-catalog';
import { postBody } from './http-client';
import { chromiumCpuMeter } from './renderer-cpu';
import { type BenchRow, writeResult } from './results';
import { round, type Summary, summarise } from './stats';

// The dependency map at the size of a large organisation: 2,000 services, 6,000 dependencies.
// 1. The layered layout in Node (pure CPU), 20 runs.
// 2. In Chromium against a hub loaded with that catalog: `g m` → every node the map draws in
//    the DOM and painted (first open fetches the catalog; later opens draw from memory). The
//    map draws the part in view (map-culling.ts): "painted" is the screen the operator sees.
// 3. With the map open, an alert on a widely-needed service, scrolled into view first as an
//    operator would: the first batch of patches the console's worker hands the page after the
//    POST → the service's SEV1 colour in the DOM and painted (health and highlights
//    recomputed), and POST → painted (the system clock on both). The renderers' CPU is counted
//    over each alert only, not over the scrolls between them.

const SERVICES = 2_000;
const DEPENDENCIES = 6_000;
const LAYOUT_RUNS = 20;
const OPEN_RUNS = Number(process.env.BENCH_MAP_RUNS ?? 10);
const ALERT_RUNS = Number(process.env.BENCH_MAP_ALERTS ?? 20);

// Strings, not functions: they run in the page as written, without the bundler's helpers.
// The console's socket lives in its worker, out of a page script's reach: every batch of patches
// the worker hands the page is timestamped before the console's own handler sees it (as in
// event-to-screen-page.ts).
const PATCH_PROBE = `
  const nativeAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'message' && (this instanceof MessagePort || this instanceof Worker) && typeof listener === 'function') {
      const wrapped = function (event) {
        if (event.data && event.data.kind === 'patches') {
          window.__messages = (window.__messages ?? 0) + 1;
          window.__lastMessageAt = performance.now();
        }
        return listener.call(this, event);
      };
      return nativeAdd.call(this, type, wrapped, options);
    }
    return nativeAdd.call(this, type, listener, options);
  };
`;
const PAINT = `
  window.__afterPaint = (start, resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now() - start);
    channel.port2.postMessage(0);
  });
  window.__armOpen = (count) => new Promise((resolve) => {
    let keyAt = null;
    const onKey = (event) => {
      if (event.key !== 'm') return;
      keyAt = performance.now();
      window.removeEventListener('keydown', onKey, { capture: true });
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const observer = new MutationObserver(() => {
      // The whole catalog laid out, and every service the canvas says it draws (the part in
      // view, map-culling.ts) in the DOM; a canvas that draws everything says nothing.
      const canvas = document.querySelector('.map-canvas');
      if (keyAt === null || canvas === null) return;
      const services = canvas.getAttribute('data-services');
      if (services !== null && Number(services) !== count) return;
      const drawn = canvas.getAttribute('data-drawn');
      if (document.querySelectorAll('.map-node').length < (drawn === null ? count : Number(drawn))) return;
      observer.disconnect();
      window.__afterPaint(keyAt, resolve);
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  window.__armHealth = (id) => new Promise((resolve) => {
    const seen = window.__messages ?? 0;
    let firstAt = null;
    const selector = '[data-service-id="' + id + '"][data-health="sev1"]';
    const observer = new MutationObserver(() => {
      if (firstAt === null && (window.__messages ?? 0) > seen) firstAt = window.__lastMessageAt;
      if (firstAt === null || document.querySelector(selector) === null) return;
      observer.disconnect();
      window.__afterPaint(firstAt, (ms) => resolve({ fromPatch: ms, paintedAt: performance.timeOrigin + performance.now() }));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
`;

function alertBody(service: string): string {
  const name = `map-${service}`;
  const labels = { alertname: name, severity: 'critical', service };
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status: 'firing',
    groupLabels: { alertname: name },
    commonLabels: labels,
    commonAnnotations: { summary: `Map bench ${service}` },
    alerts: [
      { status: 'firing', labels, annotations: {}, startsAt: new Date().toISOString(), fingerprint: name },
    ],
  });
}

function row(caseName: string, summary: Summary, budget?: string): BenchRow {
  return {
    benchmark: 'map-render',
    case: caseName,
    figure: 'p50 / p99 ms',
    value: `${round(summary.p50, 1)} / ${round(summary.p99, 1)}`,
    ...(budget === undefined ? {} : { budget }),
  };
}

async function openMap(page: Page): Promise<number> {
  await page.evaluate(`window.__open = window.__armOpen(${SERVICES}); 0`);
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const ms = (await page.evaluate('window.__open')) as number;
  await page.keyboard.press('Escape');
  await page.getByTestId('map-view').waitFor({ state: 'detached' });
  return ms;
}

/** Scrolls the map so `id` is in the middle of its frame, and waits until it is drawn there. */
async function scrollIntoView(page: Page, layout: MapLayout, id: string): Promise<void> {
  const node = layout.byId.get(id);
  if (node === undefined) throw new Error(`${id} is not in the layout`);
  await page.evaluate(`(() => {
    const frame = document.querySelector('.map-view__canvas');
    frame.scrollTo(${node.x + NODE_WIDTH / 2} - frame.clientWidth / 2, ${node.y + NODE_HEIGHT / 2} - frame.clientHeight / 2);
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(0))));
  })()`);
  await page.locator(`[data-service-id="${id}"]`).waitFor({ state: 'attached', timeout: 5_000 });
}

/** Layout in Node, then first render and highlight updates of the map in Chromium. */
export async function benchMapRender(): Promise<BenchRow[]> {
  const catalog = generatedCatalog({ services: SERVICES, dependencies: DEPENDENCIES });
  const layoutTimes: number[] = [];
  // The console lays out the catalog as the hub serves it, in the file's order: the same layout.
  const layout = layoutMap(catalog.services);
  for (let run = 0; run < LAYOUT_RUNS + 2; run++) {
    const started = performance.now();
    layoutMap(catalog.services);
    if (run >= 2) layoutTimes.push(performance.now() - started); // two warm-up runs for the JIT
  }

  const configDir = mkdtempSync(join(tmpdir(), 'sitroom-bench-map-'));
  writeFileSync(join(configDir, 'services.yaml'), servicesYaml(catalog));
  const hub = await startHub({ args: ['--config-dir', configDir] });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.addInitScript(PATCH_PROBE);
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor();
    await page.evaluate(`${PAINT}; 0`);
    const first = await openMap(page);
    const reopen: number[] = [];
    for (let run = 0; run < OPEN_RUNS; run++) reopen.push(await openMap(page));

    await page.keyboard.press('g');
    await page.keyboard.press('m');
    await page.getByTestId('map-view').waitFor();
    // BENCH_PROFILE=dir: the page's JavaScript CPU profile over the alerts (DevTools).
    const profiler = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    // BENCH_TRACE=dir: a Chromium trace over the alerts (split it with trace-split.ts).
    const trace = process.env.BENCH_TRACE;
    if (trace)
      await browser.startTracing(page, {
        screenshots: false,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'],
      });
    const health: number[] = [];
    const fromPost: number[] = [];
    let alertsCpu = 0;
    for (let run = 0; run < ALERT_RUNS; run++) {
      // Low numbers are what the most services need: the widest impact to highlight.
      const id = `svc-${String(run).padStart(4, '0')}`;
      await scrollIntoView(page, layout, id);
      // CPU, not wall time: on a shared machine a starved page takes longer for the same work.
      const rendererCpu = chromiumCpuMeter();
      await page.evaluate(`window.__health = window.__armHealth('${id}'); 0`);
      const sentAt = performance.timeOrigin + performance.now();
      const status = await postBody(`${hub.url}/api/v1/ingest/alertmanager`, alertBody(id));
      if (status < 200 || status > 299) throw new Error(`the hub refused the alert on ${id}: ${status}`);
      const painted = (await page.evaluate('window.__health')) as { fromPatch: number; paintedAt: number };
      alertsCpu += rendererCpu();
      health.push(painted.fromPatch);
      fromPost.push(painted.paintedAt - sentAt);
    }
    if (profiler)
      writeFileSync(
        join(process.env.BENCH_PROFILE ?? '.', 'map-render-alerts.cpuprofile'),
        JSON.stringify((await profiler.send('Profiler.stop')).profile),
      );
    if (trace) writeFileSync(join(trace, 'map-render-alerts.json'), await browser.stopTracing());
    const summaries = {
      layout: summarise(layoutTimes),
      reopen: summarise(reopen),
      health: summarise(health),
      fromPost: summarise(fromPost),
    };
    const rows: BenchRow[] = [
      row(`layout, Node (${SERVICES} services, ${DEPENDENCIES} deps, ${LAYOUT_RUNS} runs)`, summaries.layout),
      {
        benchmark: 'map-render',
        case: 'g m → map painted, first open (fetch + layout + render)',
        figure: 'ms',
        value: round(first, 1),
      },
      row(`g m → map painted, catalog cached (${OPEN_RUNS} opens)`, summaries.reopen),
      row(
        `incident opens (patches at the page) → highlights painted (${ALERT_RUNS} alerts)`,
        summaries.health,
        'one frame (16.7 ms) + batching',
      ),
      row(`POST of that alert → highlights painted (${ALERT_RUNS} alerts)`, summaries.fromPost),
      {
        benchmark: 'map-render',
        case: `renderers' CPU per alert (page and console worker, /proc), ${ALERT_RUNS} alerts`,
        figure: 'ms',
        value: round((alertsCpu * 1000) / ALERT_RUNS, 1),
      },
    ];
    writeResult('map-render', rows, { first, alertsCpu, ...summaries });
    return rows;
  } finally {
    await browser.close();
    await hub.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
}
