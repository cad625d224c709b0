import type { Command } from '../../../shared/commands';
import type { DisplayNames } from '../../../shared/export/describe-event';
import { describeCommand } from '../../outbox/describe-command';

// A key (or a click) for an action whose command has not been answered yet does nothing: sending
// it twice could add a second responder or page a level twice. Doing nothing without a word looked
// like a dead key, so the operator pressed it again, or walked away thinking it had gone. Say what
// is still on its way, as the outbox names it, and whether it is being sent or waiting for the hub.

/** "“Add Bob Okafor to INC-12” is still being sent", or that it is queued while the hub is away. */
export function stillPendingText(command: Command, names: DisplayNames, live: boolean): string {
  const what = `“${describeCommand(command, names)}”`;
  return live
    ? `${what} is still being sent: wait for the hub’s answer.`
    : `${what} is still queued: it goes out when the hub is back.`;
}
