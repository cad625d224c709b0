import { io } from 'socket.io-client';
import type { HubEvent } from '../../shared/events';
import { type EventBatch, type Hello, SOCKET_EVENTS, type SyncStart } from '../../shared/protocol';
import type { ConsoleSocket } from '../../shared/socket-transport';
import { openKeyFor } from './hub';

// A raw console connection for protocol tests: real socket.io-client, no replica logic, so the
// test sees exactly what the hub sends.

export interface RawConsole {
  readonly socket: ConsoleSocket;
  readonly live: HubEvent[];
  hello(hello: Hello): Promise<SyncStart>;
  /** Resolves once live events up to `seq` have arrived. */
  waitForSeq(seq: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Connects with `token`, or else with the open-mode key the hub at `url` printed (null: none). */
export async function connectConsole(
  url: string,
  token: string | null = openKeyFor(url),
): Promise<RawConsole> {
  const socket: ConsoleSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    auth: token ? { token } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const live: HubEvent[] = [];
  const waiters: Array<() => void> = [];
  socket.on(SOCKET_EVENTS.events, (batch: EventBatch) => {
    live.push(...batch.events);
    for (const wake of waiters.splice(0)) wake();
  });
  const maxSeq = (): number => live.reduce((max, event) => Math.max(max, event.seq), 0);
  return {
    socket,
    live,
    hello: (hello) => socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.hello, hello),
    waitForSeq: (seq, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no event with seq ${seq} after ${timeoutMs} ms (have ${maxSeq()})`)),
          timeoutMs,
        );
        const check = (): void => {
          if (maxSeq() >= seq) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
    close: () => socket.disconnect(),
  };
}
