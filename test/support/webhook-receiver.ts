import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on loopback standing in for a team's paging webhook or Slack: it records
// every POST and can be told to answer some with an error first, to exercise retries.

export interface ReceivedPost {
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Every POST so far, in arrival order, with the status it was answered with. */
  readonly posts: ReadonlyArray<ReceivedPost>;
  /** Answers the next `times` POSTs to `path` with `status`. */
  failNext(path: string, times: number, status?: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const posts: ReceivedPost[] = [];
  const failures = new Map<string, { times: number; status: number }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const failure = failures.get(path);
      let status = 200;
      if (failure && failure.times > 0) {
        failure.times -= 1;
        status = failure.status;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON; keep the text
      }
      posts.push({ path, status, body });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    failNext: (path, times, status = 503) => void failures.set(path, { times, status }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
