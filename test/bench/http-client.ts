import { Agent, request } from 'node:http';

// Benchmarks post as Alertmanager's webhook sender does: keep-alive connections, as many at once
// as there are posts in flight, and up to 1,000 kept open between posts (prometheus/common's
// HTTP client: MaxIdleConnsPerHost 1000, no cap on connections per host). A storm of one-alert
// posts is then sent when it happens: an earlier pool of 64 queued posts inside this process for
// over a second at 2,000 posts/s, and that queue was counted as the hub's delay.

/** Connections kept open per hub (host and port) between posts, as Alertmanager keeps. */
export const SENDER_IDLE_CONNECTIONS = 1000;
const agent = new Agent({
  keepAlive: true,
  maxSockets: Number.POSITIVE_INFINITY,
  maxFreeSockets: SENDER_IDLE_CONNECTIONS,
});

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

/** POSTs a JSON body; resolves with the status once the whole answer has arrived. */
export function postBody(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const waits = socketWaits;
    if (waits) {
      const asked = performance.now();
      req.once('socket', () => waits.push(performance.now() - asked));
    }
    req.end(body);
  });
}
