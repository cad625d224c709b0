import { ulid } from 'ulid';
import type { Command } from '../../../shared/commands';

// Commands as the console sends them: each with a fresh ULID, so a retry (socket, then HTTP) or
// a double press is recognised by the hub and applied once.

type WithoutIds<T> = T extends unknown ? Omit<T, 'commandId' | 'incidentId'> : never;

/** A command minus the ids the console fills in: what the operator chose. */
export type CommandIntent = WithoutIds<Command>;

/** The command for `intent` on `incidentId`, with a new command id. */
export function buildCommand(incidentId: string, intent: CommandIntent, commandId: string = ulid()): Command {
  return { ...intent, commandId, incidentId };
}
