import { connect, type Socket } from 'node:net';

// Benchmarks post as Alertmanager's webhook sender does: keep-alive connections, as many at once
// as there are posts in flight, and up to 1,000 kept open between posts (prometheus/common's
// HTTP client: MaxIdleConnsPerHost 1000, no cap on connections per host). A storm of one-alert
// posts is then sent when it happens: an earlier pool of 64 queued posts inside this process for
// over a second at 2,000 posts/s, and that queue was counted as the hub's delay.
//
// The sender speaks HTTP/1.1 on plain sockets rather than through node:http. The benchmarks run
// on the hub's machine, where Alertmanager would not, and node:http's client cost ~340 µs of CPU
// a post in a 1,000 alerts/s storm (2,000 posts/s: two thirds of a core taken from the hub and
// the console being measured). The bytes on the wire are the same request; only what this
// process spends to send it and read the answer is less (docs/performance-method.md).

/** Connections kept open per hub (host and port) between posts, as Alertmanager keeps. */
export const SENDER_IDLE_CONNECTIONS = 1000;

/**
 * While on (watchSocketWaits), how long each POST waited in this process for a connection (a
 * kept one, or a new one opened), ms: the part of a response time spent at the sender, not the hub.
 */
let socketWaits: number[] | null = null;

/** Starts noting socket waits afresh; the result stops and gives what was noted since. */
export function watchSocketWaits(): () => number[] {
  const waits: number[] = [];
  socketWaits = waits;
  return () => {
    if (socketWaits === waits) socketWaits = null;
    return waits;
  };
}

interface Target {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly head: string;
  /** Kept-alive connections not in use, newest last. */
  readonly idle: Socket[];
}

const targets = new Map<string, Target>();
const idleByHost = new Map<string, Socket[]>();

function targetOf(url: string): Target {
  let target = targets.get(url);
  if (target) return target;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') throw new Error(`bench sender: only http:// is spoken, not ${url}`);
  const host = parsed.hostname;
  const port = Number(parsed.port || 80);
  const hostKey = `${host}:${port}`;
  let idle = idleByHost.get(hostKey);
  if (!idle) {
    idle = [];
    idleByHost.set(hostKey, idle);
  }
  const path = `${parsed.pathname}${parsed.search}`;
  target = {
    host,
    port,
    path,
    head: `POST ${path} HTTP/1.1\r\nHost: ${parsed.host}\r\nContent-Type: application/json\r\nContent-Length: `,
    idle,
  };
  targets.set(url, target);
  return target;
}

/** POSTs a JSON body; resolves with the status once the whole answer has arrived. */
export function postBody(url: string, body: string): Promise<number> {
  const target = targetOf(url);
  const request = `${target.head}${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const waits = socketWaits;
  const asked = waits ? performance.now() : 0;
  let kept = target.idle.pop();
  // One the hub closed while it was idle is dropped.
  while (kept?.destroyed) kept = target.idle.pop();
  if (kept) {
    kept.ref();
    waits?.push(performance.now() - asked);
    return exchange(kept, target, request, true);
  }
  return postFresh(target, request, (at) => waits?.push(at - asked));
}

/** Opens a new connection and posts on it. */
function postFresh(target: Target, request: string, connected?: (at: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, target.host);
    socket.setNoDelay(true);
    // An idle connection the hub resets has nobody listening: its error is not the benchmark's.
    socket.on('error', () => {});
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      connected?.(performance.now());
      exchange(socket, target, request, false).then(resolve, reject);
    });
  });
}

/** Writes one request on `socket` and reads its answer; a kept connection the hub closed is retried once on a new one. */
function exchange(socket: Socket, target: Target, request: string, reused: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let status = 0;
    let bodyStart = -1;
    let length = -1;
    let chunked = false;
    const done = (keep: boolean): void => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
      if (keep && target.idle.length < SENDER_IDLE_CONNECTIONS) {
        // A kept connection does not keep the benchmark's process alive (as node:http's agent).
        socket.unref();
        target.idle.push(socket);
      } else socket.destroy();
      resolve(status);
    };
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('latin1');
      if (bodyStart === -1) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end === -1) return;
        bodyStart = end + 4;
        const head = buffered.slice(0, end);
        status = Number(head.slice(9, 12));
        const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        // The hub says how long its answers are; a chunked one ends with an empty chunk, and
        // one with neither is read to the close.
        length = match ? Number(match[1]) : -1;
        chunked = /\r\ntransfer-encoding:\s*chunked/i.test(head);
      }
      // Read as latin1, one character a byte.
      const complete = chunked
        ? buffered.endsWith('\r\n0\r\n\r\n') || buffered.length - bodyStart === 5
        : length >= 0 && buffered.length - bodyStart >= length;
      if (complete) {
        const closing = /\r\nconnection:\s*close/i.test(buffered.slice(0, bodyStart));
        done(!closing);
      }
    };
    const onClose = (): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      if (bodyStart !== -1 && length === -1 && !chunked) {
        resolve(status);
        return;
      }
      // A kept connection the hub had closed before it read this request (keep-alive timeout):
      // nothing was answered, so the post is sent again on a new connection, as Go's client does.
      if (reused && buffered === '') {
        postFresh(target, request).then(resolve, reject);
        return;
      }
      reject(new Error(`bench sender: connection closed before the answer was complete (${target.path})`));
    };
    const onError = (error: Error): void => {
      socket.off('close', onClose);
      socket.off('data', onData);
      socket.destroy();
      if (reused && buffered === '') postFresh(target, request).then(resolve, reject);
      else reject(error);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    socket.write(request);
  });
}
