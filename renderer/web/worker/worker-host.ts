import { assertNever } from '../../../shared/domain';
import { FeedHost } from '../../../shared/feed/feed-host';
import { Replica, type ReplicaStorage } from '../../../shared/replica';
import { createSocketTransport, type SocketTransport } from '../../../shared/socket-transport';
import {
  callIdOf,
  type PageMessage,
  pageMessageSchema,
  type WorkerMessage,
  type WorkerPort,
} from './worker-protocol';

// The browser console's host, in a worker: one socket, one replica (the only fold), one outbox
// and the feeds of every page connected to it. In a SharedWorker that is every tab of the profile
// on this hub; in a dedicated worker, one tab. Free of the DOM, so Node tests run it over a
// MessageChannel against a real hub.

export interface WorkerHostOptions {
  /** Where the replica keeps its board and outbox (IndexedDB in a browser); none: memory only. */
  readonly storage?: (hubUrl: string) => ReplicaStorage | undefined;
  readonly log?: (message: string) => void;
  /** The replica's cache-write delay (tests shorten it). */
  readonly saveDelayMs?: number;
  /**
   * The Web Locks of the worker's scope, to learn that a page died (none: only a page's bye says
   * so). Absent outside a secure context (https, localhost) and in Node.
   */
  readonly locks?: Pick<LockManager, 'request'>;
}

interface Console {
  readonly replica: Replica;
  readonly feeds: FeedHost;
  readonly transport: SocketTransport;
}

export interface WorkerHost {
  /** Serves one page (a SharedWorker's connecting port, or a dedicated worker's own scope). */
  connect(port: WorkerPort): void;
  /** Stops the replica (tests; a browser simply ends the worker). */
  stop(): void;
}

export function createWorkerHost(options: WorkerHostOptions = {}): WorkerHost {
  const log = options.log ?? ((message: string) => console.warn(`[sitroom worker] ${message}`));
  let current: Console | null = null;
  let token: string | null = null;
  let nextPage = 1;
  /** The pages not known to be gone (a page that crashed stays here unless its lock says so). */
  const pages = new Set<number>();

  /** A page is gone: its feeds stop costing the worker work on every patch. */
  const gone = (page: number): void => {
    if (!pages.delete(page)) return;
    current?.feeds.closeWhere(`${page}:`);
    current?.replica.persistNow();
  };

  /** The console, started by the first page's hello: every later page shares it. */
  const start = (hubUrl: string, clientId: string): Console => {
    if (current) return current;
    const transport = createSocketTransport({ hubUrl, token: () => token });
    let feeds: FeedHost | null = null;
    const storage = options.storage?.(hubUrl);
    const replica = new Replica({
      clientId,
      transport,
      log,
      retain: () => feeds?.inView() ?? [],
      ...(storage ? { storage } : {}),
      ...(options.saveDelayMs === undefined ? {} : { saveDelayMs: options.saveDelayMs }),
    });
    feeds = new FeedHost(replica);
    current = { replica, feeds, transport };
    replica.start().catch((error: unknown) => log(`could not start: ${String(error)}`));
    return current;
  };

  const setToken = (next: string | null): void => {
    if (next === token) return;
    token = next;
    // Signed in or out in some tab: every page's feed follows the new connection.
    current?.replica.credentialsChanged();
  };

  const handle = (page: number, port: WorkerPort, message: PageMessage): void => {
    const send = (reply: WorkerMessage): void => port.postMessage(reply);
    if (message.kind === 'hello') {
      // A tab opened from the link a restarted hub printed brings its new key: the worker's
      // socket, refused with the old one, would otherwise never ask again (the other tabs'
      // storage events then hand over the key it already holds).
      if (current) setToken(message.token);
      else token = message.token;
      start(message.hubUrl, message.clientId);
      return;
    }
    if (message.kind === 'token') {
      setToken(message.token);
      return;
    }
    if (message.kind === 'alive') {
      // Queued behind the page's own hold, granted when the page lets go: only when it is gone.
      // A tab that crashed or was killed never says bye, and a MessagePort has no close event.
      options.locks
        ?.request(message.lock, () => gone(page))
        .catch((error: unknown) => {
          log(`could not watch a page's lock: ${String(error)}`);
        });
      return;
    }
    if (message.kind === 'diagnostics') {
      send({
        kind: 'diagnostics',
        callId: message.callId,
        pages: pages.size,
        feeds: current?.feeds.size ?? 0,
      });
      return;
    }
    const console_ = current;
    if (!console_) {
      send({ kind: 'refused', reason: `${message.kind} before hello` });
      return;
    }
    const key = (feedId: number): string => `${page}:${feedId}`;
    switch (message.kind) {
      case 'open':
        try {
          console_.feeds.checkRoomFor(`${page}:`, key(message.feedId));
        } catch (error) {
          send({ kind: 'refused', reason: error instanceof Error ? error.message : String(error) });
          return;
        }
        console_.feeds.open(key(message.feedId), message.view, (patches) =>
          send({ kind: 'patches', feedId: message.feedId, patches }),
        );
        return;
      case 'view':
        console_.feeds.setView(key(message.feedId), message.view);
        return;
      case 'close':
        console_.feeds.close(key(message.feedId));
        return;
      case 'command':
        console_.replica.sendCommand(message.command).then(
          (answer) => send({ kind: 'answer', callId: message.callId, answer }),
          (error: unknown) => log(`command ${message.command.commandId} failed: ${String(error)}`),
        );
        return;
      case 'dismiss':
        console_.replica.dismissRejected(message.commandId);
        return;
      case 'bye':
        gone(page);
        return;
      default:
        assertNever(message);
    }
  };

  return {
    connect(port) {
      const page = nextPage++;
      pages.add(page);
      port.addEventListener('message', (event) => {
        const parsed = pageMessageSchema.safeParse(event.data);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const callId = callIdOf(event.data);
          port.postMessage({
            kind: 'refused',
            reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
            ...(callId === undefined ? {} : { callId }),
          } satisfies WorkerMessage);
          return;
        }
        handle(page, port, parsed.data);
      });
      port.start?.();
    },
    stop() {
      current?.feeds.closeAll();
      current?.replica.stop();
      current = null;
    },
  };
}
