import { io } from 'socket.io-client';
import type { HubEvent } from '../../shared/events';
import { type EventBatch, SOCKET_EVENTS } from '../../shared/protocol';
import type { ConsoleSocket } from '../../shared/socket-transport';
import { summarise } from './stats';

// The consoles of the fan-out benchmark, run as ONE child process (fanout.ts spawns it) so the
// hub's CPU is measured apart from the clients'. Raw socket.io-client, no replica: what we time
// is the hub's delivery. Each alert carries the moment it was posted (annotation sentAt, epoch
// ms from the sender's performance clock); both processes read the same system clock.

export type FromConsoles =
  | { readonly type: 'ready' }
  | {
      readonly type: 'result';
      readonly delivered: number;
      readonly slowestConsole: number;
      readonly latency: ReturnType<typeof summarise>;
    };
export type ToConsoles = { readonly type: 'finish'; readonly expectedPerConsole: number };

/** One hub, or several separated by commas: console i connects to the (i mod n)th. */
const hubUrls = (process.env.FANOUT_HUB_URL ?? '').split(',');
const count = Number(process.env.FANOUT_CONSOLES ?? 1);
const epochNow = (): number => performance.timeOrigin + performance.now();
/** Resolves once the message is handed to the IPC channel, so exiting after it loses nothing. */
const reply = (message: FromConsoles): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });

const latencies: number[] = [];
const received = new Array<number>(count).fill(0);
const sockets: ConsoleSocket[] = [];

async function connect(index: number): Promise<void> {
  const socket: ConsoleSocket = io(hubUrls[index % hubUrls.length] as string, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: process.env.FANOUT_OPEN_KEY ?? '' },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on(SOCKET_EVENTS.events, (batch: EventBatch) => {
    const at = epochNow(); // one batch arrives at one moment
    for (const event of batch.events as ReadonlyArray<HubEvent>) {
      if (event.type !== 'alert_fired') continue;
      const sent = Number(event.alert.annotations.sentAt);
      if (!Number.isFinite(sent)) continue;
      latencies.push(at - sent);
      received[index] = (received[index] ?? 0) + 1;
    }
  });
  const start = await socket.timeout(30_000).emitWithAck(SOCKET_EVENTS.hello, {
    clientId: `fanout-${index}`,
    hubId: null,
    lastSeq: 0,
  });
  if (start.kind === 'error') throw new Error(start.message);
}

async function finish(expectedPerConsole: number): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (received.some((n) => n < expectedPerConsole) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const socket of sockets) socket.disconnect();
  await reply({
    type: 'result',
    delivered: received.reduce((sum, n) => sum + n, 0),
    slowestConsole: Math.min(...received),
    latency: summarise(latencies),
  });
  process.exit(0);
}

// If the benchmark goes away, so do its consoles; nothing is left connected to anything.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToConsoles) => {
  if (message.type === 'finish') void finish(message.expectedPerConsole);
});
// Connect a few at a time, as consoles do after a hub restart, without a thundering herd.
for (let first = 0; first < count; first += 10) {
  await Promise.all(Array.from({ length: Math.min(10, count - first) }, (_, i) => connect(first + i)));
}
await reply({ type: 'ready' });
