import { ulid } from 'ulid';
import type { CommandAnswer } from '../../shared/commands';
import { SOCKET_EVENTS } from '../../shared/protocol';
import type { RawConsole } from './console-socket';
import { openKeyFor, postJson } from './hub';

/** A command body with a fresh ULID, as a console would make it. */
export function command(type: string, incidentId: string, fields: Record<string, unknown> = {}) {
  return { commandId: ulid(), type, incidentId, ...fields };
}

/** POST /api/v1/commands; returns status and answer. */
export async function sendCommand(
  hubUrl: string,
  body: unknown,
  token: string | null = openKeyFor(hubUrl),
): Promise<{ status: number; answer: CommandAnswer }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const { status, body: answer } = await postJson(`${hubUrl}/api/v1/commands`, body, headers);
  return { status, answer: answer as CommandAnswer };
}

/** The same command over a console's socket, with ack. */
export function sendOverSocket(console1: RawConsole, body: unknown): Promise<CommandAnswer> {
  return console1.socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, body);
}
