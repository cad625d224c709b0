import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { benchFilterCost } from './filter-cost';
import { postBody } from './http-client';
import { type BenchRow, writeResult } from './results';
import { round, type Summary, summarise } from './stats';

// Filtering 10,000 incidents, keystroke to board painted, in Chromium against a real hub: the
// filter bar is typed into key by key (each prefix of the text is a filter that parses, so every
// key changes the board), then erased with Backspace. Measured in the page, as the keystroke
// benchmark does: performance.now() in a capture-phase keydown listener, against a
// MutationObserver seeing the header's filter scope show that text (the rows arrive with it in
// the same batch and render), and the end of the frame that paints it. Target: one frame.
// Also the filter's pure cost in Node (filter-cost.ts).

const INCIDENTS = Number(process.env.BENCH_FILTER_INCIDENTS ?? 10_000);
const REPETITIONS = Number(process.env.BENCH_FILTER_REPS ?? 10);
/** Typed, then erased: every prefix is free text, so each key is a new filter. */
const TYPED = 'bench 12';
const LOAD_CONCURRENCY = 32;

const PROBE = `
  const nativeFrame = window.requestAnimationFrame.bind(window);
  const afterPaint = (run) => { const channel = new MessageChannel(); channel.port1.onmessage = run; channel.port2.postMessage(0); };
  let inFrame = false;
  // The frame clock: each frame's start (rAF's time argument), to find the first frame boundary
  // after a key. Frames keep coming while a key is timed (the loop), as on a live console.
  let lastFrameAt = 0;
  let framesOn = false;
  const tick = (time) => { lastFrameAt = time; if (framesOn) nativeFrame(tick); };
  window.__frames = (on) => { if (on && !framesOn) { framesOn = true; nativeFrame(tick); } framesOn = on; };
  const FRAME = 1000 / 60;
  window.requestAnimationFrame = (callback) => nativeFrame((time) => {
    inFrame = true;
    afterPaint(() => { inFrame = false; });
    callback(time);
  });
  const shows = (expected) => {
    const scope = document.querySelector('[data-testid="filter-scope"]');
    return expected.trim() === '' ? scope === null : scope?.getAttribute('data-filter') === expected;
  };
  window.__armFilter = (expected) => new Promise((resolve) => {
    let keyAt = null;
    let boundary = null;
    window.addEventListener('keydown', () => {
      keyAt = performance.now();
      boundary = lastFrameAt + Math.max(1, Math.ceil((keyAt - lastFrameAt) / FRAME)) * FRAME;
    }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (keyAt === null || !shows(expected)) return;
      observer.disconnect();
      const inDom = performance.now() - keyAt;
      const done = () => {
        const now = performance.now();
        resolve({ inDom, painted: now - keyAt, fromFrame: now - boundary });
      };
      if (inFrame) afterPaint(done);
      else nativeFrame(() => afterPaint(done));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  0;
`;

interface Timing {
  readonly inDom: number;
  readonly painted: number;
  /** From the first frame boundary after the key to the board painted: within 16.7 ms, the next frame showed it. */
  readonly fromFrame: number;
  /** Open rows shown before and after the key: did the key change what the board holds? */
  readonly before?: number;
  readonly after?: number;
}

/** The open rows the board shows now, from its heading ("Open incidents (N)"). */
const SHOWN = String.raw`Number((document.querySelector('#active-heading')?.textContent ?? '').match(/\((\d+)\)/)?.[1] ?? 0)`;

function alertBody(index: number): string {
  const name = `filter-${index}`;
  const severity = ['critical', 'error', 'warning', 'info'][index % 4] as string;
  const labels = { alertname: name, severity, service: `svc-${index % 50}`, team: `team-${index % 8}` };
  const summary = `Filter bench incident ${index} on svc-${index % 50}`;
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status: 'firing',
    receiver: 'sitroom',
    groupLabels: { alertname: name },
    commonLabels: labels,
    commonAnnotations: { summary },
    externalURL: '',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: name,
      },
    ],
  });
}

