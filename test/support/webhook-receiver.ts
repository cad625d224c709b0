import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on loopback standing in for a team's paging webhook or Slack: it records
// every POST and can be told to answer some with an error first, to exercise retries, or to hold
// some open without an answer, as a receiver does while the sender dies.

export interface ReceivedPost {
  readonly path: string;
  /** 0 for a POST held open (holdNext). */
  readonly status: number;
  readonly body: unknown;
  /** The Idempotency-Key header, when there was one. */
  readonly idempotencyKey: string | undefined;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Every POST so far, in arrival order, with the status it was answered with. */
  readonly posts: ReadonlyArray<ReceivedPost>;
  /** Answers the next `times` POSTs to `path` with `status`. */
  failNext(path: string, times: number, status?: number): void;
  /** Records the next `times` POSTs to `path` and never answers them. */
  holdNext(path: string, times: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const posts: ReceivedPost[] = [];
  const failures = new Map<string, { times: number; status: number }>();
  const holds = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const header = req.headers['idempotency-key'];
      const idempotencyKey = typeof header === 'string' ? header : undefined;
      const held = holds.get(path) ?? 0;
      if (held > 0) {
        holds.set(path, held - 1);
        posts.push({ path, status: 0, body: parsed(Buffer.concat(chunks).toString('utf8')), idempotencyKey });
        return;
      }
      const failure = failures.get(path);
      let status = 200;
      if (failure && failure.times > 0) {
        failure.times -= 1;
        status = failure.status;
      }
      posts.push({ path, status, body: parsed(Buffer.concat(chunks).toString('utf8')), idempotencyKey });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    failNext: (path, times, status = 503) => void failures.set(path, { times, status }),
    holdNext: (path, times) => void holds.set(path, times),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON; keep the text
  }
}
