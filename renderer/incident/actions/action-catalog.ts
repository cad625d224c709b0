import { type CommandType, commandRole } from '../../../shared/commands';
import type { RowLike } from '../../../shared/feed/board-row';
import { hasRole, type Role } from '../../../shared/roles';

// What an operator can do to an incident, with its key and the command it sends. Whether an
// action is offered depends on the signed-in role (commandRole) and on the incident's state;
// the hub checks again, and its refusal is shown when the two disagree (another console won).

export const INCIDENT_ACTION_IDS = [
  'acknowledge',
  'take_command',
  'assign_commander',
  'responders',
  'escalate',
  'set_severity',
  'set_status',
  'add_note',
  'resolve',
  'reopen',
  'merge',
  'notify_impacted',
  'silence',
  'expire_silence',
] as const;
export type IncidentActionId = (typeof INCIDENT_ACTION_IDS)[number];

export interface IncidentActionSpec {
  readonly id: IncidentActionId;
  /** The button's name: what the action does, in the NOC's words. */
  readonly label: string;
  readonly key: string;
  /** The command whose role requirement decides who may do it. */
  readonly commandType: CommandType;
  /** True when the action asks for more (a picker, text, a confirmation) before sending. */
  readonly asks: boolean;
}

export const INCIDENT_ACTIONS: Readonly<Record<IncidentActionId, IncidentActionSpec>> = {
  acknowledge: { id: 'acknowledge', label: 'Acknowledge', key: 'a', commandType: 'acknowledge', asks: false },
  take_command: {
    id: 'take_command',
    label: 'Take command',
    key: 'c',
    commandType: 'assign_commander',
    asks: false,
  },
  assign_commander: {
    id: 'assign_commander',
    label: 'Assign commander',
    // "h" for hand over: "g" starts the go-to sequences ("g b"), and Shift+a would sit one key
    // (or a stuck Caps Lock) away from acknowledging.
    key: 'h',
    commandType: 'assign_commander',
    asks: true,
  },
  responders: { id: 'responders', label: 'Responders', key: 'p', commandType: 'add_responder', asks: true },
  // The hub pages the policy's next level at once, or says why not (no policy applies).
  escalate: { id: 'escalate', label: 'Escalate', key: 'e', commandType: 'escalate', asks: false },
  set_severity: {
    id: 'set_severity',
    label: 'Change severity',
    key: 's',
    commandType: 'set_severity',
    asks: true,
  },
  set_status: { id: 'set_status', label: 'Set status', key: 't', commandType: 'set_status', asks: true },
  add_note: { id: 'add_note', label: 'Add note', key: 'n', commandType: 'add_note', asks: true },
  resolve: { id: 'resolve', label: 'Resolve', key: 'r', commandType: 'set_status', asks: true },
  reopen: { id: 'reopen', label: 'Reopen', key: 'o', commandType: 'reopen', asks: false },
  merge: { id: 'merge', label: 'Merge into', key: 'm', commandType: 'merge', asks: true },
  // "i" for impact: the hub tells every affected team with a channel, and the timeline says so.
  notify_impacted: {
    id: 'notify_impacted',
    label: 'Notify impacted teams',
    key: 'i',
    commandType: 'notify_impacted',
    asks: false,
  },
  // "q" for quiet: "s" is severity, and "u" (un-quiet) ends a silence.
  silence: { id: 'silence', label: 'Silence alerts', key: 'q', commandType: 'silence', asks: true },
  expire_silence: {
    id: 'expire_silence',
    label: 'Expire a silence',
    key: 'u',
    commandType: 'expire_silence',
    asks: true,
  },
};

export type ActionAvailability =
  | { readonly kind: 'enabled' }
  /** `needs`: the role it takes, when the role is why; absent when the incident's state is why. */
  | { readonly kind: 'disabled'; readonly reason: string; readonly needs?: Role }
  | { readonly kind: 'hidden' };

// Actions that only make sense while the incident is open, and the one that only makes sense after.
const OPEN_ONLY: ReadonlySet<IncidentActionId> = new Set([
  'set_status',
  'resolve',
  'merge',
  'escalate',
  'notify_impacted',
]);

/**
 * Whether `role` may take the action on `incident` now, and if not, why not in a sentence.
 * `silenceRole`: the hub's integrations.yaml silence_role (the session says it); `me`: the
 * signed-in user's id, when known.
 */
export function actionAvailability(
  id: IncidentActionId,
  role: Role,
  incident: RowLike,
  silenceRole?: Role,
  me?: string | null,
): ActionAvailability {
  const resolved = incident.status === 'resolved';
  if (id === 'reopen' ? !resolved : resolved && OPEN_ONLY.has(id)) return { kind: 'hidden' };
  const spec = INCIDENT_ACTIONS[id];
  const needed = commandRole(spec.commandType, silenceRole);
  if (!hasRole(role, needed)) {
    return {
      kind: 'disabled',
      reason: `${spec.label} needs the ${needed} role; you are signed in as ${role}.`,
      needs: needed,
    };
  }
  // The hub refuses a second acknowledgement by a person (an integration's auto-ack is not one);
  // saying so before the press beats a refusal after it.
  if (id === 'acknowledge' && incident.acknowledgedAt !== null && incident.acknowledgedBy?.kind === 'user') {
    return { kind: 'disabled', reason: `${incident.id} is already acknowledged.` };
  }
  // Pressed again, "Take command" was refused by the hub in its own words ("local is already in
  // command"), twice on screen: the console knows it before the press.
  if (id === 'take_command' && me && incident.commander === me) {
    return { kind: 'disabled', reason: `You are already in command of ${incident.id}.` };
  }
  return { kind: 'enabled' };
}

/** True when the role may act on incidents at all; viewers (wall displays) only watch. */
export const canAct = (role: Role): boolean => hasRole(role, 'operator');
