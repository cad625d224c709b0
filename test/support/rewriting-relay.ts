import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { freePort } from './hub';

// A relay in front of the real hub that can alter what the hub says on its websocket, as a corrupt
// cache or a faulty hub version might. Playwright's routeWebSocket does not reach a SharedWorker's
// socket, and the console's socket lives in one; a relay on the network reaches everything the
// browser opens. Plain HTTP (the page, its assets, the API) passes through unchanged.

export interface RewritingRelay {
  /** The hub's URL as the console reaches it, through the relay. */
  readonly url: string;
  close(): Promise<void>;
}

/** `rewrite` sees every text frame the hub sends to a console and returns what the console gets. */
export async function rewritingRelayTo(
  hubUrl: string,
  rewrite: (frame: string) => string,
): Promise<RewritingRelay> {
  const target = new URL(hubUrl);
  const sockets = new Set<WebSocket>();
  const sockets2 = new Set<Duplex>();
  const frames = new WebSocketServer({ noServer: true });

  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets2.add(socket);
    socket.on('close', () => sockets2.delete(socket));
    // The hub sees the console's own Origin and Host, as through any transparent relay.
    const hub = new WebSocket(`ws://${target.host}${req.url}`, {
      headers: { host: req.headers.host ?? target.host },
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
    });
    hub.on('error', () => socket.destroy());
    hub.on('unexpected-response', (_request, answer) => {
      socket.end(`HTTP/1.1 ${answer.statusCode} Refused\r\nConnection: close\r\n\r\n`);
    });
    hub.on('open', () => {
      frames.handleUpgrade(req, socket, head, (browser) => {
        sockets.add(browser).add(hub);
        browser.on('message', (data, isBinary) => hub.send(data, { binary: isBinary }));
        hub.on('message', (data, isBinary) => {
          browser.send(isBinary ? data : rewrite(data.toString()), { binary: isBinary });
        });
        const closeBoth = () => {
          browser.terminate();
          hub.terminate();
        };
        browser.on('close', closeBoth);
        hub.on('close', closeBoth);
      });
    });
  });

  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.terminate();
        for (const socket of sockets2) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A rewrite for rewritingRelayTo: the snapshot a console is given (inside the hello answer, or as
 * the `sync:snapshot` event that consoles asking with `snapshotApart` get just before it) with
 * `fields` of every incident whose title starts with "Damaged" set to null, as a damaged cache
 * would hand it over.
 */
export function damageSnapshot(fields: ReadonlyArray<string>): (frame: string) => string {
  type Start = { snapshot?: { incidents: Array<Record<string, unknown>> }; fingerprint?: unknown };
  const damage = (start: Start | undefined): void => {
    for (const incident of start?.snapshot?.incidents ?? [])
      if (String(incident.title).startsWith('Damaged')) for (const field of fields) incident[field] = null;
    // Without the hub's fingerprint the console cannot tell it was handed a different board.
    if (start) delete start.fingerprint;
  };
  return (frame) => {
    if (!frame.includes('"kind":"snapshot"')) return frame;
    const answer = /^43(\d*)(\[[\s\S]*\])$/.exec(frame);
    if (answer) {
      const args = JSON.parse(answer[2] ?? '[]') as Start[];
      damage(args[0]);
      return `43${answer[1]}${JSON.stringify(args)}`;
    }
    const event = /^42(\["sync:snapshot",[\s\S]*\])$/.exec(frame);
    if (event) {
      const args = JSON.parse(event[1] ?? '[]') as [string, Start];
      damage(args[1]);
      return `42${JSON.stringify(args)}`;
    }
    return frame;
  };
}
