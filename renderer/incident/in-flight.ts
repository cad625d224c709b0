import type { Command } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import { pendingOverlay } from '../../shared/optimistic';
import type { User } from '../../shared/roles';

// The incident on screen with the actions this page has just sent applied, by the planner the
// console's host runs for its own optimistic overlay (shared/optimistic.ts). The host's overlay
// reaches the page a frame later: after a key, the browser paints before it hands the page a
// worker's message. Applied here too, what the operator did shows in the same frame as the
// button's "sending". Once the host's overlay (or the hub's event) has it, planning it again is
// refused as already done, and the incident is shown as it came.

/** A command this page sent and has no answer for yet, with when it was sent. */
export interface InFlight {
  readonly command: Command;
  readonly sentAt: number;
}

export function withInFlight(incident: Incident, inFlight: ReadonlyArray<InFlight>, user: User): Incident {
  const mine = inFlight.filter((sent) => sent.command.incidentId === incident.id);
  if (mine.length === 0) return incident;
  const overlay = pendingOverlay(
    (id) => (id === incident.id ? incident : undefined),
    mine.map(({ command, sentAt }) => ({ command, queuedAt: sentAt })),
    user,
    mine[mine.length - 1]?.sentAt ?? Date.now(),
  );
  return overlay.incidents.get(incident.id) ?? incident;
}
