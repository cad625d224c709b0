import type { RowLike } from '../../../shared/feed/board-row';
import type { Role } from '../../../shared/roles';
import { actionAvailability, type IncidentActionId } from './action-catalog';
import { usePublishPersonActions } from './person-actions';
import type { CommandSender } from './use-command-sender';

/** Why `id` cannot be done by `role` on `incident`, or null when it can. */
function refusal(id: IncidentActionId, role: Role, incident: RowLike): string | null {
  const availability = actionAvailability(id, role, incident);
  if (availability.kind === 'disabled') return availability.reason;
  return availability.kind === 'hidden' ? `Not possible on ${incident.id} now.` : null;
}

/** Offers the palette "make commander" and "add responder" for the incident on screen. */
export function usePersonActions(incident: RowLike, role: Role, sender: CommandSender): void {
  usePublishPersonActions((person) => [
    {
      id: 'commander',
      label: `Make ${person.name} commander of ${incident.id}`,
      disabledReason:
        refusal('assign_commander', role, incident) ??
        (incident.commander === person.id ? `${person.name} is already the commander.` : null),
      run: () => void sender.send('assign_commander', { type: 'assign_commander', userId: person.id }),
    },
    {
      id: 'responder',
      label: `Add ${person.name} as a responder on ${incident.id}`,
      disabledReason:
        refusal('responders', role, incident) ??
        (incident.responders.includes(person.id) ? `${person.name} is already responding.` : null),
      run: () => void sender.send('responders', { type: 'add_responder', userId: person.id }),
    },
  ]);
}
