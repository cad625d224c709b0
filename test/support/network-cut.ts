import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort, type HubAddress } from './hub';

// A console's network, as a TCP relay to the real hub that a test can cut and restore: the
// laptop loses the network, the hub stays up for everyone else. It cuts everything the browser
// opens through it (the page, a SharedWorker's websocket), which Playwright's setOffline does not
// reach for workers.

export interface NetworkCut {
  /** The hub's URL as the console reaches it, through the relay. */
  readonly url: string;
  /** Drops every open connection and refuses new ones. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function relayTo(hubUrl: string): Promise<NetworkCut> {
  const target = new URL(hubUrl);
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The hub's address as a console behind the relay sees it: same paths and open-mode key, the relay's origin. */
export function throughRelay(hub: HubAddress, network: { readonly url: string }): HubAddress {
  return {
    url: network.url,
    pageUrl: (path = '/') => network.url + hub.pageUrl(path).slice(hub.url.length),
  };
}
