import type { IncidentEscalation } from '../domain';
import type { EscalationLevelPaged, EscalationStarted, EscalationStopped } from '../events';

// How escalation events change an incident's escalation. The hub's engine reads its timers back
// from this after a restart, so `nextLevelAt` is exactly the `dueNext` of the last page.

export type EscalationEvent = EscalationStarted | EscalationLevelPaged | EscalationStopped;

/** The escalation after one of its events. */
export function foldEscalation(
  current: IncidentEscalation | null,
  event: EscalationEvent,
): IncidentEscalation | null {
  switch (event.type) {
    case 'escalation_started':
      return {
        policyId: event.policyId,
        level: 0,
        cycle: 0,
        pagedUserIds: [],
        pagedAt: null,
        nextLevelAt: null,
        stopped: null,
      };
    case 'escalation_level_paged':
      // An operator may page a level of a stopped escalation by hand; it stays stopped, so the
      // page carries no deadline and nothing follows it.
      if (!current) return null;
      return {
        ...current,
        level: event.level,
        cycle: event.cycle,
        pagedUserIds: event.targets,
        pagedAt: event.at,
        nextLevelAt: current.stopped ? null : event.dueNext,
      };
    case 'escalation_stopped':
      return current ? { ...current, stopped: event.reason, nextLevelAt: null } : null;
  }
}
