import { Agent, request } from 'node:http';

// Benchmarks post through a bounded keep-alive pool, as real senders do (Alertmanager keeps a
// small pool per receiver). An unbounded client opens thousands of sockets when the machine is
// busy and ends up measuring the kernel's accept queue instead of the hub.

/** Connections per hub (host and port): requests beyond them wait in this process for one. */
export const SENDER_CONNECTIONS = 64;
const agent = new Agent({ keepAlive: true, maxSockets: SENDER_CONNECTIONS });

/**
 * While on (watchSocketWaits), how long each POST waited in this process for one of the pool's
 * connections, ms: the part of a response time spent queued at the sender, not at the hub.
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
