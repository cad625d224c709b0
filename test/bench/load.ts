import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postBody } from './http-client';
import { round, type Summary, sleep, summarise } from './stats';

// Load shapes shared by the peer and fan-out benchmarks, for any HTTP target (the Sitroom hub or
// Alertmanager), plus a loopback receiver that notes when each alert's webhook arrives.

/** POSTs one body and returns the response time in ms; anything but 2xx fails the benchmark. */
export async function timedPost(url: string, body: string): Promise<number> {
  const started = performance.now();
  const status = await postBody(url, body);
  if (status < 200 || status >= 300) throw new Error(`POST ${url}: HTTP ${status}`);
  return performance.now() - started;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latency: Summary;
}

/** As many requests as `concurrency` senders can push for `seconds`. */
export async function flatOut(send: () => Promise<number>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await send());
    }),
  );
  return result(latencies, started);
}

/**
 * `count` requests at a steady `rate` per second, each started on its own schedule whatever the
 * earlier ones do, so the response times are not hidden by the sender queueing behind itself.
 */
export async function fixedRate(send: (i: number) => Promise<number>, rate: number, count: number) {
  const latencies: number[] = [];
  const inflight: Array<Promise<void>> = [];
  // Each failure is caught as it happens: one left waiting for Promise.all at the end is an
  // unhandled rejection meanwhile, which ends the whole benchmark process (a reset under load did).
  let failure: { readonly error: unknown } | null = null;
  const started = performance.now();
  for (let i = 0; i < count && failure === null; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      send(i).then(
        (ms) => void latencies.push(ms),
        (error: unknown) => {
          failure ??= { error };
        },
      ),
    );
  }
  await Promise.all(inflight);
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
  return result(latencies, started);
}

function result(latencies: number[], started: number): LoadResult {
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 0),
    latency: summarise(latencies),
  };
}

export interface AlertReceiver {
  readonly url: string;
  /** alertname → when its first firing notification arrived (performance.now() of this process). */
  readonly arrivals: Map<string, number>;
  close(): Promise<void>;
}

/** Answers every webhook 200 at once, like a healthy receiver, and notes first arrivals. */
export async function startAlertReceiver(): Promise<AlertReceiver> {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        alerts?: Array<{ status: string; labels: Record<string, string> }>;
      };
      for (const alert of body.alerts ?? []) {
        const name = alert.labels.alertname;
        if (name && alert.status === 'firing' && !arrivals.has(name)) arrivals.set(name, at);
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
