import { type RunningHub, startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Event to screen: from the webhook POST leaving the sender to the incident's row in the DOM of
// a Chromium page on the hub's web console, and to the next animation frame after it (the frame
// that paints it). Both clocks are the same system clock: the page's performance.timeOrigin +
// now() against the sender's. Each incident is resolved shortly after it is sent so the active
// list stays within the (tall) viewport and every row really renders.

const RATES = [
  { perSecond: 10, alerts: 100 },
  { perSecond: 20, alerts: 400 },
  { perSecond: 200, alerts: 1000 },
  { perSecond: 1000, alerts: 3000 },
].filter(
  (rate) => !process.env.BENCH_RATES || process.env.BENCH_RATES.split(',').includes(String(rate.perSecond)),
);

function body(name: string, status: 'firing' | 'resolved'): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status,
    receiver: 'sitroom',
    groupLabels: { alertname: name },
    commonLabels: { alertname: name, severity: 'critical' },
    commonAnnotations: { summary: name },
    externalURL: '',
    truncatedAlerts: 0,
    alerts: [
      {
        status,
        labels: { alertname: name, severity: 'critical', service: 'bench' },
        annotations: { summary: name },
        startsAt: now,
        endsAt: status === 'resolved' ? now : '0001-01-01T00:00:00Z',
        fingerprint: name,
      },
    ],
  });
}

const post = (hub: RunningHub, text: string): Promise<number> =>
  postBody(`${hub.url}/api/v1/ingest/alertmanager`, text);

const OBSERVER = `
  window.__seen = {};
  const record = (row) => {
    const title = row.querySelector('.incident-row__title')?.textContent ?? '';
    if (!title.startsWith('e2s-') || window.__seen[title]) return;
    const inDom = performance.timeOrigin + performance.now();
    window.__seen[title] = { inDom, painted: null };
    requestAnimationFrame(() => { window.__seen[title].painted = performance.timeOrigin + performance.now(); });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) for (const node of mutation.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.matches('[data-incident-id]')) record(node);
      for (const row of node.querySelectorAll('[data-incident-id]')) record(row);
    }
  }).observe(document.body, { childList: true, subtree: true });
`;

export async function benchEventToScreen(): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const rate of RATES) {
      const hub = await startHub();
      const page = await browser.newPage({
        viewport: { width: 1920, height: Number(process.env.BENCH_VIEWPORT_HEIGHT ?? 2160) },
      });
      try {
        // Notes when each bench alert first reaches the page's websocket, to split the latency
        // into "to the page" and "page to screen".
        await page.addInitScript(() => {
          const arrived: Record<string, number> = {};
          (window as unknown as { __arrived: Record<string, number> }).__arrived = arrived;
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(url: string | URL, protocols?: string | string[]) {
              super(url, protocols);
              this.addEventListener('message', (event) => {
                if (typeof event.data !== 'string') return;
                const at = performance.timeOrigin + performance.now();
                for (const match of event.data.matchAll(/e2s-\d+-\d+/g)) arrived[match[0]] ??= at;
              });
            }
          };
        });
        await page.goto(hub.pageUrl());
        await page.locator('[data-ready="true"]').waitFor();
        await page.evaluate(OBSERVER);
        const sentAt = new Map<string, number>();
        const inflight: Array<Promise<unknown>> = [];
        const started = performance.now();
        for (let i = 0; i < rate.alerts; i++) {
          const due = started + (i * 1000) / rate.perSecond;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait);
          const name = `e2s-${rate.perSecond}-${i}`;
          sentAt.set(name, performance.timeOrigin + performance.now());
          inflight.push(
            post(hub, body(name, 'firing')).then(async () => {
              await sleep(50);
              await post(hub, body(name, 'resolved'));
            }),
          );
        }
        try {
          await Promise.all(inflight);
        } catch (error) {
          throw new Error(
            `at ${rate.perSecond}/s: ${String(error)} (hub exit ${hub.process.exitCode}):\n${hub.output().slice(-3000)}`,
          );
        }
        await sleep(500);
        const seen = (await page.evaluate('window.__seen')) as Record<
          string,
          { inDom: number; painted: number | null }
        >;
        const arrived = (await page.evaluate('window.__arrived')) as Record<string, number>;
        const toPage: number[] = [];
        for (const [name, sent] of sentAt) {
          const at = arrived[name];
          if (at !== undefined) toPage.push(at - sent);
        }
        const toDom: number[] = [];
        const toPaint: number[] = [];
        for (const [name, sent] of sentAt) {
          const mark = seen[name];
          if (!mark) continue;
          toDom.push(mark.inDom - sent);
          if (mark.painted !== null) toPaint.push(mark.painted - sent);
        }
        const dom = summarise(toDom);
        const painted = summarise(toPaint);
        const page1 = summarise(toPage);
        details[`${rate.perSecond}/s`] = {
          sent: sentAt.size,
          seen: toDom.length,
          toPage: page1,
          toDom: dom,
          toPaint: painted,
        };
        rows.push({
          benchmark: 'event-to-screen',
          case: `${rate.perSecond} alerts/s (${rate.alerts} alerts)`,
          figure: 'POST → event at the page, p50 / p99 ms',
          value: `${round(page1.p50, 1)} / ${round(page1.p99, 1)}`,
        });
        rows.push({
          benchmark: 'event-to-screen',
          case: `${rate.perSecond} alerts/s (${rate.alerts} alerts)`,
          figure: 'POST → row painted, p50 / p99 ms',
          value: `${round(painted.p50, 1)} / ${round(painted.p99, 1)}`,
          budget: 'p99 < 100 ms',
        });
        rows.push({
          benchmark: 'event-to-screen',
          case: `${rate.perSecond} alerts/s (${rate.alerts} alerts)`,
          figure: 'rows seen / alerts sent',
          value: `${toDom.length} / ${sentAt.size}`,
        });
      } finally {
        await page.close();
        await hub.stop();
      }
    }
  } finally {
    await browser.close();
  }
  writeResult('event-to-screen', rows, details);
  return rows;
}
