import { useCallback, useState } from 'react';
import { COMMAND_ROLE } from '../../shared/commands';
import { hasRole, type Role } from '../../shared/roles';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { buildCommand } from '../incident/actions/incident-commands';
import { useRole } from '../session/session-store';
import { useBoardStore } from '../state/board-store';
import { escalateCommand, escalatedText } from './escalate-command';

// "Escalate now": pages the next level at once. Not destructive (it only wakes more people), so
// there is no confirmation; the hub's answer is shown, its refusal word for word.

/** What the view says after an escalation: done, refused by the hub, or not sent at all. */
export interface EscalateNotice {
  readonly tone: 'done' | 'refused' | 'error';
  readonly text: string;
}

export interface Escalator {
  /** Null when the signed-in role may escalate, else why not in a sentence. */
  readonly refusal: string | null;
  /** Incidents whose escalation is waiting for the hub's answer. */
  readonly pending: ReadonlySet<string>;
  readonly notice: EscalateNotice | null;
  escalate(incidentId: string): void;
}

/** Why `role` may not escalate, or null when it may. */
export function escalateRefusal(role: Role): string | null {
  const needed = COMMAND_ROLE.escalate;
  return hasRole(role, needed) ? null : `Escalate needs the ${needed} role; you are signed in as ${role}.`;
}

/** Sends `escalate` commands with a fresh ULID each and keeps the hub's last answer. */
export function useEscalate(): Escalator {
  const api = useSitroomApi();
  const refusal = escalateRefusal(useRole());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<EscalateNotice | null>(null);

  const escalate = useCallback(
    (incidentId: string): void => {
      if (refusal !== null) {
        setNotice({ tone: 'refused', text: refusal });
        return;
      }
      setPending((current) => new Set(current).add(incidentId));
      setNotice(null);
      const settle = (next: EscalateNotice): void => {
        setNotice(next);
        setPending((current) => {
          const rest = new Set(current);
          rest.delete(incidentId);
          return rest;
        });
      };
      const command = escalateCommand(useBoardStore.getState().rows.get(incidentId)?.escalation);
      api.sendCommand(buildCommand(incidentId, command)).then(
        (answer) =>
          settle(
            answer.ok
              ? { tone: 'done', text: escalatedText(incidentId, command) }
              : { tone: 'refused', text: answer.error.message },
          ),
        (error: unknown) => settle({ tone: 'error', text: errorMessage(error) }),
      );
    },
    [api, refusal],
  );

  return { refusal, pending, notice, escalate };
}
