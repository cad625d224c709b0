import type { Command } from '../../shared/commands';
import { assertNever } from '../../shared/domain';
import { type DisplayNames, personLabel } from '../../shared/export/describe-event';

/**
 * "Acknowledge INC-4", "Make Dana Reyes commander of INC-4" — how a queued or refused action is
 * named to a person. People by their display name (`names`), as the operator knows them; by id
 * only when no name is known.
 */
export function describeCommand(command: Command, names?: DisplayNames): string {
  const on = command.incidentId;
  switch (command.type) {
    case 'acknowledge':
      return `Acknowledge ${on}`;
    case 'assign_commander':
      return `Make ${personLabel(command.userId, names)} commander of ${on}`;
    case 'add_responder':
      return `Add ${personLabel(command.userId, names)} to ${on}`;
    case 'remove_responder':
      return `Remove ${personLabel(command.userId, names)} from ${on}`;
    case 'set_severity':
      return `Set ${on} to ${command.severity.toUpperCase()}`;
    case 'add_note':
      return `Note on ${on}`;
    case 'set_status':
      return command.status === 'resolved' ? `Resolve ${on}` : `Mark ${on} ${command.status}`;
    case 'reopen':
      return `Reopen ${on}`;
    case 'merge':
      return `Merge ${on} into ${command.intoIncidentId}`;
    case 'escalate':
      return command.level ? `Escalate ${on} to level ${command.level}` : `Escalate ${on}`;
    case 'notify_impacted':
      return `Notify the teams impacted by ${on}`;
    case 'complete_runbook_step':
      return `Runbook step on ${on}`;
    case 'silence':
      return `Silence the alerts of ${on} for ${command.minutes} min`;
    case 'expire_silence':
      return `Expire silence ${command.silenceId.slice(0, 8)} on ${on}`;
    default:
      return assertNever(command);
  }
}
