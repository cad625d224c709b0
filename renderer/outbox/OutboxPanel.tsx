import { useState } from 'react';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { useBoardStore } from '../state/board-store';
import { describeCommand } from './describe-command';

// This console's actions in flight and the ones the hub refused. Pending actions are already
// shown applied on the board (marked pending); a refusal stays here, with the hub's reason, until
// the operator dismisses it, so an action queued offline and refused later is never silently lost.
// Dismissing tells the host, whose outbox every window and tab shows: hidden here at once, gone
// everywhere (and after a reload) once the host has it.

export function OutboxPanel() {
  const api = useSitroomApi();
  const pending = useBoardStore((state) => state.pending);
  const rejected = useBoardStore((state) => state.rejected);
  const offline = useBoardStore((state) => state.connection.status !== 'live');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const refusals = rejected.filter((rejection) => !dismissed.has(rejection.command.commandId));
  if (pending.length === 0 && refusals.length === 0) return null;
  return (
    <section className="outbox" aria-label="Your actions" data-testid="outbox">
      {pending.length > 0 ? (
        <p className="outbox__pending" role="status">
          {pending.length === 1 ? '1 action' : `${pending.length} actions`}{' '}
          {offline ? 'queued until the hub is back' : 'waiting for the hub'}
        </p>
      ) : null}
      {refusals.length > 0 ? (
        <ul className="outbox__refused" role="alert">
          {refusals.map((rejection) => (
            <li key={rejection.command.commandId}>
              <strong>{describeCommand(rejection.command)}</strong> was refused: {rejection.error.message}{' '}
              <button
                type="button"
                onClick={() => {
                  const { commandId } = rejection.command;
                  setDismissed((current) => new Set([...current, commandId]));
                  api
                    .dismissRejected(commandId)
                    .catch((error: unknown) =>
                      console.error(`[sitroom] could not dismiss a refusal: ${errorMessage(error)}`),
                    );
                }}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
