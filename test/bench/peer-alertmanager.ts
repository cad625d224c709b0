import { type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { type RunningHub, startHub } from '../support/hub';
import { freshGroup, groupAlerts, postableAlerts, webhookBody } from './alert-bodies';
import {
  type AlertReceiver,
  fixedRate,
  flatOut,
  type LoadResult,
  startAlertReceiver,
  timedPost,
} from './load';
import { freePort, scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round } from './stats';

// Peer comparison for ingest: the same alerts, in the same numbers per request, posted to the
// Sitroom hub's Alertmanager endpoint and to a real Alertmanager's /api/v2/alerts (the tool a NOC
// already runs in front of its pager), both on loopback, flat out and at a fixed rate.
//
// What a 2xx means differs and the figures must be read with that: Sitroom answers only after
// the events are committed to SQLite (WAL, group commit, fsync); Alertmanager answers once the
// alerts are validated and in its in-memory store (alerts are not persisted; Prometheus resends
// them on every evaluation). Alertmanager runs with its default grouping (group_wait 30s), so
// in a case shorter than that (the default is about 11 s) it sends no notification: both figures
// are the acceptance path only, as Sitroom's is with no console connected.

const SENDERS = 32;

interface Target {
  readonly name: string;
  start(
    receiver: AlertReceiver,
  ): Promise<{ send: (alerts: number) => Promise<number>; stop(): Promise<void> }>;
}

const sitroom: Target = {
  name: 'Sitroom hub (2xx = committed, fsync)',
  async start() {
    const hub: RunningHub = await startHub();
    const url = `${hub.url}/api/v1/ingest/alertmanager`;
    return {
      send: (alerts) => {
        const group = freshGroup('peer');
        return timedPost(url, webhookBody(group, groupAlerts(group, alerts)));
      },
      stop: () => hub.stop(),
    };
  },
};

const alertmanager: Target = {
  name: 'Alertmanager 0.25 (2xx = in memory)',
  async start(receiver) {
    const am: RunningAlertmanager = await startAlertmanager({
      webhookUrl: receiver.url,
      port: await freePort(),
      groupWait: '30s',
      groupInterval: '5m',
    });
    const url = `${am.url}/api/v2/alerts`;
    return {
      send: (alerts) => timedPost(url, postableAlerts(groupAlerts(freshGroup('peer'), alerts))),
      stop: () => am.stop(),
    };
  },
};

interface Measured {
  readonly flat: LoadResult;
  readonly steady: LoadResult;
  readonly alertsPerSecond: number;
  /** The fixed rate, requests/s: the ingest benchmark's, so the two tables line up. */
  readonly rate: number;
}

async function measure(
  target: Target,
  receiver: AlertReceiver,
  perBody: number,
  seconds: number,
): Promise<Measured> {
  const running = await target.start(receiver);
  try {
    for (let i = 0; i < 50; i++) await running.send(perBody); // JIT, connections, first groups
    const flat = await flatOut(() => running.send(perBody), SENDERS, seconds);
    const rate = perBody === 100 ? 100 : 1000;
    const steady = await fixedRate(() => running.send(perBody), rate, Math.round(rate * seconds));
    return { flat, steady, alertsPerSecond: round(flat.requestsPerSecond * perBody, 0), rate };
  } finally {
    await running.stop();
  }
}

export async function benchPeerIngest(): Promise<BenchRow[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? scaled(5));
  const receiver = await startAlertReceiver();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { seconds, senders: SENDERS };
  try {
    for (const perBody of [1, 100]) {
      const label = `${perBody} alert${perBody === 1 ? '' : 's'}/request`;
      const results: Measured[] = [];
      for (const target of [sitroom, alertmanager]) {
        const measured = await measure(target, receiver, perBody, seconds);
        results.push(measured);
        details[`${label}, ${target.name}`] = measured;
        rows.push(
          {
            benchmark: 'peer-ingest',
            case: `${label}, ${target.name}`,
            figure: `flat out, alerts/s accepted (${SENDERS} senders)`,
            value: measured.alertsPerSecond,
          },
          {
            benchmark: 'peer-ingest',
            case: `${label}, ${target.name}`,
            figure: 'flat out, response p50 / p99 ms',
            value: `${measured.flat.latency.p50} / ${measured.flat.latency.p99}`,
          },
          {
            benchmark: 'peer-ingest',
            case: `${label}, ${target.name}`,
            figure: `at ${measured.rate} req/s, response p50 / p99 ms`,
            value: `${measured.steady.latency.p50} / ${measured.steady.latency.p99}`,
          },
        );
      }
      const [ours, theirs] = results as [Measured, Measured];
      rows.push({
        benchmark: 'peer-ingest',
        case: label,
        figure: 'Sitroom / Alertmanager, flat-out alerts/s',
        value: round(ours.alertsPerSecond / theirs.alertsPerSecond, 2),
      });
    }
  } finally {
    await receiver.close();
  }
  writeResult('peer-ingest', rows, details);
  return rows;
}
