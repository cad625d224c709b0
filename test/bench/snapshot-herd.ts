import { Worker } from 'node:worker_threads';
import { io } from 'socket.io-client';
import * as parser from 'socket.io-parser';
import { SOCKET_EVENTS } from '../../shared/protocol';
import type { ConsoleSocket } from '../../shared/socket-transport';
import { type RunningHub, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { baselineRoot } from './baseline-tree';
import { timedPost } from './load';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// A herd of consoles asking one hub for the whole board at once: what a hub restart, a failover
// (the consoles of a dead hub re-home) or a network blip longer than the hub's memory of recent
// events brings in the middle of a big incident. The hub holds BENCH_HERD_INCIDENTS incidents of
// BENCH_HERD_ALERTS alerts; BENCH_HERD_CONSOLES consoles connect, then all say hello with nothing
// held at the same moment. Measured: hello → answer for each console, and how long the hub's
// event loop was held meanwhile (GET /healthz every 10 ms from a worker thread, so the consoles'
// own work in this process cannot delay the probe). The consoles here do not parse the board
// (a console on its own machine does that on its own CPU, not the hub's): a large answer is
// counted and its JSON left unread. BENCH_BASELINE=<ref> runs that commit's hub first (which
// answers every hello with the board inside).

const INCIDENTS = Number(process.env.BENCH_HERD_INCIDENTS ?? 2000);
const ALERTS = Number(process.env.BENCH_HERD_ALERTS ?? 10);
const CONSOLES = Number(process.env.BENCH_HERD_CONSOLES ?? 50);

/** BENCH_HERD_APART=0: consoles of before 2026-12-07, which take the board inside the answer. */
const APART = process.env.BENCH_HERD_APART !== '0';

/** Leaves the JSON of a big packet unread: the hub's side is what this benchmark measures. */
class UnreadBoardDecoder extends parser.Decoder {
  // biome-ignore lint/suspicious/noExplicitAny: socket.io-parser types its input as any
  override add(packet: any): void {
    const big = typeof packet === 'string' && packet.length > 65_536;
    const ack = big ? /^3(\d+)\[/.exec(packet) : null;
    const event = big ? /^2\["([^"]+)",/.exec(packet) : null;
    const unread = { kind: 'unread', bytes: big ? packet.length : 0 };
    const emit = (decoded: unknown): void =>
      (this as unknown as { emitReserved(name: string, value: unknown): void }).emitReserved(
        'decoded',
        decoded,
      );
    if (ack) emit({ type: 3, nsp: '/', id: Number(ack[1]), data: [unread] });
    else if (event) emit({ type: 2, nsp: '/', data: [event[1], unread] });
    else super.add(packet);
  }
}

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const lags = [];
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const started = performance.now();
    try { await fetch(workerData.url); } catch {}
    lags.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage(lags);
})();
`;

async function ingestBoard(hub: RunningHub): Promise<void> {
  const url = `${hub.url}/api/v1/ingest/alertmanager`;
  const bodies = Array.from({ length: INCIDENTS }, () => {
    const group = freshGroup('herd');
    return webhookBody(group, groupAlerts(group, ALERTS));
  });
  for (let i = 0; i < bodies.length; i += 16)
    await Promise.all(bodies.slice(i, i + 16).map((b) => timedPost(url, b)));
}

async function herdOnce(label: string, root: string | undefined): Promise<BenchRow[]> {
  const hub = await startHub(root ? { root } : {});
  try {
    await ingestBoard(hub);
    const sockets = await Promise.all(
      Array.from(
        { length: CONSOLES },
        () =>
          new Promise<ConsoleSocket>((resolve, reject) => {
            const socket: ConsoleSocket = io(hub.url, {
              transports: ['websocket'],
              forceNew: true,
              reconnection: false,
              auth: { token: hub.openKey ?? '' },
              parser: { ...parser, Decoder: UnreadBoardDecoder },
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    const probe = new Worker(PROBE, { eval: true, workerData: { url: `${hub.url}/healthz` } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const answered = await Promise.all(
      sockets.map(async (socket, i) => {
        let bytes = 0;
        socket.on(SOCKET_EVENTS.snapshot, (board) => {
          bytes = (board as unknown as { bytes: number }).bytes;
        });
        const hello = { clientId: `herd-${i}`, hubId: null, lastSeq: 0, snapshotApart: APART };
        // A console whose process reads too slowly (this one, starved on a loaded machine) is
        // dropped by the hub's backlog check (server/sync/link-backlog.ts): counted, not a crash.
        const answer: { kind: string; bytes?: number } = await socket
          .timeout(300_000)
          .emitWithAck(SOCKET_EVENTS.hello, hello)
          .catch((error: unknown) => ({
            kind: `no answer (${error instanceof Error ? error.message : String(error)})`,
          }));
        return { ms: performance.now() - started, bytes: answer.bytes ?? bytes, kind: answer.kind };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lags = await new Promise<number[]>((resolve) => {
      probe.once('message', resolve);
      probe.postMessage('stop');
    });
    await probe.terminate();
    for (const socket of sockets) socket.disconnect();
    const times = summarise(answered.map((answer) => answer.ms));
    const held = summarise(lags);
    const mib = round(answered.reduce((sum, answer) => sum + answer.bytes, 0) / CONSOLES / 2 ** 20);
    const kinds = new Map<string, number>();
    for (const answer of answered) kinds.set(answer.kind, (kinds.get(answer.kind) ?? 0) + 1);
    const what = `${label}${APART ? '' : ', older consoles'}: ${CONSOLES} consoles, ${INCIDENTS} incidents × ${ALERTS} alerts (${mib} MiB each)`;
    console.error(`  ${what}: answers ${JSON.stringify(times)} ms; /healthz ${JSON.stringify(held)} ms`);
    return [
      {
        benchmark: 'snapshot-herd',
        case: what,
        figure: 'hello → board, first / p50 / last ms',
        value: `${round(Math.min(...answered.map((a) => a.ms)))} / ${times.p50} / ${times.max}`,
      },
      {
        benchmark: 'snapshot-herd',
        case: what,
        figure: 'GET /healthz meanwhile, p50 / max ms',
        value: `${held.p50} / ${held.max}`,
      },
      {
        benchmark: 'snapshot-herd',
        case: what,
        figure: 'answers',
        value: [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', '),
      },
    ];
  } finally {
    await hub.stop();
  }
}

export async function benchSnapshotHerd(): Promise<BenchRow[]> {
  const baseline = baselineRoot();
  const rows: BenchRow[] = [];
  if (baseline !== null) rows.push(...(await herdOnce(`hub ${process.env.BENCH_BASELINE}`, baseline)));
  rows.push(...(await herdOnce('this hub', undefined)));
  writeResult('snapshot-herd', rows, { incidents: INCIDENTS, alerts: ALERTS, consoles: CONSOLES });
  return rows;
}
