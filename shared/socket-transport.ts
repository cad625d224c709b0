import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Hello, ServerToClientEvents, SyncStart } from './protocol';
import { SOCKET_EVENTS } from './protocol';
import type { ReplicaTransport, TransportHandlers } from './replica';

// socket.io-client runs in browsers and in Node alike, so both hosts share this transport.
// We deliberately do not use socket.io's connection-state recovery: it only spans two minutes
// and the replica's own delta-from-seq covers any gap.

export interface SocketTransportOptions {
  readonly hubUrl: string;
  readonly token?: string;
  /** How long to wait for the hub's answer to hello before retrying. */
  readonly helloTimeoutMs?: number;
}

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function createSocketTransport(options: SocketTransportOptions): ReplicaTransport {
  let socket: ConsoleSocket | null = null;
  return {
    start(handlers: TransportHandlers) {
      socket = io(options.hubUrl, {
        transports: ['websocket'],
        auth: options.token ? { token: options.token } : {},
        reconnectionDelay: 250,
        reconnectionDelayMax: 5000,
      });
      socket.on('connect', () => handlers.onUp());
      socket.on('disconnect', () => handlers.onDown());
      socket.on('connect_error', () => handlers.onDown());
      socket.on(SOCKET_EVENTS.events, (batch) => handlers.onEvents(batch));
    },
    hello(hello: Hello): Promise<SyncStart> {
      const current = socket;
      if (!current) return Promise.reject(new Error('transport not started'));
      return current.timeout(options.helloTimeoutMs ?? 15_000).emitWithAck(SOCKET_EVENTS.hello, hello);
    },
    stop() {
      socket?.disconnect();
      socket = null;
    },
  };
}
