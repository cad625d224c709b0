import type { EscalationLevel, EscalationPolicy, SitroomConfig } from '../config/types';
import type { Incident } from '../domain';
import { slotAt } from '../oncall/rotation';

// The escalation ladder as pure functions of the configuration: which policy takes an incident,
// which level comes after which, and who a level pages at a given instant.

/** A place on the ladder: a 1-based level in the `cycle`-th run of the policy (0 is the first). */
export interface LadderStep {
  readonly level: number;
  readonly cycle: number;
}

/** The policy for an incident: the first route matching its services, severity and teams, else the default. */
export function choosePolicy(
  config: Pick<SitroomConfig, 'routes' | 'policies' | 'services' | 'defaultPolicy'>,
  incident: Pick<Incident, 'services' | 'severity'>,
): EscalationPolicy | null {
  const teams = new Set(
    config.services.filter((service) => incident.services.includes(service.id)).map((s) => s.team),
  );
  const route = config.routes.find(
    ({ match }) =>
      (match.service === null || incident.services.includes(match.service)) &&
      (match.severity === null || match.severity === incident.severity) &&
      (match.team === null || teams.has(match.team)),
  );
  return policyById(config, route?.policy ?? config.defaultPolicy);
}

export function policyById(
  config: Pick<SitroomConfig, 'policies'>,
  id: string | null | undefined,
): EscalationPolicy | null {
  return config.policies.find((policy) => policy.id === id) ?? null;
}

/** The step after `step`: the next level, or level 1 of the next repeat, or null when the ladder is done. */
export function stepAfter(policy: EscalationPolicy, step: LadderStep): LadderStep | null {
  // A reload may have removed levels: a step beyond the last counts as the last.
  if (step.level < policy.levels.length) return { level: step.level + 1, cycle: step.cycle };
  return step.cycle < policy.repeat ? { level: 1, cycle: step.cycle + 1 } : null;
}

export function levelOf(policy: EscalationPolicy, level: number): EscalationLevel | null {
  return policy.levels[level - 1] ?? null;
}

/** Who a level pages at `t`: people (rotations resolved to who is on call then, team members) and teams. */
export interface Paged {
  readonly userIds: ReadonlyArray<string>;
  readonly teams: ReadonlyArray<string>;
}

/** Resolves a level's targets at instant `t`; ids a reload removed are skipped, duplicates paged once. */
export function pagedBy(
  config: Pick<SitroomConfig, 'rotations' | 'users' | 'teams' | 'openMode'>,
  level: EscalationLevel,
  t: number,
): Paged {
  const userIds = new Set<string>();
  const teams = new Set<string>();
  const known = (id: string): boolean => config.openMode || config.users.some((user) => user.id === id);
  for (const target of level.notify) {
    if (target.kind === 'user' && known(target.id)) userIds.add(target.id);
    if (target.kind === 'rotation') {
      const rotation = config.rotations.find((candidate) => candidate.id === target.id);
      if (rotation) userIds.add(slotAt(rotation, t).userId);
    }
    if (target.kind === 'team') {
      const team = config.teams.find((candidate) => candidate.id === target.id);
      if (!team) continue;
      // Paging a team pages its members as well as telling its channels: "who is paged" names people.
      teams.add(team.id);
      for (const member of team.members) userIds.add(member);
    }
  }
  return { userIds: [...userIds], teams: [...teams] };
}
