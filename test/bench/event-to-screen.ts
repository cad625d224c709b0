import type { HubEvent } from '../../shared/events';
import { type EventBatch, SOCKET_EVENTS } from '../../shared/protocol';
import { connectConsole } from '../support/console-socket';
import { type RunningHub, startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Event to screen during a storm: from the webhook POST leaving the sender to a probe incident's
// row in the DOM of a Chromium page on the hub's web console, and to the next animation frame
// after it (the frame that paints it). Both clocks are the same system clock: the page's
// performance.timeOrigin + now() against the sender's. The storm's alerts (warning, sev3) fire
// and resolve 50 ms later, so the board churns as in a storm; 25 probe alerts spread over the
// run are critical (sev1) and stay open, so their rows sit at the top of the board where they
// really render. A raw socket console in this process notes when each probe's event reaches a
// console socket, which splits the latency into "hub → socket" and "console → screen".

const RATES = [
  { perSecond: 20, alerts: 400 },
  { perSecond: 200, alerts: 1000 },
  { perSecond: 1000, alerts: 3000 },
].filter(
  (rate) => !process.env.BENCH_RATES || process.env.BENCH_RATES.split(',').includes(String(rate.perSecond)),
);
const PROBES = 25;

function body(name: string, status: 'firing' | 'resolved', severity: 'critical' | 'warning'): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status,
    receiver: 'sitroom',
    groupLabels: { alertname: name },
    commonLabels: { alertname: name, severity },
    commonAnnotations: { summary: name },
    externalURL: '',
    truncatedAlerts: 0,
    alerts: [
      {
        status,
        labels: { alertname: name, severity, service: 'bench' },
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

// "Painted" is when a task posted after the frame's rendering runs (as in keystroke.ts): a row
// added inside an animation frame callback (the board applies patches once per frame) is painted
// in that same frame, so the probe wraps requestAnimationFrame to know when it is in one; a row
// added in an ordinary task waits for the next frame.
const OBSERVER = `
  window.__seen = {};
  const nativeFrame = window.requestAnimationFrame.bind(window);
  const afterPaint = (run) => { const channel = new MessageChannel(); channel.port1.onmessage = run; channel.port2.postMessage(0); };
  const now = () => performance.timeOrigin + performance.now();
  let inFrame = false;
  window.requestAnimationFrame = (callback) => nativeFrame((time) => {
    inFrame = true;
    afterPaint(() => { inFrame = false; });
    callback(time);
  });
  const record = (row) => {
    const title = row.querySelector('.incident-row__title')?.textContent ?? '';
    if (!title.startsWith('e2s-') || window.__seen[title]) return;
    const mark = { inDom: now(), painted: null };
    window.__seen[title] = mark;
    const done = () => { mark.painted = now(); };
    if (inFrame) afterPaint(done);
    else nativeFrame(() => afterPaint(done));
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) for (const node of mutation.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.matches('[data-incident-id]')) record(node);
      for (const row of node.querySelectorAll('[data-incident-id]')) record(row);
    }
  }).observe(document.body, { childList: true, subtree: true });
`;

interface Mark {
  readonly inDom: number;
  readonly painted: number | null;
}

export async function benchEventToScreen(): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const rate of RATES) {
      const hub = await startHub();
      const socket = await connectConsole(hub.url);
      const page = await browser.newPage({
        viewport: { width: 1920, height: Number(process.env.BENCH_VIEWPORT_HEIGHT ?? 2160) },
      });
      try {
        const atSocket = new Map<string, number>();
        socket.socket.on(SOCKET_EVENTS.events, (batch: EventBatch) => {
          const at = performance.timeOrigin + performance.now();
          for (const event of batch.events as ReadonlyArray<HubEvent>) {
            if (event.type === 'alert_fired' && !atSocket.has(event.alert.fingerprint))
              atSocket.set(event.alert.fingerprint, at);
          }
        });
        await socket.hello({ clientId: 'e2s', hubId: null, lastSeq: 0 });
        await page.goto(hub.pageUrl());
        await page.locator('[data-ready="true"]').waitFor();
        await page.getByTestId('connection-status').getByText('Live').waitFor();
        await page.evaluate(OBSERVER);
        const probeEvery = Math.floor(rate.alerts / PROBES);
        const sentAt = new Map<string, number>();
        const probes = new Set<string>();
        const inflight: Array<Promise<unknown>> = [];
        const started = performance.now();
        for (let i = 0; i < rate.alerts; i++) {
          const due = started + (i * 1000) / rate.perSecond;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait);
          const probe = i % probeEvery === probeEvery - 1 && probes.size < PROBES;
          const name = `e2s-${probe ? 'probe' : 'storm'}-${rate.perSecond}-${i}`;
          if (probe) probes.add(name);
          sentAt.set(name, performance.timeOrigin + performance.now());
          inflight.push(
            probe
              ? post(hub, body(name, 'firing', 'critical'))
              : post(hub, body(name, 'firing', 'warning')).then(async () => {
                  await sleep(50);
                  await post(hub, body(name, 'resolved', 'warning'));
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
        await sleep(1000);
        const seen = (await page.evaluate('window.__seen')) as Record<string, Mark>;
        const toSocket: number[] = [];
        const toPaint: number[] = [];
        const socketToPaint: number[] = [];
        let probesSeen = 0;
        let stormSeen = 0;
        for (const [name, sent] of sentAt) {
          const mark = seen[name];
          if (!probes.has(name)) {
            if (mark) stormSeen += 1;
            continue;
          }
          const socketAt = atSocket.get(name);
          if (socketAt !== undefined) toSocket.push(socketAt - sent);
          if (!mark) continue;
          probesSeen += 1;
          if (mark.painted === null) continue;
          toPaint.push(mark.painted - sent);
          if (socketAt !== undefined) socketToPaint.push(mark.painted - socketAt);
        }
        const painted = summarise(toPaint);
        const socketFigures = summarise(toSocket);
        const consoleFigures = summarise(socketToPaint);
        const label = `${rate.perSecond} alerts/s (${rate.alerts} alerts, ${probes.size} probes)`;
        details[`${rate.perSecond}/s`] = {
          sent: sentAt.size,
          probes: probes.size,
          probesSeen,
          stormRowsSeen: stormSeen,
          toSocket: socketFigures,
          socketToPaint: consoleFigures,
          toPaint: painted,
        };
        rows.push(
          {
            benchmark: 'event-to-screen',
            case: label,
            figure: 'POST → probe row painted, p50 / p99 ms',
            value: `${round(painted.p50, 1)} / ${round(painted.p99, 1)}`,
            budget: rate.perSecond <= 20 ? 'p99 < 30 ms' : 'p99 < 100 ms',
          },
          {
            benchmark: 'event-to-screen',
            case: label,
            figure: 'POST → event at a console socket, p50 / p99 ms',
            value: `${round(socketFigures.p50, 1)} / ${round(socketFigures.p99, 1)}`,
          },
          {
            benchmark: 'event-to-screen',
            case: label,
            figure: 'socket → probe row painted (the console), p50 / p99 ms',
            value: `${round(consoleFigures.p50, 1)} / ${round(consoleFigures.p99, 1)}`,
          },
          {
            benchmark: 'event-to-screen',
            case: label,
            figure: 'probe rows painted / probes sent; storm rows seen',
            value: `${toPaint.length} / ${probes.size}; ${stormSeen} of ${sentAt.size - probes.size}`,
          },
        );
      } finally {
        socket.close();
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
