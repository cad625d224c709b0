import { io, Manager } from 'socket.io-client';
import { SOCKET_EVENTS } from '../../shared/protocol';
import type { ConsoleSocket } from '../../shared/socket-transport';
import { LatencyHistogram } from './latency-histogram';
import type { Summary } from './stats';

// Consoles of the fan-out benchmarks, in a process of their own (fanout.ts spawns one or more)
// so the hub's CPU is measured apart from the clients'. Raw socket.io-client, no replica, and as
// little work per event as can be: the live stream's batches are not even parsed as JSON, only
// searched for each alert's `sentAt` annotation (the moment it was posted, epoch ms from the
// sender's performance clock; every process reads the same system clock). What we time is the
// hub's delivery, so a console process must not be what saturates: hundreds of consoles each
// parsing every batch would eat a core of a two-core machine by themselves.
// Every event the benchmark causes is one alert_fired carrying one `sentAt`, so a console counts
// an event per `sentAt` it finds.

export type FromConsoles =
  | { readonly type: 'ready' }
  /** `begin` is in force: what the benchmark posts from now on is counted. */
  | { readonly type: 'begun' }
  | {
      readonly type: 'result';
      readonly delivered: number;
      readonly slowestConsole: number;
      readonly latency: Summary;
      /** The latencies as LatencyHistogram.pairs(), to add up across console processes. */
      readonly histogram: Array<[number, number]>;
      readonly highest: number;
    };
/** `begin`: count events posted from `since` (epoch ms) on; `finish`: answer once each console has `expectedPerConsole`. */
export type ToConsoles =
  | { readonly type: 'begin'; readonly since: number }
  | { readonly type: 'finish'; readonly expectedPerConsole: number };

/** One hub, or several separated by commas: console i connects to the (i mod n)th. */
const hubUrls = (process.env.FANOUT_HUB_URL ?? '').split(',');
const count = Number(process.env.FANOUT_CONSOLES ?? 1);
/** The index of this process's first console among all the benchmark's consoles. */
const first = Number(process.env.FANOUT_FIRST ?? 0);
const epochNow = (): number => performance.timeOrigin + performance.now();
/** Resolves once the message is handed to the IPC channel, so exiting after it loses nothing. */
const reply = (message: FromConsoles): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });

const latencies = new LatencyHistogram();
const received = new Array<number>(count).fill(0);
const sockets: ConsoleSocket[] = [];
// Nothing counts until `begin` (a warm-up before it is not the benchmark's).
let since = Number.POSITIVE_INFINITY;

const BATCH_PREFIX = `2["${SOCKET_EVENTS.events}",`;
const SENT_AT = '"sentAt":"';

/**
 * socket.io's own parser, except that a live-stream batch is handed over as its raw text. The
 * default parser is taken from a Manager that never connects (socket.io-client does not export it).
 */
const parser = (() => {
  const probe = new Manager('http://127.0.0.1:9', { autoConnect: false });
  const { encoder, decoder } = probe as unknown as { encoder: object; decoder: object };
  type Decoder = { add(chunk: unknown): void; emitReserved(event: string, packet: unknown): void };
  const Default = decoder.constructor as new () => Decoder;
  class RawBatches extends Default {
    override add(chunk: unknown): void {
      if (typeof chunk === 'string' && chunk.startsWith(BATCH_PREFIX))
        this.emitReserved('decoded', { type: 2, nsp: '/', data: [SOCKET_EVENTS.events, chunk] });
      else super.add(chunk);
    }
  }
  return { Encoder: encoder.constructor, Decoder: RawBatches };
})();

function onBatch(index: number, raw: string): void {
  const at = epochNow(); // one batch arrives at one moment
  for (let from = raw.indexOf(SENT_AT); from !== -1; from = raw.indexOf(SENT_AT, from)) {
    from += SENT_AT.length;
    const sent = Number(raw.slice(from, raw.indexOf('"', from)));
    if (!Number.isFinite(sent) || sent < since) continue;
    latencies.add(at - sent);
    received[index] = (received[index] ?? 0) + 1;
  }
}

async function connect(index: number): Promise<void> {
  const socket: ConsoleSocket = io(hubUrls[(first + index) % hubUrls.length] as string, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    parser,
    auth: { token: process.env.FANOUT_OPEN_KEY ?? '' },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on(SOCKET_EVENTS.events, ((raw: string) => onBatch(index, raw)) as never);
  const start = await socket.timeout(30_000).emitWithAck(SOCKET_EVENTS.hello, {
    clientId: `fanout-${first + index}`,
    hubId: null,
    lastSeq: 0,
  });
  if (start.kind === 'error') throw new Error(start.message);
}

/** Answers once every console has what it should (or 15 s passed), and starts counting afresh. */
async function finish(expectedPerConsole: number): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (received.some((n) => n < expectedPerConsole) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await reply({
    type: 'result',
    delivered: received.reduce((sum, n) => sum + n, 0),
    slowestConsole: Math.min(...received),
    latency: latencies.summary(),
    histogram: latencies.pairs(),
    highest: latencies.max,
  });
  latencies.clear();
  received.fill(0);
}

// If the benchmark goes away, so do its consoles; nothing is left connected to anything.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToConsoles) => {
  if (message.type === 'begin') {
    since = message.since;
    void reply({ type: 'begun' });
  } else if (message.type === 'finish') void finish(message.expectedPerConsole);
});
// Connect a few at a time, as consoles do after a hub restart, without a thundering herd.
for (let next = 0; next < count; next += 10) {
  await Promise.all(Array.from({ length: Math.min(10, count - next) }, (_, i) => connect(next + i)));
}
await reply({ type: 'ready' });
