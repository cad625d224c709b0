import { connect, createServer, type Socket } from 'node:net';
import { freePort } from './hub';

// A TCP relay in front of a server (PostgreSQL, for the hubs) that a test can freeze: bytes stop
// flowing both ways, new connections are taken but not answered, and nothing is closed, not even
// a connection one side gives up on. That is what a hub sees when the database hangs (a stuck
// disk, a paused VM) or the network between them drops packets without a reset: no error, just
// silence. Thawed, everything held is delivered in order, closes included, as TCP would once the
// network heals; the server then runs whatever reached it, a COMMIT among it.

export interface FrozenLink {
  readonly port: number;
  /** `url` (a postgres:// URL to the server) pointed at the relay instead. */
  through(url: string): string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function linkTo(targetPort: number, targetHost = '127.0.0.1'): Promise<FrozenLink> {
  let frozen = false;
  /** What arrived while frozen, in order: a chunk for a socket, or a socket to end. */
  const held: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair: ReadonlyArray<readonly [Socket, Socket]> = [
      [client, upstream],
      [upstream, client],
    ];
    for (const [from, to] of pair) {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        if (frozen) held.push(() => to.write(chunk));
        else to.write(chunk);
      });
      // One side closed or failed: the other hears of it only when the link carries it.
      const passOn = (): void => {
        sockets.delete(from);
        const end = (): void => {
          to.end();
        };
        if (frozen) held.push(end);
        else end();
      };
      from.on('end', passOn);
      from.on('error', () => {
        const destroy = (): void => {
          to.destroy();
        };
        if (frozen) held.push(destroy);
        else destroy();
      });
      from.on('close', () => sockets.delete(from));
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const deliver of held.splice(0)) deliver();
    },
    close: () =>
      new Promise((resolve) => {
        frozen = false;
        held.length = 0;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
