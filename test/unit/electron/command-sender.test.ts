import { ulid } from 'ulid';
import { describe, expect, it, vi } from 'vitest';
import { CommandSender } from '../../../electron/commands/command-sender';
import type { Command, CommandAnswer } from '../../../shared/commands';

// The sender hands actions to the replica's outbox (tested against a real hub in
// test/integration/outbox.test.ts) and checks what comes back.

const command: Command = { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' };
const accepted: CommandAnswer = { ok: true, seq: 7 };
const conflict: CommandAnswer = {
  ok: false,
  error: { code: 'conflict', message: 'INC-1 was already resolved by Dana Reyes at 14:02:11 UTC.' },
};

const senderAnswering = (answer: unknown) => {
  const sendCommand = vi.fn(async () => answer as CommandAnswer);
  return { sendCommand, commands: new CommandSender({ replica: { sendCommand, dismissRejected: vi.fn() } }) };
};

describe('sending a command', () => {
  it('queues it in the replica outbox and resolves with the hub’s answer', async () => {
    const { commands, sendCommand } = senderAnswering(accepted);
    expect(await commands.send(command)).toEqual(accepted);
    expect(sendCommand).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('resolves with the hub’s refusal rather than rejecting', async () => {
    expect(await senderAnswering(conflict).commands.send(command)).toEqual(conflict);
  });

  it('does not pass off an answer it does not understand as one', async () => {
    await expect(senderAnswering({ ok: 'sure' }).commands.send(command)).rejects.toThrow(
      /answered a command with something unexpected/,
    );
  });
});
