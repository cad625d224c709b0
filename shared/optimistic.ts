import { planCommand } from './command-plan';
import type { Command } from './commands';
import { dictFromEntries, emptyDict, ownValue } from './dict';
import type { Incident, IncidentMap } from './domain';
import type { HubEvent } from './events';
import type { OutboxEntry } from './outbox';
import { applyEvents } from './reducer';
import type { User } from './roles';

// What a console shows while its actions are on their way: the confirmed picture with the
// pending actions applied on top, by the same planner the hub runs. Recomputed whenever either
// changes, so a confirmed event simply replaces its prediction, and a prediction the hub would
// refuse is not shown as done.

export interface OptimisticView {
  readonly incidents: IncidentMap;
  /** Pending actions per incident id, oldest first, for "pending" markers. */
  readonly pendingByIncident: Readonly<Record<string, ReadonlyArray<Command>>>;
}

/** Applies pending actions on top of the confirmed incidents. */
export function withPending(
  confirmed: IncidentMap,
  pending: ReadonlyArray<OutboxEntry>,
  user: User,
  now: number,
): OptimisticView {
  if (pending.length === 0) return { incidents: confirmed, pendingByIncident: emptyDict() };
  const touched = emptyDict<Incident>();
  const incidentOf = (id: string): Incident | undefined => ownValue(touched, id) ?? ownValue(confirmed, id);
  const pendingByIncident = emptyDict<Command[]>();
  let seq = Number.MAX_SAFE_INTEGER - pending.length * 10; // predicted events sort after any real one
  for (const { command } of pending) {
    const queued = ownValue(pendingByIncident, command.incidentId) ?? [];
    queued.push(command);
    pendingByIncident[command.incidentId] = queued;
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
    const next = applyEvents(
      dictFromEntries(
        [...new Set(events.map((event) => event.incidentId))].flatMap((id) => {
          const incident = incidentOf(id);
          return incident ? [[id, incident] as const] : [];
        }),
      ),
      events,
    );
    Object.assign(touched, next);
  }
  return { incidents: { ...confirmed, ...touched }, pendingByIncident };
}
