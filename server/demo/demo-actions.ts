import { ulid } from 'ulid';
import type { SitroomConfig } from '../../shared/config/types';
import { assertNever, type Incident, type IncidentStatus } from '../../shared/domain';
import { slotAt } from '../../shared/oncall/rotation';
import type { User } from '../../shared/roles';

// What the example people do in the demo, and who does it: the person the incident's escalation
// paged last, the incident commander (its commander, else whoever the incident-commanders
// rotation has on call), or whoever a rotation has on call now. Each becomes an ordinary command
// sent as that person, so the hub checks roles and state exactly as for a console.

/** Who acts: decided when the step plays, from the incident and the rotations as they are then. */
export type DemoActor = 'paged' | 'commander';

export type DemoAction =
  | { readonly type: 'acknowledge'; readonly by: DemoActor }
  | { readonly type: 'take_command'; readonly by: DemoActor }
  | { readonly type: 'add_responder'; readonly by: DemoActor; readonly who: { readonly rotation: string } }
  | { readonly type: 'add_note'; readonly by: DemoActor; readonly text: string }
  | { readonly type: 'set_status'; readonly by: DemoActor; readonly status: IncidentStatus }
  | { readonly type: 'notify_impacted'; readonly by: DemoActor }
  | { readonly type: 'complete_runbook_steps'; readonly by: DemoActor; readonly count: number };

/** One command to send as `user`. */
export interface DemoCommand {
  readonly user: User;
  readonly body: Readonly<Record<string, unknown>> & { readonly type: string };
}

export interface DemoActionContext {
  readonly config: SitroomConfig;
  readonly now: number;
  /** The runbook steps that apply to the incident, in file order. */
  runbookSteps(incident: Incident): ReadonlyArray<string>;
}

/** The commands `action` means for `incident` now, or why nobody can do it (a folder without those people). */
export function demoCommands(
  action: DemoAction,
  incident: Incident,
  ctx: DemoActionContext,
): DemoCommand[] | string {
  const user = actorFor(action.by, incident, ctx);
  if (user === null)
    return `nobody to ${action.type.replaceAll('_', ' ')} ${incident.id} as the ${action.by}`;
  const base = { incidentId: incident.id };
  const one = (body: Record<string, unknown> & { type: string }): DemoCommand[] => [
    { user, body: { commandId: ulid(), ...base, ...body } },
  ];
  switch (action.type) {
    case 'acknowledge':
    case 'notify_impacted':
      return one({ type: action.type });
    case 'take_command':
      return one({ type: 'assign_commander', userId: user.id });
    case 'add_note':
      return one({ type: 'add_note', text: action.text });
    case 'set_status':
      return one({ type: 'set_status', status: action.status });
    case 'add_responder': {
      const responder = onCall(ctx.config, action.who.rotation, ctx.now);
      if (responder === null) return `no rotation "${action.who.rotation}" to take a responder from`;
      return one({ type: 'add_responder', userId: responder });
    }
    case 'complete_runbook_steps': {
      const done = new Set(incident.runbookStepsDone);
      const steps = ctx
        .runbookSteps(incident)
        .filter((step) => !done.has(step))
        .slice(0, action.count);
      if (steps.length === 0) return `no runbook steps left to tick on ${incident.id}`;
      return steps.flatMap((stepId) => one({ type: 'complete_runbook_step', stepId }));
    }
    default:
      return assertNever(action);
  }
}

function actorFor(by: DemoActor, incident: Incident, ctx: DemoActionContext): User | null {
  const person = (id: string | null | undefined): User | null => {
    const user = ctx.config.users.find((candidate) => candidate.id === id);
    return user ? { id: user.id, name: user.name, role: user.role } : null;
  };
  if (by === 'paged') return person(incident.escalation?.pagedUserIds[0]);
  return (
    person(incident.commander) ??
    person(onCall(ctx.config, 'incident-commanders', ctx.now)) ??
    person(ctx.config.users.find((user) => user.role === 'commander')?.id)
  );
}

/** Who `rotationId` has on call at `t`, or null when the folder has no such rotation. */
export function onCall(config: SitroomConfig, rotationId: string, t: number): string | null {
  const rotation = config.rotations.find((candidate) => candidate.id === rotationId);
  return rotation ? slotAt(rotation, t).userId : null;
}
