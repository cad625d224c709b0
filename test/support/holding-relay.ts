import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP relay on loopback in front of a real program (Alertmanager) that passes every request
// on, but can keep the program's answer to some from the caller: the request took effect, the
// caller never heard. What a hub sees when it dies between a call and recording its outcome.

export interface HoldingRelay {
  /** http://127.0.0.1:PORT, to use instead of the program's URL. */
  readonly url: string;
  /** Answers withheld so far (the program answered them; the caller got nothing). */
  readonly withheld: number;
  /** Withholds the answers to the next `times` requests with this method and path. */
  holdNext(method: string, path: string, times: number): void;
  close(): Promise<void>;
}

export async function startHoldingRelay(targetUrl: string): Promise<HoldingRelay> {
  const target = new URL(targetUrl);
  const holds = new Map<string, number>();
  let withheld = 0;
  const server = createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    const hold = (holds.get(key) ?? 0) > 0;
    if (hold) holds.set(key, (holds.get(key) ?? 0) - 1);
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (!hold) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        answer.resume();
        answer.on('end', () => {
          withheld += 1;
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get withheld() {
      return withheld;
    },
    holdNext: (method, path, times) => void holds.set(`${method} ${path}`, times),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