async function pool(count: number, limit: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Presses `key` with the probe armed for the filter text it leads to. */
async function timeKey(page: Page, key: string, expected: string): Promise<Timing> {
  const before = (await page.evaluate(SHOWN)) as number;
  await page.evaluate(`window.__filterKey = window.__armFilter(${JSON.stringify(expected)}); 0`);
  await page.keyboard.press(key);
  const timing = (await page.evaluate('window.__filterKey')) as Timing;
  return { ...timing, before, after: (await page.evaluate(SHOWN)) as number };
}

/** Where a trace of one more round goes (BENCH_FILTER_TRACE): see trace-split.ts. */
const TRACE = process.env.BENCH_FILTER_TRACE;

async function measure(page: Page): Promise<Timing[]> {
  const timings: Timing[] = [];
  await page.keyboard.press('/');
  await page.evaluate('window.__frames(true)');
  for (let rep = 0; rep < REPETITIONS + 1; rep++) {
    const run: Timing[] = [];
    for (let i = 1; i <= TYPED.length; i++)
      run.push(await timeKey(page, TYPED[i - 1] as string, TYPED.slice(0, i)));
    for (let i = TYPED.length - 1; i >= 0; i--) run.push(await timeKey(page, 'Backspace', TYPED.slice(0, i)));
    // The first round warms the JIT and React's caches; it is not counted.
    if (rep > 0) timings.push(...run);
  }
  await page.evaluate('window.__frames(false)');
  return timings;
}

/** Keystroke → board painted at 10,000 incidents in Chromium, and the filter's pure cost. */
export async function benchFilter(): Promise<BenchRow[]> {
  const pure = benchFilterCost();
  const browser = await launchChromium();
  // BENCH_FILTER_WEB_DIR: serve another build of the console (an A/B against another commit).
  const webDir = process.env.BENCH_FILTER_WEB_DIR;
  const hub = await startHub(webDir ? { args: ['--web-dir', webDir] } : {});
  try {
    await pool(INCIDENTS, LOAD_CONCURRENCY, async (index) => {
      const status = await postBody(`${hub.url}/api/v1/ingest/alertmanager`, alertBody(index));
      if (status < 200 || status > 299) throw new Error(`the hub refused bench alert ${index}: ${status}`);
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
    await page.getByText(`Open incidents (${INCIDENTS})`).waitFor({ timeout: 120_000 });
    await page.evaluate(PROBE);
    const timings = await measure(page);
    if (TRACE) {
      // One more round, traced, not counted: tracing costs time of its own.
      await browser.startTracing(page, {
        path: TRACE,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
      });
      for (let i = 1; i <= TYPED.length; i++) await timeKey(page, TYPED[i - 1] as string, TYPED.slice(0, i));
      for (let i = TYPED.length - 1; i >= 0; i--) await timeKey(page, 'Backspace', TYPED.slice(0, i));
      await browser.stopTracing();
    }
    const profileTo = process.env.BENCH_FILTER_PROFILE;
    if (profileTo) {
      // One more round under the page's JavaScript profiler, not counted: what the page's
      // script does per key (`tsx test/bench/profile-top.ts file`).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      for (let i = 1; i <= TYPED.length; i++) await timeKey(page, TYPED[i - 1] as string, TYPED.slice(0, i));
      for (let i = TYPED.length - 1; i >= 0; i--) await timeKey(page, 'Backspace', TYPED.slice(0, i));
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
    }
    const groups: ReadonlyArray<readonly [string, ReadonlyArray<Timing>]> = [
      ['every key', timings],
      ['keys that leave the rows as they are', timings.filter((t) => t.before === t.after)],
      ['keys that narrow the board', timings.filter((t) => (t.after ?? 0) < (t.before ?? 0))],
      ['keys that widen the board', timings.filter((t) => (t.after ?? 0) > (t.before ?? 0))],
    ];
    const rows: BenchRow[] = [...pure];
    const details: Record<string, unknown> = {};
    for (const [name, group] of groups) {
      if (group.length === 0) continue;
      const dom: Summary = summarise(group.map((timing) => timing.inDom));
      const painted: Summary = summarise(group.map((timing) => timing.painted));
      const base = { benchmark: 'filter', case: `typing, ${INCIDENTS} incidents: ${name} (${group.length})` };
      rows.push(
        {
          ...base,
          figure: 'keydown → board in DOM, p50 / p95 ms',
          value: `${round(dom.p50, 1)} / ${round(dom.p95, 1)}`,
        },
        {
          ...base,
          figure: 'keydown → board painted, p50 / p95 ms',
          value: `${round(painted.p50, 1)} / ${round(painted.p95, 1)}`,
          budget: 'one frame (16.7 ms)',
        },
      );
      const fromFrame: Summary = summarise(group.map((timing) => timing.fromFrame));
      const inNextFrame = group.filter((timing) => timing.fromFrame <= 1000 / 60).length;
      // Below zero: the board made it into a frame that had begun before the key (its main-thread
      // part ran after the key's task).
      const earliest = Math.min(...group.map((timing) => timing.fromFrame));
      rows.push({
        ...base,
        figure: 'next frame boundary → board painted, p50 / p95 ms; keys shown by the next frame',
        value: `${round(fromFrame.p50, 1)} / ${round(fromFrame.p95, 1)}; ${round((100 * inNextFrame) / group.length, 1)} %`,
        budget: 'p95 within one frame (16.7 ms)',
      });
      details[name] = { toDom: dom, toPainted: painted, fromFrame, earliestFromFrame: earliest };
    }
    writeResult('filter', rows, details);
    return rows;
  } finally {
    await browser.close();
    await hub.stop();
  }
}
