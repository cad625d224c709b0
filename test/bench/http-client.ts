import { Agent, request } from 'node:http';

// Benchmarks post through a bounded keep-alive pool, as real senders do (Alertmanager keeps a
// small pool per receiver). An unbounded client opens thousands of sockets when the machine is
// busy and ends up measuring the kernel's accept queue instead of the hub.

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

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
    req.end(body);
  });
}
