import type { Command, CommandAnswer } from '../../shared/commands';
import type { HubClient } from '../../shared/hub-client';
import type { Replica } from '../../shared/replica';
import { describeError, isUnreachable, UserFacingError } from '../errors/user-facing-error';
import { readCommandAnswer } from './command-answer';

// Operator actions leave by the replica's socket (with ack) while it is live, else over HTTP.
// Every command carries its own ULID and the hub answers a replay with the first answer, so
// retrying over HTTP after a socket that failed mid-flight can never do an action twice.

export const NOT_SENT =
  'Not connected to the hub, so this action was not sent. Try again once the board is live.';

/** What happens to a command neither path could deliver. */
export type Undeliverable = (command: Command, cause: unknown) => Promise<CommandAnswer>;

export interface CommandSenderOptions {
  readonly replica: Pick<Replica, 'sendCommand' | 'connectionState'>;
  readonly hub: Pick<HubClient, 'command'>;
  readonly log: (message: string) => void;
  /**
   * The seam for the offline outbox: it will queue the command here and answer for it. Until
   * then the command is refused with a clear message and nothing is kept.
   */
  readonly undeliverable?: Undeliverable;
}

export class CommandSender {
  constructor(private readonly options: CommandSenderOptions) {}

  async send(command: Command): Promise<CommandAnswer> {
    const { replica, hub, log } = this.options;
    if (replica.connectionState.status === 'live') {
      try {
        return readCommandAnswer(await replica.sendCommand(command));
      } catch (error) {
        log(`command ${command.commandId} over the socket failed (${describeError(error)}); trying HTTP`);
      }
    }
    try {
      return readCommandAnswer(await hub.command(command));
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      return (this.options.undeliverable ?? refuse)(command, error);
    }
  }
}

const refuse: Undeliverable = () => Promise.reject(new UserFacingError(NOT_SENT));
