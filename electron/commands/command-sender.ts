import type { Command, CommandAnswer } from '../../shared/commands';
import type { Replica } from '../../shared/replica';
import { readCommandAnswer } from './command-answer';

// Operator actions go through the replica's persistent outbox: stored before they are sent,
// sent over the socket when the hub is reachable, re-sent after a failure (the hub answers a
// replayed commandId with its first answer). The answer is checked before the page sees it.

export interface CommandSenderOptions {
  readonly replica: Pick<Replica, 'sendCommand' | 'dismissRejected'>;
}

export class CommandSender {
  constructor(private readonly options: CommandSenderOptions) {}

  /** Queues the action; resolves with the hub's answer once it has one, however long that takes. */
  async send(command: Command): Promise<CommandAnswer> {
    return readCommandAnswer(await this.options.replica.sendCommand(command));
  }

  /** The operator read this refusal: no page shows it again. */
  dismiss(commandId: string): void {
    this.options.replica.dismissRejected(commandId);
  }
}
