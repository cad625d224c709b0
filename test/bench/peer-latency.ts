import type { HubEvent } from '../../shared/events';
import { type EventBatch, SOCKET_EVENTS } from '../../shared/protocol';
import { startAlertmanager } from '../support/alertmanager';
import { connectConsole } from '../support/console-socket';
import { startHub } from '../support/hub';
import { type BenchAlert, freshGroup, postableAlerts, webhookBody } from './alert-bodies';
import { startAlertReceiver, timedPost } from './load';
import { freePort, scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { describeStages, scrapeStages, stagesBetween } from './stage-split';
import { round, sleep, summarise } from './stats';

// Peer event latency: how long after monitoring posts an alert does the next hop hear of it.
// Alertmanager: POST /api/v2/alerts → its webhook arriving at a loopback receiver, at its
// smallest group_wait (0s); every alert is its own group, so group_interval (1s) never delays a
// first notification. Sitroom: POST of the same alert → the event at a raw socket.io console.
// Same steady rate, same machine, same clock (this process's performance.now()).
//
// Read with care: Alertmanager's hop ends at a webhook that still has to reach a screen (Sitroom,
// PagerDuty); Sitroom's ends at the console. And real Alertmanager routes use group_wait 30s.

const RATE = Number(process.env.BENCH_PEER_RATE ?? 20);
const ALERTS = scaled(400, 200);
// BENCH_PEER_WARMUP: seconds at the same rate sent to each freshly started process before the
// measured alerts, and reported on their own. A hub (or an Alertmanager) runs for weeks; its
// first seconds are V8 compiling the path (in a run of 2026-12-08, 5 of Sitroom's 8 slowest of
// 400 were in its first 2.5 s). 0 measures from the start, as before.
const WARMUP = Math.round(RATE * Number(process.env.BENCH_PEER_WARMUP ?? 2));
const DRAIN_MS = 10_000;

function alertNamed(name: string): BenchAlert {
  return {
    labels: { alertname: name, service: 'bench', severity: 'critical', instance: 'host-0:9100' },
    annotations: { summary: name },
  };
}

/** Posts `count` single-alert requests at RATE; returns latency to arrival and response times. */
async function steady(
  post: (name: string) => Promise<number>,
  arrivals: ReadonlyMap<string, number>,
  prefix: string,
  count = ALERTS,
) {
  const sentAt = new Map<string, number>();
  const responses: Array<Promise<number>> = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 1) await sleep(wait);
    const name = `${prefix}-${i}`;
    sentAt.set(name, performance.now());
    responses.push(post(name));
  }
  const response = summarise(await Promise.all(responses));
  const deadline = performance.now() + DRAIN_MS;
  while (anyMissing(sentAt, arrivals) && performance.now() < deadline) await sleep(50);
  const latencies = [...sentAt].flatMap(([name, at]) => {
    const arrived = arrivals.get(name);
    return arrived === undefined ? [] : [arrived - at];
  });
  return { sent: count, arrived: latencies.length, latency: summarise(latencies), response, latencies };
}

/** True while some alert sent has not arrived yet. */
function anyMissing(sentAt: ReadonlyMap<string, number>, arrivals: ReadonlyMap<string, number>): boolean {
  for (const name of sentAt.keys()) if (!arrivals.has(name)) return true;
  return false;
}

async function alertmanagerLatency() {
  const receiver = await startAlertReceiver();
  const am = await startAlertmanager({
    webhookUrl: receiver.url,
    port: await freePort(),
    groupWait: '0s',
    groupInterval: '1s',
  });
  try {
    const url = `${am.url}/api/v2/alerts`;
    const post = (name: string) => timedPost(url, postableAlerts([alertNamed(name)]));
    const prefix = freshGroup('am-latency');
    const fresh = WARMUP > 0 ? await steady(post, receiver.arrivals, `${prefix}-fresh`, WARMUP) : null;
    return { fresh, ...(await steady(post, receiver.arrivals, prefix)) };
  } finally {
    await am.stop();
    await receiver.close();
  }
}

