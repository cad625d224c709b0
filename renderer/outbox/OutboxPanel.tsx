import { useState } from 'react';
import { MAX_KEPT_REFUSALS, type RejectedCommand } from '../../shared/outbox';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { useDisplayNames } from '../session/people-store';
import { useBoardStore } from '../state/board-store';
import { describeCommand } from './describe-command';

// This console's actions in flight and the ones the hub refused. Pending actions are already
// shown applied on the board (marked pending); a refusal stays here, with the hub's reason, until
// the operator dismisses it, so an action queued offline and refused later is never silently lost.
// Dismissing tells the host, whose outbox every window and tab shows: hidden here at once, gone
// everywhere (and after a reload) once the host has it. Until then a refusal is stored with the
// unsent actions, so a reload or a restart of the app shows it again. Only the newest
// MAX_KEPT_REFUSALS are kept; the panel says how many older ones were let go of, until the
// operator has dismissed the ones shown.

export function OutboxPanel() {
  const api = useSitroomApi();
  const pending = useBoardStore((state) => state.pending);
  const rejected = useBoardStore((state) => state.rejected);
  const rejectedDropped = useBoardStore((state) => state.rejectedDropped);
  const offline = useBoardStore((state) => state.connection.status !== 'live');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const refusals = rejected.filter((rejection) => !dismissed.has(rejection.command.commandId));
  // The note of older ones goes with the last one shown (the host forgets it then too).
  const dropped = refusals.length > 0 ? rejectedDropped : 0;
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
        <RefusalList
          refusals={refusals}
          dropped={dropped}
          onDismiss={(commandId) => {
            setDismissed((current) => new Set([...current, commandId]));
            api
              .dismissRejected(commandId)
              .catch((error: unknown) =>
                console.error(`[sitroom] could not dismiss a refusal: ${errorMessage(error)}`),
              );
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * The refused actions, with the people in them by the names the operator knows. Its own
 * component so that the people list is fetched only once there is a refusal to word.
 */
function RefusalList(props: {
  readonly refusals: ReadonlyArray<RejectedCommand>;
  readonly dropped: number;
  readonly onDismiss: (commandId: string) => void;
}) {
  const names = useDisplayNames();
  return (
    <ul className="outbox__refused" role="alert">
      {props.refusals.map((rejection) => (
        <li key={rejection.command.commandId}>
          <strong>{describeCommand(rejection.command, names)}</strong> was refused: {rejection.error.message}{' '}
          <button type="button" onClick={() => props.onDismiss(rejection.command.commandId)}>
            Dismiss
          </button>
        </li>
      ))}
      {props.dropped > 0 ? <li className="outbox__dropped">{refusalsNotKept(props.dropped)}</li> : null}
    </ul>
  );
}

/** The note under the refusals when older ones were let go of (only the newest are kept). */
export function refusalsNotKept(count: number): string {
  const older = count === 1 ? '1 older refused action was' : `${count} older refused actions were`;
  return `${older} not kept (only the newest ${MAX_KEPT_REFUSALS} are): check the board for what became of them.`;
}
