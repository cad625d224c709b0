import type { Server } from 'node:net';

/** Another process holds the hub's port: a sentence for whoever started the hub, not a stack trace. */
export class PortInUse extends Error {}

/** Listens on host:port; a port already taken rejects with PortInUse, naming --port. */
export function listen(server: Server, host: string, port: number, backlog: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      reject(
        new PortInUse(
          `${address} is already in use (another Sitroom hub?): stop it, or start this one with --port <another port>`,
        ),
      );
    });
    server.listen({ port, host, backlog }, () => resolve());
  });
}
