import { useCallback, useRef, useState } from 'react';
import { COMMAND_ROLE, type Command } from '../../shared/commands';
import { hasRole, type Role } from '../../shared/roles';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { buildCommand } from '../incident/actions/incident-commands';
import { stillPendingText } from '../incident/actions/still-pending';
import { useRole } from '../session/session-store';
import { useBoardStore } from '../state/board-store';
import { escalateCommand, escalatedText } from './escalate-command';

// "Escalate now": pages the next level at once. Not destructive (it only wakes more people), so
// there is no confirmation; the hub's answer is shown, its refusal word for word.

/** What the view says after an escalation: done, refused by the hub, or not sent at all. */
export interface EscalateNotice {
  /** `waiting`: the incident's escalation is still on its way; nothing more was sent. */
  readonly tone: 'done' | 'refused' | 'error' | 'waiting';
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
  // What is on its way, by incident, read at the key press itself: `e` pressed again before the
  // hub answered sent a second escalate (one more level paged) while the button refused it.
  const inFlight = useRef(new Map<string, Command>());

  const escalate = useCallback(
    (incidentId: string): void => {
      if (refusal !== null) {
        setNotice({ tone: 'refused', text: refusal });
        return;
      }
      const waiting = inFlight.current.get(incidentId);
      if (waiting !== undefined) {
        const live = useBoardStore.getState().connection.status === 'live';
        setNotice({ tone: 'waiting', text: stillPendingText(waiting, (id) => id, live) });
        return;
      }
      const command = escalateCommand(useBoardStore.getState().rows.get(incidentId)?.escalation);
      const sent = buildCommand(incidentId, command);
      inFlight.current.set(incidentId, sent);
      setPending((current) => new Set(current).add(incidentId));
      setNotice(null);
      const settle = (next: EscalateNotice): void => {
        inFlight.current.delete(incidentId);
        setNotice(next);
        setPending((current) => {
          const rest = new Set(current);
          rest.delete(incidentId);
          return rest;
        });
      };
      api.sendCommand(sent).then(
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
