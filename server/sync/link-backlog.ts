// How much a console's link has not yet written: what socket.io holds for it (engine.io's write
// buffer, while the transport is busy) and what the websocket holds (`ws`'s bufferedAmount: the
// frames the kernel has not taken yet). A console that stops reading keeps all of it in the hub.

/**
 * A console in the live stream holding more than this unsent is not keeping up (it stopped
 * reading, or its network cannot carry the storm): it is dropped, and on reconnecting it catches
 * up by delta from what it holds, which costs the hub far less than holding its stream.
 */
export const LIVE_BACKLOG_LIMIT_BYTES = 16 * 1024 * 1024;

interface EngineLink {
  readonly writeBuffer?: ReadonlyArray<{ readonly data?: unknown }>;
  readonly transport?: { readonly socket?: { readonly bufferedAmount?: unknown; terminate?: unknown } };
  close(): void;
}

/** Bytes (UTF-16 units for queued text) the hub still holds for `conn`, an engine.io socket. */
export function unsentBytes(conn: unknown): number {
  const link = conn as EngineLink;
  let queued = 0;
  for (const packet of link.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') queued += data.length;
    else if (data instanceof Uint8Array) queued += data.byteLength;
  }
  const buffered = link.transport?.socket?.bufferedAmount;
  return queued + (typeof buffered === 'number' ? buffered : 0);
}

/**
 * Closes `conn` at once, letting go of what it holds: engine.io's own close first writes what is
 * queued and then waits up to 30 s for the websocket's closing handshake, which a console that
 * does not read never answers.
 */
export function dropLink(conn: unknown): void {
  const link = conn as EngineLink;
  const websocket = link.transport?.socket;
  if (websocket && typeof websocket.terminate === 'function') websocket.terminate();
  else link.close();
}
