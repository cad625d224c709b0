import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { boardChecksum } from '../../../shared/checksum';
import type { HubEvent } from '../../../shared/events';
import type { HelloAnswer, SyncStart } from '../../../shared/protocol';
import { SOCKET_EVENTS } from '../../../shared/protocol';
import { applyEvents } from '../../../shared/reducer';
import { Replica } from '../../../shared/replica';
import { createSocketTransport } from '../../../shared/socket-transport';
import { numbered, opened } from '../../support/fixtures';
import { until } from '../../support/until';

// The console's socket.io transport against a scripted hub (real socket.io on both ends): what
// the replica is handed when the hub sends the board apart from the answer (`snapshotApart`).

const events = (from: number, count: number): HubEvent[] =>
  numbered(
    Array.from({ length: count }, (_, i) => opened(`INC-${from + i}`)),
    from,
  );
const ALL = events(1, 7);
const upTo = (seq: number) => ALL.filter((event) => event.seq <= seq);
const checkpoint = (seq: number) => ({
  seq,
  checksum: boardChecksum(Object.values(applyEvents({}, upTo(seq)))),
});
const board = (seq: number): Extract<SyncStart, { kind: 'snapshot' }> => ({
  kind: 'snapshot',
  snapshot: { hubId: 'hub', seq, incidents: Object.values(applyEvents({}, upTo(seq))) },
  fingerprint: checkpoint(seq),
});
const live = (from: number, to: number) => ({ events: upTo(to).filter((event) => event.seq >= from) });

type Answer = (start: HelloAnswer) => void;

let http: HttpServer | null = null;
const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(null)));
  http = null;
});

/** A hub that answers each hello with the next step of `script`. */
async function scriptedHub(script: ReadonlyArray<(socket: Socket, answer: Answer) => void>) {
  http = createServer();
  const io = new Server(http);
  stops.push(() => void io.close());
  const hellos: unknown[] = [];
  io.on('connection', (socket) => {
    socket.on(SOCKET_EVENTS.hello, (hello: unknown, answer: Answer) => {
      hellos.push(hello);
      script[Math.min(hellos.length, script.length) - 1]?.(socket, answer);
    });
  });
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hellos };
}

describe('socket transport', () => {
  it('hands a live console asking for the board again only what follows the board it is sent', async () => {
    // A live console asks for the whole board again (its checksum differed). The hub shares a
    // board taken a moment ago, older than events the console was already sent live; the events
    // after that board follow the answer. Those sent before the board are in it or after it.
    const first: { socket: Socket | null } = { socket: null };
    const hub = await scriptedHub([
      (socket, answer) => {
        socket.emit(SOCKET_EVENTS.snapshot, board(2));
        answer({ kind: 'snapshot-sent', userId: 'u' });
        socket.emit(SOCKET_EVENTS.events, live(3, 4));
        first.socket = socket;
      },
      (socket, answer) => {
        socket.emit(SOCKET_EVENTS.events, live(6, 7));
        socket.emit(SOCKET_EVENTS.snapshot, board(4));
        answer({ kind: 'snapshot-sent', userId: 'u' });
        socket.emit(SOCKET_EVENTS.events, { ...live(5, 7), fingerprint: checkpoint(7) });
      },
      // A third hello (the console saw a gap) is answered by delta, so the console gets there.
      (_socket, answer) =>
        answer({ kind: 'delta', hubId: 'hub', events: live(5, 7).events, fingerprint: checkpoint(7) }),
    ]);
    const logs: string[] = [];
    const replica = new Replica({
      clientId: 'c',
      transport: createSocketTransport({ hubUrl: hub.url, token: () => 't' }),
      log: (line) => logs.push(line),
    });
    stops.push(() => replica.stop());
    await replica.start();
    await until(() => replica.state.seq === 4, 'the console to hold seq 4');
    // Live now: the next checksum differs, so it asks for the whole board again.
    first.socket?.emit(SOCKET_EVENTS.events, { ...live(5, 5), fingerprint: { seq: 5, checksum: 'differs' } });
    await until(
      () => replica.connectionState.status === 'live' && replica.state.seq === 7,
      'the console to hold seq 7',
    );
    expect(replica.verification?.match).toBe(true);
    expect(logs.filter((line) => line.includes('gap'))).toEqual([]);
    expect(hub.hellos).toHaveLength(2);
  });

  it('never answers a hello with a board the hub sent for one the console gave up on', async () => {
    const late = { sent: false };
    const hub = await scriptedHub([
      // The hub takes longer than the console waits; its board and answer come too late.
      (socket, answer) =>
        setTimeout(() => {
          socket.emit(SOCKET_EVENTS.snapshot, board(2));
          answer({ kind: 'snapshot-sent', userId: 'u' });
          late.sent = true;
        }, 300),
      // A hub that says it sent the board and sent none: the console must not take the old one.
      (_socket, answer) => answer({ kind: 'snapshot-sent', userId: 'u' }),
    ]);
    const transport = createSocketTransport({ hubUrl: hub.url, token: () => 't', ackTimeoutMs: 100 });
    stops.push(() => transport.stop());
    const up = { now: false };
    transport.start({ onUp: () => (up.now = true), onDown: () => {}, onEvents: () => {} });
    await until(() => up.now, 'the link to be up');
    const hello = { clientId: 'c', hubId: null, lastSeq: 0 };
    await expect(transport.hello(hello)).rejects.toThrow();
    await until(() => late.sent, 'the late board');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(transport.hello(hello)).rejects.toThrow(/none came/);
  });
});
