import { io } from 'socket.io-client';
import type { Hello, SyncStart } from '../../shared/protocol';
import { SOCKET_EVENTS } from '../../shared/protocol';
import { type CachedBoard, Replica } from '../../shared/replica';
import { type ConsoleSocket, createSocketTransport } from '../../shared/socket-transport';
import { type RunningHub, startHub } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { timedPost } from './load';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Resync: what a console pays to catch up. The hub gets 400 incidents of 100 alerts; a replica
// syncs and keeps its board (as the desktop app does in electron-store); then exactly 10,000
// events happen while it is away (100 incidents of 99 alerts: 100 × (1 opened + 99 fired)).
// (1) A raw console says hello with that lastSeq: time to the answer and the bytes on the socket
// (engine.io packet payloads; the hub does not enable permessage-deflate, so this is the wire
// less websocket framing). (2) A real Replica starts from the kept board: start() → live.
// Then one more alert in each of the 100 incidents makes 500 × 100 = 50,000 alerts, and a fresh
// console (lastSeq 0) takes a snapshot: time and bytes, raw and as a Replica.

const RUNS = 5;
const DELTA_EVENTS = 10_000;

async function ingest(hub: RunningHub, bodies: ReadonlyArray<string>): Promise<void> {
  const url = `${hub.url}/api/v1/ingest/alertmanager`;
  for (let i = 0; i < bodies.length; i += 8)
    await Promise.all(bodies.slice(i, i + 8).map((b) => timedPost(url, b)));
}

/** One hello on a new connection: time to the answer, bytes received meanwhile, what it was. */
async function rawHello(hub: RunningHub, hello: Hello) {
  const socket: ConsoleSocket = io(hub.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    // An open-mode hub still wants its per-run key: without it the hello is refused.
    auth: { token: hub.openKey ?? '' },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    let bytes = 0;
    socket.io.engine.on('packet', (packet) => {
      if (typeof packet.data === 'string') bytes += Buffer.byteLength(packet.data);
    });
    const started = performance.now();
    const start: SyncStart = await socket.timeout(60_000).emitWithAck(SOCKET_EVENTS.hello, hello);
    const ms = performance.now() - started;
    const count =
      start.kind === 'delta'
        ? start.events.length
        : start.kind === 'snapshot'
          ? start.snapshot.incidents.length
          : -1;
    return { ms, bytes, kind: start.kind, count };
  } finally {
    socket.disconnect();
  }
}

/** A Replica from `cached` (or empty) until it is live at the hub's seq; its time and its board. */
async function replicaCatchUp(hub: RunningHub, cached: CachedBoard | null, seq: number) {
  let board: CachedBoard | null = cached;
  const replica = new Replica({
    clientId: 'resync-bench',
    transport: createSocketTransport({ hubUrl: hub.url, token: () => hub.openKey }),
    storage: {
      load: async () => board,
      save: async (next) => {
        board = next;
      },
    },
  });
  const started = performance.now();
  await replica.start();
  const deadline = started + 60_000;
  while (
    (replica.connectionState.status !== 'live' || replica.state.seq < seq) &&
    performance.now() < deadline
  ) {
    await sleep(1);
  }
  const ms = performance.now() - started;
  replica.stop(); // writes the board
  if (replica.state.seq < seq) throw new Error(`replica stuck at seq ${replica.state.seq} of ${seq}`);
  return { ms, board: board as CachedBoard | null };
}

async function repeat<T extends { ms: number }>(run: () => Promise<T>) {
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return { time: summarise(results.map((r) => r.ms)), last: results[results.length - 1] as T };
}

export async function benchResync(): Promise<BenchRow[]> {
  const hub = await startHub();
  try {
    const phase1 = Array.from({ length: 400 }, () => freshGroup('resync'));
    const phase2 = Array.from({ length: 100 }, () => freshGroup('resync'));
    await ingest(
      hub,
      phase1.map((g) => webhookBody(g, groupAlerts(g, 100))),
    );
    const first = await replicaCatchUp(hub, null, 0);
    const kept = first.board;
    if (!kept) throw new Error('the replica kept no board');
    // 100 × (incident_opened + 99 alert_fired): exactly DELTA_EVENTS while the replica is away.
    await ingest(
      hub,
      phase2.map((g) => webhookBody(g, groupAlerts(g, 99))),
    );
    const lastSeq = kept.seq;
    const seq = lastSeq + DELTA_EVENTS;

    const delta = await repeat(() => rawHello(hub, { clientId: 'delta', hubId: kept.hubId, lastSeq }));
    if (delta.last.kind !== 'delta' || delta.last.count !== DELTA_EVENTS) {
      throw new Error(
        `expected a delta of ${DELTA_EVENTS} events, got ${delta.last.kind} of ${delta.last.count}`,
      );
    }
    const replicaDelta = await repeat(() => replicaCatchUp(hub, kept, seq));

    // The 100th alert of each of those incidents: 500 × 100 alerts in all.
    await ingest(
      hub,
      phase2.map((g) => webhookBody(g, groupAlerts(g, 1, {}, 99))),
    );
    const fullSeq = seq + phase2.length;
    const snapshot = await repeat(() => rawHello(hub, { clientId: 'fresh', hubId: null, lastSeq: 0 }));
    const replicaFresh = await repeat(() => replicaCatchUp(hub, null, fullSeq));
    const incidents = replicaFresh.last.board?.incidents ?? [];
    const alerts = incidents.reduce((sum, incident) => sum + Object.keys(incident.alerts).length, 0);

    const mib = (bytes: number): string => `${round(bytes / 2 ** 20, 2)} MiB`;
    const rows: BenchRow[] = [
      {
        benchmark: 'resync',
        case: `delta of ${DELTA_EVENTS} events`,
        figure: 'hello → answer, p50 / max ms (raw socket); payload',
        value: `${delta.time.p50} / ${delta.time.max}; ${mib(delta.last.bytes)}`,
      },
      {
        benchmark: 'resync',
        case: `delta of ${DELTA_EVENTS} events`,
        figure: 'Replica start → live, p50 / max ms',
        value: `${replicaDelta.time.p50} / ${replicaDelta.time.max}`,
        budget: '< 1000 ms',
      },
      {
        benchmark: 'resync',
        case: `fresh console, snapshot of ${incidents.length} incidents, ${alerts} alerts`,
        figure: 'hello → answer, p50 / max ms (raw socket); payload',
        value: `${snapshot.time.p50} / ${snapshot.time.max}; ${mib(snapshot.last.bytes)}`,
      },
      {
        benchmark: 'resync',
        case: `fresh console, snapshot of ${incidents.length} incidents, ${alerts} alerts`,
        figure: 'Replica start → live, p50 / max ms',
        value: `${replicaFresh.time.p50} / ${replicaFresh.time.max}`,
      },
    ];
    writeResult('resync', rows, {
      runs: RUNS,
      delta: { events: DELTA_EVENTS, bytes: delta.last.bytes, raw: delta.time, replica: replicaDelta.time },
      snapshot: {
        incidents: incidents.length,
        alerts,
        bytes: snapshot.last.bytes,
        raw: snapshot.time,
        replica: replicaFresh.time,
      },
    });
    return rows;
  } finally {
    await hub.stop();
  }
}