async function sitroomLatency() {
  const hub = await startHub();
  const console1 = await connectConsole(hub.url);
  const arrivals = new Map<string, number>();
  console1.socket.on(SOCKET_EVENTS.events, (batch: EventBatch) => {
    const at = performance.now();
    for (const event of batch.events as ReadonlyArray<HubEvent>) {
      if (event.type === 'alert_fired') {
        const name = event.alert.labels.alertname;
        if (name && !arrivals.has(name)) arrivals.set(name, at);
      }
    }
  });
  try {
    await console1.hello({ clientId: 'peer-latency', hubId: null, lastSeq: 0 });
    const url = `${hub.url}/api/v1/ingest/alertmanager`;
    const post = (name: string) => timedPost(url, webhookBody(name, [alertNamed(name)]));
    const prefix = freshGroup('hub-latency');
    const fresh = WARMUP > 0 ? await steady(post, arrivals, `${prefix}-fresh`, WARMUP) : null;
    const before = await scrapeStages(hub.url, 'sitroom_commit_stage_seconds');
    const result = { fresh, ...(await steady(post, arrivals, prefix)) };
    // Where a delivery's wait went: the hub's own commit-stage histograms over the run.
    const stages = stagesBetween(before, await scrapeStages(hub.url, 'sitroom_commit_stage_seconds'));
    return { ...result, stages };
  } finally {
    console1.close();
    await hub.stop();
  }
}

export async function benchPeerLatency(): Promise<BenchRow[]> {
  const am = await alertmanagerLatency();
  const hub = await sitroomLatency();
  const label = `${ALERTS} alerts at ${RATE}/s, one alert per request${WARMUP > 0 ? `, after ${WARMUP} sent to the fresh process` : ''}`;
  const freshRows: BenchRow[] =
    am.fresh && hub.fresh
      ? [
          {
            benchmark: 'peer-latency',
            case: `the first ${WARMUP} alerts at ${RATE}/s to a freshly started process`,
            figure: 'p99 ms, Alertmanager · Sitroom (POST → webhook · POST → console)',
            value: `${round(am.fresh.latency.p99, 1)} · ${round(hub.fresh.latency.p99, 1)}`,
          },
        ]
      : [];
  const rows: BenchRow[] = [
    ...freshRows,
    {
      benchmark: 'peer-latency',
      case: `${label}, Alertmanager 0.25 (group_wait 0s)`,
      figure: 'POST → webhook at a loopback receiver, p50 / p99 ms',
      value: `${round(am.latency.p50, 1)} / ${round(am.latency.p99, 1)}`,
    },
    {
      benchmark: 'peer-latency',
      case: `${label}, Sitroom hub`,
      figure: 'POST → event at a socket console, p50 / p99 ms',
      value: `${round(hub.latency.p50, 1)} / ${round(hub.latency.p99, 1)}`,
    },
    {
      benchmark: 'peer-latency',
      case: `${label}, Sitroom hub`,
      figure: 'commit steps, mean ms (p99 bucket); commit is COMMIT and its fsync',
      value: describeStages(hub.stages, ['queued', 'lock', 'write', 'commit', 'fold']),
    },
    {
      benchmark: 'peer-latency',
      case: label,
      figure: 'arrived / sent (measured), Alertmanager · Sitroom',
      value: `${am.arrived}/${am.sent} · ${hub.arrived}/${hub.sent}`,
    },
    {
      benchmark: 'peer-latency',
      case: label,
      figure: 'Sitroom / Alertmanager, p99',
      value: round(hub.latency.p99 / am.latency.p99, 2),
    },
  ];
  writeResult('peer-latency', rows, { rate: RATE, alertmanager: am, sitroom: hub });
  return rows;
}
