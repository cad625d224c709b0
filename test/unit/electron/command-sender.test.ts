import { ulid } from 'ulid';
import { describe, expect, it, vi } from 'vitest';
import { SIGN_IN_AGAIN } from '../../../electron/commands/command-answer';
import { CommandSender, NOT_SENT } from '../../../electron/commands/command-sender';
import { UserFacingError } from '../../../electron/errors/user-facing-error';
import type { Command, CommandAnswer } from '../../../shared/commands';
import type { ConnectionState, ConnectionStatus } from '../../../shared/connection';

const command: Command = { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' };
const accepted: CommandAnswer = { ok: true, seq: 7 };
const conflict: CommandAnswer = {
  ok: false,
  error: { code: 'conflict', message: 'INC-1 was already resolved by dana at 14:02:11 UTC.' },
};
const unreachable = (): Promise<never> => Promise.reject(new TypeError('fetch failed'));

function sender(status: ConnectionStatus, socket: () => Promise<unknown>, http: () => Promise<unknown>) {
  const logs: string[] = [];
  const connectionState: ConnectionState = { status, since: 0, lastUpdateAt: null, cached: false };
  const replica = { connectionState, sendCommand: vi.fn(socket) };
  const hub = { command: vi.fn(http) };
  // The fakes answer `unknown`, as a hub of another version might; the sender must check.
  const commands = new CommandSender({
    replica: replica as {
      connectionState: ConnectionState;
      sendCommand: (c: Command) => Promise<CommandAnswer>;
    },
    hub: hub as { command: (c: Command) => Promise<CommandAnswer> },
    log: (message) => logs.push(message),
  });
  return { commands, replica, hub, logs };
}

describe('sending a command', () => {
  it('uses the socket while the replica is live', async () => {
    const { commands, hub } = sender('live', async () => accepted, unreachable);
    expect(await commands.send(command)).toEqual(accepted);
    expect(hub.command).not.toHaveBeenCalled();
  });

  it('resolves with the hub’s refusal rather than rejecting', async () => {
    const { commands } = sender('live', async () => conflict, unreachable);
    expect(await commands.send(command)).toEqual(conflict);
  });

  it('goes over HTTP when the socket is not live', async () => {
    const { commands, replica, hub } = sender(
      'offline',
      async () => accepted,
      async () => accepted,
    );
    expect(await commands.send(command)).toEqual(accepted);
    expect(replica.sendCommand).not.toHaveBeenCalled();
    expect(hub.command).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('retries the same command over HTTP when the socket fails mid-flight', async () => {
    const { commands, hub, logs } = sender(
      'live',
      () => Promise.reject(new Error('operation has timed out')),
      async () => accepted,
    );
    expect(await commands.send(command)).toEqual(accepted);
    // The same commandId, so the hub answers a command the socket did deliver with its first answer.
    expect(hub.command).toHaveBeenCalledExactlyOnceWith(command);
    expect(logs[0]).toContain(
      `command ${command.commandId} over the socket failed (operation has timed out)`,
    );
  });

  it('refuses clearly when neither path reaches the hub', async () => {
    const { commands } = sender('offline', async () => accepted, unreachable);
    const error = await commands.send(command).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toHaveProperty('message', NOT_SENT);
  });

  it('hands an undeliverable command to the outbox seam when one is given', async () => {
    const queued: CommandAnswer = { ok: true, seq: 0 };
    const undeliverable = vi.fn(async () => queued);
    const commands = new CommandSender({
      replica: {
        connectionState: { status: 'offline', since: 0, lastUpdateAt: null, cached: true },
        sendCommand: unreachable,
      },
      hub: { command: unreachable },
      log: () => {},
      undeliverable,
    });
    expect(await commands.send(command)).toBe(queued);
    expect(undeliverable).toHaveBeenCalledWith(command, expect.any(TypeError));
  });

  it('asks to sign in again when the hub refuses the token over HTTP', async () => {
    const body = { error: { code: 'unauthorized', message: 'Sign in: send Authorization: Bearer <token>.' } };
    const { commands } = sender(
      'offline',
      async () => accepted,
      async () => body,
    );
    await expect(commands.send(command)).rejects.toThrow(SIGN_IN_AGAIN);
  });

  it('does not pass off an answer it does not understand as one', async () => {
    const { commands } = sender(
      'offline',
      async () => accepted,
      async () => ({ ok: 'sure' }),
    );
    await expect(commands.send(command)).rejects.toThrow(/answered a command with something unexpected/);
  });
});
