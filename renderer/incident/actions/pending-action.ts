import { openIncident } from '../../state/view-store';
import type { IncidentActionId } from './action-catalog';

// An action chosen for an incident before its view is open (the palette on the board: "ack" on
// the selected row). The incident opens and its action bar runs the action once it is mounted,
// so the action takes the same path as its key there: the same dialog, the same pending state,
// the same refusal in the same place.

let pending: { readonly incidentId: string; readonly action: IncidentActionId } | null = null;

/** Opens the incident and has its action bar run `action` as soon as it shows. */
export function openIncidentAndRun(incidentId: string, action: IncidentActionId): void {
  pending = { incidentId, action };
  openIncident(incidentId);
}

/** The action waiting for this incident's action bar, taken (it runs once). */
export function takePendingAction(incidentId: string): IncidentActionId | null {
  if (pending?.incidentId !== incidentId) return null;
  const { action } = pending;
  pending = null;
  return action;
}
