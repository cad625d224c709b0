import type { IncidentEscalation } from '../../shared/domain';

// What the console's Escalate asks the hub for. Normally the next level. Once the ladder has
// ended (its last level paged, nothing following and nobody having taken it), a plain escalate
// is refused by the hub ("name a level to page it again"), and the console has no other way to
// page anyone: so Escalate there pages that last level again, and says so.

export interface EscalateCommand {
  readonly type: 'escalate';
  /** The level to page again; absent for the next one. */
  readonly level?: number;
}

/** True when `escalation` paged its policy's last level and nothing follows it. */
export function ladderEnded(escalation: IncidentEscalation | null | undefined): boolean {
  return (
    escalation !== null &&
    escalation !== undefined &&
    escalation.level > 0 &&
    escalation.stopped === null &&
    escalation.nextLevelAt === null
  );
}

export function escalateCommand(escalation: IncidentEscalation | null | undefined): EscalateCommand {
  return ladderEnded(escalation) && escalation
    ? { type: 'escalate', level: escalation.level }
    : { type: 'escalate' };
}

/** What the console says once the hub took it. */
export function escalatedText(incidentId: string, command: EscalateCommand): string {
  return command.level === undefined
    ? `${incidentId} escalated: the next level is being paged.`
    : `${incidentId}: level ${command.level}, the last of its policy, is being paged again.`;
}
