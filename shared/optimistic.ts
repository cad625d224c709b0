import { planCommand } from './command-plan';
import type { Command } from './commands';
import type { Incident } from './domain';
import type { HubEvent } from './events';
import type { OutboxEntry } from './outbox';
import { applyEventsTo } from './reducer';
import type { User } from './roles';

// What a console shows while its actions are on their way: the confirmed picture with the
// pending actions applied on top, by the same planner the hub runs. Recomputed whenever either
// changes, so a confirmed event simply replaces its prediction, and a prediction the hub would
// refuse is not shown as done. Only the incidents the actions touch are computed: the cost is
// the outbox's, never the board's.

export interface PendingOverlay {
  /** The incidents as they will be once the pending actions are done (only those they touch). */
  readonly incidents: ReadonlyMap<string, Incident>;
  /** Pending actions per incident id, oldest first, for "pending" markers. */
  readonly pendingByIncident: ReadonlyMap<string, ReadonlyArray<Command>>;
}

export const NO_OVERLAY: PendingOverlay = { incidents: new Map(), pendingByIncident: new Map() };

/** Applies pending actions on top of the confirmed incidents, read through `confirmed`. */
export function pendingOverlay(
  confirmed: (id: string) => Incident | undefined,
  pending: ReadonlyArray<OutboxEntry>,
  user: User,
  now: number,
): PendingOverlay {
  if (pending.length === 0) return NO_OVERLAY;
  const touched = new Map<string, Incident>();
  const incidentOf = (id: string): Incident | undefined => touched.get(id) ?? confirmed(id);
  const pendingByIncident = new Map<string, Command[]>();
  let seq = Number.MAX_SAFE_INTEGER - pending.length * 10; // predicted events sort after any real one
  for (const { command } of pending) {
    const queued = pendingByIncident.get(command.incidentId) ?? [];
    queued.push(command);
    pendingByIncident.set(command.incidentId, queued);
    const planned = planCommand(
      command,
      { incident: incidentOf, openIncidentFor: () => undefined },
      // A console cannot know the directory or runbooks; the hub will check those.
      {
        user,
        now,
        userExists: () => true,
        runbookSteps: () => [command.type === 'complete_runbook_step' ? command.stepId : ''],
      },
    );
    if (!Array.isArray(planned)) continue;
    const events = planned.map((event) => ({ ...event, seq: ++seq }) as HubEvent);
    applyEventsTo({ get: incidentOf, set: (id, incident) => touched.set(id, incident) }, events);
  }
  return { incidents: touched, pendingByIncident };
}
