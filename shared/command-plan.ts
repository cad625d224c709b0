import type { Command, CommandRejection } from './commands';
import { type Actor, assertNever, type Incident } from './domain';
import { enumViolation } from './event-enums';
import type { NewEvent } from './events';
import type { CatalogGraph } from './impact/catalog-graph';
import { notifyTargets } from './impact/notify-targets';
import type { User } from './roles';
import { deriveMatchers } from './silences/matchers';
import { alertIntegrations, alertsFrom, noSilenceApi, nowhereToSilence } from './silences/silence-targets';

// Checks a command against the incident as it stands and turns it into events, or explains in
// a sentence why not. Pure and shared: the hub runs it inside the group commit (so two consoles
// racing to resolve the same incident get one success and one "already resolved by …"), and a
// console runs the same code to show its pending actions before the hub confirms them.

/** The incidents a command is checked against. */
export interface CommandView {
  incident(id: string): Incident | undefined;
  openIncidentFor(groupKey: string): Incident | undefined;
}

export interface CommandContext {
  readonly user: User;
  readonly now: number;
  /** Whether a user id names someone the hub knows (any id in open local mode). */
  userExists(id: string): boolean;
  /**
   * Whether a user only watches (a wall display, a read-only account): such a user can change
   * nothing, so cannot be named commander or responder. Absent where the directory is not known
   * (a console), which lets the hub decide.
   */
  watchesOnly?(id: string): boolean;
  /** How to name an actor in a refusal ("Dana Reyes"); defaults to kind:id. */
  actorName?(actor: Actor): string;
  /** The runbook checklist step ids that apply to an incident. */
  runbookSteps(incident: Incident): ReadonlyArray<string>;
  /** The service catalog, for notify_impacted; absent or null when none is known. */
  catalogGraph?(): CatalogGraph | null;
  /** Plans `escalate` from the escalation policies; absent where they are not known (a console). */
  escalate?(incident: Incident, level: number | undefined, actor: Actor): NewEvent[] | CommandRejection;
  /**
   * Of these integration ids, those whose Alertmanager API is configured; absent where the
   * configuration is not known (a console), which assumes all are.
   */
  silenceable?(integrations: ReadonlyArray<string>): ReadonlyArray<string>;
}

const conflict = (message: string): CommandRejection => ({ code: 'conflict', message });
const notFound = (message: string): CommandRejection => ({ code: 'not_found', message });

/** Turns a command into the events it causes, or the reason it is refused. */
export function planCommand(
  command: Command,
  view: CommandView,
  ctx: CommandContext,
): NewEvent[] | CommandRejection {
  const planned = planEvents(command, view, ctx);
  if (!Array.isArray(planned)) return planned;
  const violation = enumViolation(planned);
  return violation === null
    ? planned
    : { code: 'invalid', message: `${violation} is not one of its allowed values; nothing was recorded.` };
}

