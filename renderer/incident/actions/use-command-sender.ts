import { useCallback, useState } from 'react';
import type { Command } from '../../../shared/commands';
import { useSitroomApi } from '../../api-context';
import { errorMessage } from '../../error-message';
import type { InFlight } from '../in-flight';
import { buildCommand, type CommandIntent } from './incident-commands';

/** What the alert region says: the hub's refusal, a failure to reach it, or why a key did nothing. */
export interface ActionNotice {
  /** `waiting`: not a refusal, the action is still on its way (still-pending.ts). */
  readonly tone: 'refused' | 'error' | 'waiting';
  readonly text: string;
}

export interface CommandSender {
  /**
   * What is waiting for the hub's answer (an action id, a runbook step), with the command sent
   * for it: its control shows it, and a second press says what is still on its way.
   */
  readonly pending: ReadonlyMap<string, Command>;
  /** The commands sent and not yet answered, oldest first: the view shows them as done. */
  readonly inFlight: ReadonlyArray<InFlight>;
  readonly notice: ActionNotice | null;
  /** Sends a command on behalf of the control `pendingKey`; resolves true when the hub applied it. */
  send(pendingKey: string, intent: CommandIntent): Promise<boolean>;
  /** Puts a sentence in the alert region, e.g. why an action is not available. */
  explain(text: string, tone?: ActionNotice['tone']): void;
}

/** Sends an incident's commands and keeps what the operator needs to see about them. */
export function useCommandSender(incidentId: string): CommandSender {
  const api = useSitroomApi();
  const [pending, setPending] = useState<ReadonlyMap<string, Command>>(new Map());
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [inFlight, setInFlight] = useState<ReadonlyArray<InFlight>>([]);

  const send = useCallback(
    async (pendingKey: string, intent: CommandIntent): Promise<boolean> => {
      const command = buildCommand(incidentId, intent);
      setPending((current) => new Map(current).set(pendingKey, command));
      setInFlight((current) => [...current, { command, sentAt: Date.now() }]);
      setNotice(null);
      try {
        const answer = await api.sendCommand(command);
        if (!answer.ok) setNotice({ tone: 'refused', text: answer.error.message });
        return answer.ok;
      } catch (error) {
        setNotice({ tone: 'error', text: errorMessage(error) });
        return false;
      } finally {
        setInFlight((current) => current.filter((sent) => sent.command.commandId !== command.commandId));
        setPending((current) => {
          const next = new Map(current);
          next.delete(pendingKey);
          return next;
        });
      }
    },
    [api, incidentId],
  );

  const explain = useCallback(
    (text: string, tone: ActionNotice['tone'] = 'refused') => setNotice({ tone, text }),
    [],
  );
  return { pending, inFlight, notice, send, explain };
}
