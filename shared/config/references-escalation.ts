import {
  CONFIG_FILES,
  type ConfigFiles,
  type ConfigPath,
  type ConfigProblem,
  forEachDuplicate,
} from './files';
import type { EscalationFile } from './schemas/escalation';
import type { NotifyTarget } from './types';

// Cross-reference checks for escalation.yaml. A page sent to nobody is the worst failure this
// file can cause, so every rotation participant, notify target and route must resolve.

/** Rotations, policies and routes against each other, users.yaml and services.yaml. */
export function checkEscalation(file: EscalationFile, files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (path: ConfigPath, message: string, firstPath?: ConfigPath) =>
    problems.push({ file: CONFIG_FILES.escalation, path, message, ...(firstPath ? { firstPath } : {}) });
  const { rotations, policies, routes } = file;

  forEachDuplicate(
    rotations,
    (rotation) => rotation.id,
    (rotation, index, first) =>
      report(['rotations', index, 'id'], `rotation id "${rotation.id}" is used twice`, [
        'rotations',
        first,
        'id',
      ]),
  );
  forEachDuplicate(
    policies,
    (policy) => policy.id,
    (policy, index, first) =>
      report(['policies', index, 'id'], `policy id "${policy.id}" is used twice`, ['policies', first, 'id']),
  );

  // null: the file those ids live in has errors of its own, so the check is skipped.
  const known: Record<NotifyTarget['kind'], ReadonlySet<string> | null> = {
    user: files.users ? new Set(files.users.users.map((user) => user.id)) : null,
    team: files.services ? new Set(files.services.teams.map((team) => team.id)) : null,
    rotation: new Set(rotations.map((rotation) => rotation.id)),
  };
  const where = {
    user: 'in users.yaml',
    team: 'in services.yaml under teams',
    rotation: 'under rotations',
  } as const;
  const missing = (kind: NotifyTarget['kind'], id: string) => {
    const ids = known[kind];
    return ids !== null && !ids.has(id);
  };

  rotations.forEach((rotation, r) => {
    rotation.participants.forEach((user, p) => {
      if (missing('user', user))
        report(
          ['rotations', r, 'participants', p],
          `rotation "${rotation.id}" includes "${user}", who is not in users.yaml`,
        );
    });
    rotation.overrides.forEach((override, o) => {
      if (missing('user', override.user))
        report(
          ['rotations', r, 'overrides', o, 'user'],
          `rotation "${rotation.id}" hands a shift to "${override.user}", who is not in users.yaml`,
        );
    });
  });

  policies.forEach((policy, p) => {
    policy.levels.forEach((level, l) => {
      level.notify.forEach((target, n) => {
        if (missing(target.kind, target.id))
          report(
            ['policies', p, 'levels', l, 'notify', n],
            `policy "${policy.id}" level ${l + 1} notifies ${target.kind} "${target.id}", which is not ${where[target.kind]}`,
          );
      });
    });
  });

  const policyIds = new Set(policies.map((policy) => policy.id));
  const serviceIds = files.services ? new Set(files.services.services.map((service) => service.id)) : null;
  routes.forEach((route, r) => {
    const { service, team } = route.match;
    if (service !== null && serviceIds && !serviceIds.has(service))
      report(
        ['routes', r, 'match', 'service'],
        `route ${r + 1} matches service "${service}", which is not in the catalog`,
      );
    if (team !== null && missing('team', team))
      report(
        ['routes', r, 'match', 'team'],
        `route ${r + 1} matches team "${team}", which is not in services.yaml under teams`,
      );
    if (!policyIds.has(route.policy))
      report(
        ['routes', r, 'policy'],
        `route ${r + 1} uses policy "${route.policy}", which is not under policies`,
      );
  });
  const fallback = file.default_policy;
  if (fallback !== undefined && !policyIds.has(fallback))
    report(['default_policy'], `default_policy "${fallback}" is not under policies`);
  return problems;
}