function planEvents(command: Command, view: CommandView, ctx: CommandContext): NewEvent[] | CommandRejection {
  const actorName = (actor: Actor | null): string => {
    if (actor === null) return 'someone';
    return ctx.actorName?.(actor) ?? (actor.kind === 'system' ? 'Sitroom' : `${actor.kind}:${actor.id}`);
  };
  // A refusal is read by an operator, who knows "Dana Reyes", not "dana": the directory's name
  // (the id stays where no name is known).
  const personName = (userId: string): string => ctx.actorName?.({ kind: 'user', id: userId }) ?? userId;
  const incident = view.incident(command.incidentId);
  if (!incident) return notFound(`There is no incident ${command.incidentId}.`);
  const actor: Actor = { kind: 'user', id: ctx.user.id };
  const base = { at: ctx.now, actor, incidentId: incident.id };
  const resolvedBy = (): string =>
    `${incident.id} was already resolved${incident.resolvedBy ? ` by ${actorName(incident.resolvedBy)}` : ''} at ${clock(incident.resolvedAt)}.`;
  const requireOpen = (): CommandRejection | null =>
    incident.status === 'resolved' ? conflict(resolvedBy()) : null;
  const requireUser = (userId: string): CommandRejection | null => {
    if (!ctx.userExists(userId)) return notFound(`There is no user "${userId}".`);
    if (ctx.watchesOnly?.(userId))
      return conflict(
        `${personName(userId)} is a viewer (a wall or read-only account) and can change nothing, so cannot take part in ${incident.id}.`,
      );
    return null;
  };

  switch (command.type) {
    case 'acknowledge': {
      const closed = requireOpen();
      if (closed) return closed;
      if (incident.acknowledgedAt !== null && incident.acknowledgedBy?.kind === 'user') {
        return conflict(
          `${incident.id} was already acknowledged by ${actorName(incident.acknowledgedBy)} at ${clock(incident.acknowledgedAt)}.`,
        );
      }
      return [{ ...base, type: 'incident_acknowledged' }];
    }
    case 'assign_commander': {
      const refused = requireOpen() ?? requireUser(command.userId);
      if (refused) return refused;
      if (incident.commander === command.userId)
        return conflict(`${personName(command.userId)} is already in command of ${incident.id}.`);
      return [{ ...base, type: 'commander_assigned', userId: command.userId }];
    }
    case 'add_responder': {
      const refused = requireOpen() ?? requireUser(command.userId);
      if (refused) return refused;
      if (incident.responders.includes(command.userId)) {
        return conflict(`${personName(command.userId)} is already a responder on ${incident.id}.`);
      }
      return [{ ...base, type: 'responder_added', userId: command.userId }];
    }
    case 'remove_responder': {
      if (!incident.responders.includes(command.userId)) {
        return conflict(`${personName(command.userId)} is not a responder on ${incident.id}.`);
      }
      return [{ ...base, type: 'responder_removed', userId: command.userId }];
    }
    case 'set_severity': {
      const closed = requireOpen();
      if (closed) return closed;
      if (incident.severity === command.severity) {
        return conflict(`${incident.id} is already ${command.severity.toUpperCase()}.`);
      }
      return [{ ...base, type: 'severity_changed', severity: command.severity, previous: incident.severity }];
    }
    case 'add_note':
      return [{ ...base, type: 'note_added', text: command.text }];
    case 'set_status': {
      const closed = requireOpen();
      if (closed) return closed;
      if (command.status === 'resolved') return [{ ...base, type: 'incident_resolved', reason: 'manual' }];
      if (incident.status === command.status) return conflict(`${incident.id} is already ${command.status}.`);
      return [{ ...base, type: 'status_changed', status: command.status, previous: incident.status }];
    }
    case 'reopen': {
      if (incident.status !== 'resolved') return conflict(`${incident.id} is not resolved.`);
      if (incident.mergedInto) {
        return conflict(
          `${incident.id} was merged into ${incident.mergedInto}; work on that incident instead.`,
        );
      }
      const holder = view.openIncidentFor(incident.groupKey);
      if (holder && holder.id !== incident.id) {
        return conflict(
          `Its alerts now belong to ${holder.id}, which is open; work on that incident instead.`,
        );
      }
      return [{ ...base, type: 'incident_reopened' }];
    }
    case 'merge': {
      const closed = requireOpen();
      if (closed) return closed;
      if (command.intoIncidentId === incident.id)
        return { code: 'invalid', message: 'An incident cannot be merged into itself.' };
      const target = view.incident(command.intoIncidentId);
      if (!target) return notFound(`There is no incident ${command.intoIncidentId}.`);
      if (target.status === 'resolved') {
        return conflict(`${target.id} is resolved; reopen it before merging into it.`);
      }
      return [
        { ...base, type: 'incident_merged', intoIncidentId: target.id },
        {
          ...base,
          incidentId: target.id,
          type: 'incident_absorbed',
          fromIncidentId: incident.id,
          groupKeys: [incident.groupKey, ...incident.absorbedGroupKeys],
          alerts: Object.values(incident.alerts),
        },
      ];
    }
    case 'complete_runbook_step': {
      const steps = ctx.runbookSteps(incident);
      if (steps.length === 0) return notFound(`${incident.id} has no runbook.`);
      if (!steps.includes(command.stepId)) return notFound(`The runbook has no step "${command.stepId}".`);
      if (incident.runbookStepsDone.includes(command.stepId))
        return conflict('That runbook step is already done.');
      return [{ ...base, type: 'runbook_step_completed', stepId: command.stepId }];
    }
    case 'escalate': {
      const closed = requireOpen();
      if (closed) return closed;
      return (
        ctx.escalate?.(incident, command.level, actor) ?? conflict('No escalation policy is known here.')
      );
    }
    case 'notify_impacted': {
      const closed = requireOpen();
      if (closed) return closed;
      const targets = notifyTargets(ctx.catalogGraph?.() ?? null, incident);
      if (typeof targets === 'string') return conflict(targets);
      return [{ ...base, type: 'teams_notified', teams: targets.teams, unreachable: targets.unreachable }];
    }
    case 'silence':
    case 'expire_silence': {
      const came = alertIntegrations(incident);
      const integrations = ctx.silenceable ? ctx.silenceable(came) : came;
      if (integrations.length === 0) {
        return conflict(came.length === 0 ? nowhereToSilence(incident.id) : noSilenceApi(incident.id, came));
      }
      if (command.type === 'expire_silence') {
        return [
          {
            ...base,
            type: 'silence_expire_requested',
            requestId: command.commandId,
            silenceId: command.silenceId,
            integrations,
          },
        ];
      }
      const matchers = command.matchers ?? deriveMatchers(alertsFrom(incident, integrations));
      if (matchers.length === 0)
        return conflict(
          `${incident.id}'s alerts share no label to silence them by; write the matchers yourself.`,
        );
      return [
        {
          ...base,
          type: 'silence_requested',
          requestId: command.commandId,
          matchers,
          minutes: command.minutes,
          comment: command.comment,
          endsAt: ctx.now + command.minutes * 60_000,
          integrations,
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** "14:02:11 UTC" — times in refusals are read by people in many time zones. */
function clock(ms: number | null): string {
  if (ms === null) return 'an unknown time';
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}
