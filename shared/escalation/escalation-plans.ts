import type { CommandRejection } from '../commands';
import type { EscalationPolicy, SitroomConfig } from '../config/types';
import type { Actor, EscalationStopReason, Incident } from '../domain';
import type { NewEvent } from '../events';
import { choosePolicy, type LadderStep, levelOf, pagedBy, policyById, stepAfter } from './ladder';

// What an escalation does, as events: start, page the next level when its time comes, stop, and
// the operator's `escalate`. Pure: the hub runs these inside the group commit against the
// incident as it stands, which is what makes a late, duplicate or stale timer harmless.

export interface EscalationPlanContext {
  readonly config: SitroomConfig;
  readonly now: number;
}

const SYSTEM: Actor = { kind: 'system' };
const MINUTE_MS = 60_000;

/** Why an escalation must page nobody else, or null while it should go on. */
export function stopReasonOf(incident: Incident): EscalationStopReason | null {
  if (incident.status === 'resolved') return 'resolved';
  if (incident.escalation?.stopped) return incident.escalation.stopped;
  // Monitoring acknowledging (PagerDuty acknowledge) is not a person taking the page.
  if (incident.acknowledgedBy?.kind === 'user') return 'acknowledged';
  return null;
}

/** A newly opened incident: its policy starts and level 1 is paged at once. */
export function planStart(incident: Incident, ctx: EscalationPlanContext): NewEvent[] {
  if (incident.escalation || stopReasonOf(incident)) return [];
  const policy = choosePolicy(ctx.config, incident);
  if (!policy) return [];
  const base = { at: ctx.now, actor: SYSTEM, incidentId: incident.id };
  return [
    { ...base, type: 'escalation_started', policyId: policy.id },
    page(incident, policy, { level: 1, cycle: 0 }, ctx, SYSTEM, true),
  ];
}

/** A deadline came: page the next level, unless the deadline is stale or the escalation is over. */
export function planDue(incident: Incident, dueAt: number, ctx: EscalationPlanContext): NewEvent[] {
  const escalation = incident.escalation;
  // A timer for a deadline that was already acted on (a restart, a duplicate) pages nobody.
  if (!escalation || escalation.stopped || escalation.nextLevelAt !== dueAt || ctx.now < dueAt) return [];
  const stop = planStop(incident, ctx);
  if (stop.length > 0) return stop;
  const policy = policyById(ctx.config, escalation.policyId);
  if (!policy) return [stopped(incident, 'policy_removed', ctx)];
  const next = stepAfter(policy, escalation);
  return next ? [page(incident, policy, next, ctx, SYSTEM, true)] : [];
}

/** Acknowledged or resolved: the escalation stops (once). */
export function planStop(incident: Incident, ctx: EscalationPlanContext): NewEvent[] {
  const reason = stopReasonOf(incident);
  if (!reason || !incident.escalation || incident.escalation.stopped) return [];
  return [stopped(incident, reason, ctx)];
}

/**
 * A person acknowledged. The incident may not say so: when monitoring acknowledged first, the
 * incident keeps that first acknowledgement, so the event itself is the evidence.
 */
export function planAcknowledged(incident: Incident, ctx: EscalationPlanContext): NewEvent[] {
  if (!incident.escalation || incident.escalation.stopped) return [];
  return [stopped(incident, incident.status === 'resolved' ? 'resolved' : 'acknowledged', ctx)];
}

/** The operator's escalate: page the next level now, or `level`; starts the policy if none has. */
export function planEscalate(
  incident: Incident,
  level: number | undefined,
  actor: Actor,
  ctx: EscalationPlanContext,
): NewEvent[] | CommandRejection {
  const escalation = incident.escalation ?? null;
  const policy = escalation
    ? policyById(ctx.config, escalation.policyId)
    : choosePolicy(ctx.config, incident);
  if (!policy) {
    return {
      code: 'conflict',
      message: escalation
        ? `Policy "${escalation.policyId}" is no longer configured.`
        : `No escalation policy applies to ${incident.id}.`,
    };
  }
  if (level !== undefined && !levelOf(policy, level)) {
    return { code: 'invalid', message: `Policy "${policy.id}" has ${policy.levels.length} levels.` };
  }
  const current: LadderStep | null = escalation && escalation.level > 0 ? escalation : null;
  const step =
    level !== undefined
      ? { level, cycle: current?.cycle ?? 0 }
      : current
        ? stepAfter(policy, current)
        : { level: 1, cycle: 0 };
  if (!step) {
    return {
      code: 'conflict',
      message: `Level ${current?.level}, the last of policy "${policy.id}", was already paged; name a level to page it again.`,
    };
  }
  // Someone already took it: page whom the operator asked for, but start no new deadline.
  const goesOn = stopReasonOf(incident) === null;
  const started: NewEvent[] = escalation
    ? []
    : [{ at: ctx.now, actor, incidentId: incident.id, type: 'escalation_started', policyId: policy.id }];
  return [...started, page(incident, policy, step, ctx, actor, goesOn)];
}

function page(
  incident: Incident,
  policy: EscalationPolicy,
  step: LadderStep,
  ctx: EscalationPlanContext,
  actor: Actor,
  goesOn: boolean,
): NewEvent {
  const level = levelOf(policy, step.level) ?? policy.levels[policy.levels.length - 1];
  const paged = level ? pagedBy(ctx.config, level, ctx.now) : { userIds: [], teams: [] };
  const following = goesOn && level ? stepAfter(policy, step) : null;
  return {
    at: ctx.now,
    actor,
    incidentId: incident.id,
    type: 'escalation_level_paged',
    level: step.level,
    cycle: step.cycle,
    targets: paged.userIds,
    teams: paged.teams,
    // Counted from this page, not the missed deadline: after downtime people still get the
    // level's full time to answer before the next is woken.
    dueNext: following && level ? ctx.now + level.escalateAfterMinutes * MINUTE_MS : null,
  };
}

function stopped(incident: Incident, reason: EscalationStopReason, ctx: EscalationPlanContext): NewEvent {
  return { at: ctx.now, actor: SYSTEM, incidentId: incident.id, type: 'escalation_stopped', reason };
}
