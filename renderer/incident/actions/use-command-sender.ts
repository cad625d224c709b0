import { useCallback, useState } from 'react';
import { useSitroomApi } from '../../api-context';
import { errorMessage } from '../../error-message';
import { buildCommand, type CommandIntent } from './incident-commands';

/** What the alert region says: the hub's refusal, a failure to reach it, or why a key did nothing. */
export interface ActionNotice {
  readonly tone: 'refused' | 'error';
  readonly text: string;
}

export interface CommandSender {
  /** What is waiting for the hub's answer (an action id, a runbook step): its control shows it. */
  readonly pending: ReadonlySet<string>;
  readonly notice: ActionNotice | null;
  /** Sends a command on behalf of the control `pendingKey`; resolves true when the hub applied it. */
  send(pendingKey: string, intent: CommandIntent): Promise<boolean>;
  /** Puts a sentence in the alert region, e.g. why an action is not available. */
  explain(text: string): void;
}

/** Sends an incident's commands and keeps what the operator needs to see about them. */
export function useCommandSender(incidentId: string): CommandSender {
  const api = useSitroomApi();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<ActionNotice | null>(null);

  const send = useCallback(
    async (pendingKey: string, intent: CommandIntent): Promise<boolean> => {
      setPending((current) => new Set(current).add(pendingKey));
      setNotice(null);
      try {
        const answer = await api.sendCommand(buildCommand(incidentId, intent));
        if (!answer.ok) setNotice({ tone: 'refused', text: answer.error.message });
        return answer.ok;
      } catch (error) {
        setNotice({ tone: 'error', text: errorMessage(error) });
        return false;
      } finally {
        setPending((current) => {
          const next = new Set(current);
          next.delete(pendingKey);
          return next;
        });
      }
    },
    [api, incidentId],
  );

  const explain = useCallback((text: string) => setNotice({ tone: 'refused', text }), []);
  return { pending, notice, send, explain };
}
