import type { Command } from '../../shared/commands';
import { assertNever } from '../../shared/domain';

/** "Acknowledge INC-4", "Note on INC-4" — how a queued or refused action is named to a person. */
export function describeCommand(command: Command): string {
  const on = command.incidentId;
  switch (command.type) {
    case 'acknowledge':
      return `Acknowledge ${on}`;
    case 'assign_commander':
      return `Make ${command.userId} commander of ${on}`;
    case 'add_responder':
      return `Add ${command.userId} to ${on}`;
    case 'remove_responder':
      return `Remove ${command.userId} from ${on}`;
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
