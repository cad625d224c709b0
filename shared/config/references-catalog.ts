import {
  CONFIG_FILES,
  type ConfigFiles,
  type ConfigPath,
  type ConfigProblem,
  forEachDuplicate,
} from './files';
import type { IntegrationsFile } from './schemas/integrations';
import type { ServicesFile } from './schemas/services';
import type { UsersFile } from './schemas/users';

// Cross-reference checks for users.yaml, integrations.yaml and services.yaml: ids that repeat,
// credentials that two holders share, and names that point at nothing.

/** Users: one id and one token per person, so every action is attributable. */
export function checkUsers(file: UsersFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (index: number, field: string) => ['users', index, field];
  forEachDuplicate(
    file.users,
    (user) => user.id,
    (user, index, first) =>
      problems.push({
        file: CONFIG_FILES.users,
        path: at(index, 'id'),
        firstPath: at(first, 'id'),
        message: `user id "${user.id}" is used twice`,
      }),
  );
  forEachDuplicate(
    file.users,
    (user) => user.tokenSha256,
    (user, index, first) =>
      problems.push({
        file: CONFIG_FILES.users,
        path: at(index, 'token_sha256'),
        firstPath: at(first, 'token_sha256'),
        message: `users "${file.users[first]?.id}" and "${user.id}" have the same token_sha256; each person needs their own token`,
      }),
  );
  return problems;
}

/** Integrations: a credential must identify exactly one sender. */
export function checkIntegrations(file: IntegrationsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (index: number, field: string) => ['integrations', index, field];
  const { integrations } = file;
  forEachDuplicate(
    integrations,
    (entry) => entry.id,
    (entry, index, first) =>
      problems.push({
        file: CONFIG_FILES.integrations,
        path: at(index, 'id'),
        firstPath: at(first, 'id'),
        message: `integration id "${entry.id}" is used twice`,
      }),
  );
  const shared = (field: string) => (entry: { id: string }, index: number, first: number) =>
    problems.push({
      file: CONFIG_FILES.integrations,
      path: at(index, field),
      firstPath: at(first, field),
      message: `integrations "${integrations[first]?.id}" and "${entry.id}" have the same ${field}; each needs its own so the hub knows who sent an alert`,
    });
  forEachDuplicate(integrations, (entry) => entry.tokenSha256, shared('token_sha256'));
  forEachDuplicate(integrations, (entry) => entry.routingKey, shared('routing_key'));
  return problems;
}

/** Teams and services: ids, owners, members, dependencies, runbooks and PagerDuty claims. */
export function checkServices(file: ServicesFile, files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (path: ConfigPath, message: string, firstPath?: ConfigPath) =>
    problems.push({ file: CONFIG_FILES.services, path, message, ...(firstPath ? { firstPath } : {}) });
  const { teams, services } = file;

  forEachDuplicate(
    teams,
    (team) => team.id,
    (team, index, first) =>
      report(['teams', index, 'id'], `team id "${team.id}" is used twice`, ['teams', first, 'id']),
  );
  forEachDuplicate(
    services,
    (service) => service.id,
    (service, index, first) =>
      report(['services', index, 'id'], `service id "${service.id}" is used twice`, [
        'services',
        first,
        'id',
      ]),
  );

  const userIds = files.users ? new Set(files.users.users.map((user) => user.id)) : null;
  teams.forEach((team, t) => {
    team.members.forEach((member, m) => {
      if (userIds && !userIds.has(member))
        report(
          ['teams', t, 'members', m],
          `team "${team.id}" lists member "${member}", who is not in users.yaml`,
        );
    });
  });

  const teamIds = new Set(teams.map((team) => team.id));
  const serviceIds = new Set(services.map((service) => service.id));
  services.forEach((service, s) => {
    if (!teamIds.has(service.team))
      report(
        ['services', s, 'team'],
        `service "${service.id}" belongs to team "${service.team}", which is not under teams`,
      );
    service.dependsOn.forEach((dependency, d) => {
      const path = ['services', s, 'depends_on', d];
      // A service that needs itself is a cycle: a warning (dependency-cycles.ts), not a mistake.
      if (dependency !== service.id && !serviceIds.has(dependency))
        report(path, `service "${service.id}" depends on "${dependency}", which is not in the catalog`);
    });
    if (service.runbook !== null && !files.runbookNames.has(service.runbook))
      report(
        ['services', s, 'runbook'],
        `service "${service.id}" names runbook "${service.runbook}", but there is no runbooks/${service.runbook}`,
      );
  });

  // Two services claiming one PagerDuty component or source would make the owner a coin toss.
  for (const [field, pick] of [
    ['pagerduty_components', (s: (typeof services)[number]) => s.match.pagerdutyComponents],
    ['pagerduty_sources', (s: (typeof services)[number]) => s.match.pagerdutySources],
  ] as const) {
    const owner = new Map<string, number>();
    services.forEach((service, s) => {
      pick(service).forEach((name, n) => {
        const first = owner.get(name);
        if (first === undefined) owner.set(name, s);
        else if (first !== s)
          report(
            ['services', s, 'match', field, n],
            `services "${services[first]?.id}" and "${service.id}" both claim PagerDuty ${field === 'pagerduty_components' ? 'component' : 'source'} "${name}"`,
          );
      });
    });
  }
  return problems;
}
