import type { EscalationLevel, SitroomConfig } from '../config/types';

// Whether a page can reach a person at all. The pager (server/notify/pager.ts) delivers a page to
// the webhook of each paged person who has one (users.yaml) and to the notify channels of each
// paged team (services.yaml); a person with neither is still recorded as paged, and nothing is
// ever delivered to them. The escalation view and the hub's start-up warnings say so from here,
// so the console never shows someone as "paged" whom no message can reach.

type ReachConfig = Pick<SitroomConfig, 'users' | 'teams'>;

/** Whether a page that tells `pagedTeams` reaches `userId`: their own webhook, or a channel of a paged team of theirs. */
export function reachable(config: ReachConfig, userId: string, pagedTeams: ReadonlyArray<string>): boolean {
  if (config.users.some((user) => user.id === userId && user.webhook !== null)) return true;
  return config.teams.some(
    (team) => pagedTeams.includes(team.id) && team.notify.length > 0 && team.members.includes(userId),
  );
}

/** Of `userIds`, in order, those a page that tells `pagedTeams` does not reach. */
export function unreachableOf(
  config: ReachConfig,
  userIds: ReadonlyArray<string>,
  pagedTeams: ReadonlyArray<string>,
): string[] {
  return userIds.filter((userId) => !reachable(config, userId, pagedTeams));
}

/** The teams a level tells (those still in the catalog). */
export function teamsOfLevel(config: Pick<SitroomConfig, 'teams'>, level: EscalationLevel): string[] {
  const named = level.notify.filter((target) => target.kind === 'team').map((target) => target.id);
  return config.teams.filter((team) => named.includes(team.id)).map((team) => team.id);
}

type WarnConfig = Pick<SitroomConfig, 'users' | 'teams' | 'rotations' | 'policies'>;

/**
 * The people an escalation policy can page whom no page of theirs reaches, named with how they
 * come to be paged, in one warning (an organisation may have dozens; one line each would bury
 * the rest of the start-up): said at start and on each reload, before the night a page to them
 * goes nowhere. Empty when everyone can be reached.
 */
export function unreachablePeopleWarnings(config: WarnConfig): string[] {
  // Person → how they come to be paged, in the order the policies name them. A Map: ids are
  // the organisation's text.
  const via = new Map<string, string[]>();
  const note = (userId: string, how: string): void => {
    const list = via.get(userId) ?? [];
    if (!list.includes(how)) list.push(how);
    via.set(userId, list);
  };
  for (const policy of config.policies) {
    for (const level of policy.levels) {
      const teams = teamsOfLevel(config, level);
      const consider = (userId: string, how: string): void => {
        if (!reachable(config, userId, teams)) note(userId, how);
      };
      for (const target of level.notify) {
        if (target.kind === 'user') consider(target.id, `user:${target.id}`);
        if (target.kind === 'rotation') {
          const rotation = config.rotations.find((candidate) => candidate.id === target.id);
          const people = [
            ...(rotation?.participants ?? []),
            ...(rotation?.overrides.map((o) => o.user) ?? []),
          ];
          for (const userId of people) consider(userId, `rotation ${target.id}`);
        }
        if (target.kind === 'team') {
          const team = config.teams.find((candidate) => candidate.id === target.id);
          for (const userId of team?.members ?? []) consider(userId, `team ${target.id}`);
        }
      }
    }
  }
  if (via.size === 0) return [];
  const people = [...via].map(([userId, hows]) => {
    const name = config.users.find((user) => user.id === userId)?.name;
    return `"${userId}" (${name === undefined ? '' : `${name}, `}${hows.join(', ')})`;
  });
  const count = via.size === 1 ? 'one person' : `${via.size} people`;
  return [
    `escalation.yaml: ${count} can be paged but no page reaches them, with no webhook in users.yaml ` +
      'and no notify channel in services.yaml of a team paged with them; the console shows them ' +
      `as not reachable: ${people.join('; ')}`,
  ];
}
