import { io, type Socket } from 'socket.io-client';
import type { Command, CommandAnswer } from './commands';
import type { ClientToServerEvents, EventBatch, Hello, ServerToClientEvents, SyncStart } from './protocol';
import { SOCKET_EVENTS } from './protocol';
import type { ReplicaTransport, TransportHandlers } from './replica-link';

// socket.io-client runs in browsers and in Node alike, so both hosts share this transport.
// We deliberately do not use socket.io's connection-state recovery: it only spans two minutes
// and the replica's own delta-from-seq covers any gap.

export interface SocketTransportOptions {
  readonly hubUrl: string;
  /** Read at every (re)connection, so signing in or out takes effect on the next connect. */
  readonly token?: () => string | null;
  /** How long to wait for the hub's answer to hello or a command before giving up on it. */
  readonly ackTimeoutMs?: number;
}

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketTransport extends ReplicaTransport {
  /** Drops the connection and connects again, e.g. with a new token. */
  reconnect(): void;
}

export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  let socket: ConsoleSocket | null = null;
  const timeout = options.ackTimeoutMs ?? 15_000;
  /** The last `sync:snapshot` the hub sent: its hello answer (`snapshot-sent`) comes right after. */
  let sentSnapshot: Extract<SyncStart, { kind: 'snapshot' }> | null = null;
  /**
   * Events that came while a hello waited for its answer, handed on once it is answered; null
   * when no hello waits. Those before a `sync:snapshot` are dropped: they are in that board or
   * among the events the hub sends after it, and a board shared with other consoles may be older
   * than what a console already in the live stream was sent (kept, they looked like a gap).
   */
  let held: EventBatch[] | null = null;
  let helloes = 0;
  let handed: TransportHandlers | null = null;
  return {
    start(handlers: TransportHandlers) {
      handed = handlers;
      socket = io(options.hubUrl, {
        transports: ['websocket'],
        auth: (send) => {
          const token = options.token?.() ?? null;
          send(token ? { token } : {});
        },
        reconnectionDelay: 250,
        reconnectionDelayMax: 5000,
      });
      const current = socket;
      current.on('connect', () => handlers.onUp());
      current.on('disconnect', () => {
        sentSnapshot = null;
        // What this link sent is no use on the next one (maybe another hub's).
        held = null;
        handlers.onDown(null);
      });
      current.on('connect_error', (error) => {
        handlers.onDown(error.message);
        // socket.io stops retrying after a refusal by middleware; a wrong token is fixed by
        // signing in (reconnect), a hub that is down by waiting: retry that case ourselves.
        if (error.message !== 'unauthorized' && !current.active) setTimeout(() => current.connect(), 2000);
      });
      current.on(SOCKET_EVENTS.snapshot, (start) => {
        // A board for a hello this console gave up on (timed out): its answer is dropped too,
        // and megabytes held for it would wait for the next board or disconnect.
        if (helloes === 0) return;
        sentSnapshot = start;
        if (held !== null) held = [];
      });
      current.on(SOCKET_EVENTS.events, (batch) => {
        if (held !== null) held.push(batch);
        else handlers.onEvents(batch);
      });
      current.on(SOCKET_EVENTS.status, (status) => handlers.onStatus?.(status));
    },
    async hello(hello: Hello): Promise<SyncStart> {
      if (!socket) throw new Error('transport not started');
      if (held === null) held = [];
      helloes += 1;
      try {
        const answer = await socket
          .timeout(timeout)
          .emitWithAck(SOCKET_EVENTS.hello, { ...hello, snapshotApart: true });
        if (answer.kind !== 'snapshot-sent') return answer;
        // The hub sent the board as the event before this answer, on the same ordered link.
        const start = sentSnapshot;
        sentSnapshot = null;
        if (start === null) throw new Error('the hub said it sent its board, but none came');
        return answer.userId === undefined ? start : { ...start, userId: answer.userId };
      } finally {
        helloes -= 1;
        if (helloes === 0) sentSnapshot = null;
        // Handed on before the answer is: the replica keeps them until it has begun from it.
        if (helloes === 0 && held !== null) {
          const batches = held;
          held = null;
          for (const batch of batches) handed?.onEvents(batch);
        }
      }
    },
    command(command: Command): Promise<CommandAnswer> {
      if (!socket?.connected) return Promise.reject(new Error('not connected to the hub'));
      return socket.timeout(timeout).emitWithAck(SOCKET_EVENTS.command, command);
    },
    reconnect() {
      socket?.disconnect().connect();
    },
    stop() {
      socket?.disconnect();
      socket = null;
    },
  };
}
