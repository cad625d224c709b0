import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type HttpError, sendError } from '../http/errors';
import type { HubGuard } from './hub-guard';

// socket.io (engine.io) attaches its own 'request' and 'upgrade' listeners to the HTTP server
// and answers /socket.io/ itself, so a check inside our routes would never see a handshake. The
// front door wraps every listener the server has at the moment it is installed: a request the
// guard refuses is answered here (with the error shape, status and Retry-After) and reaches
// neither socket.io nor the routes.

/** Puts the guard in front of every 'request' and 'upgrade' listener the server has now. */
export function installFrontDoor(server: Server, guard: HubGuard): void {
  const requestListeners = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  const upgradeListeners = server.listeners('upgrade') as Array<
    (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  >;
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refused = guard.admit(req);
    if (refused) {
      sendError(res, refused);
      req.resume();
      return;
    }
    for (const listener of requestListeners) listener.call(server, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refused = guard.admit(req);
    if (refused) {
      refuseUpgrade(socket, refused);
      return;
    }
    for (const listener of upgradeListeners) listener.call(server, req, socket, head);
  });
}

/** A WebSocket upgrade is refused with a plain HTTP answer on the raw socket. */
function refuseUpgrade(socket: Duplex, error: HttpError): void {
  const body = JSON.stringify({ error: { code: error.code, message: error.message } });
  const headers = [
    `HTTP/1.1 ${error.status} ${REASONS.get(error.status) ?? 'Refused'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...Object.entries(error.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

const REASONS = new Map([
  [403, 'Forbidden'],
  [421, 'Misdirected Request'],
  [429, 'Too Many Requests'],
]);
