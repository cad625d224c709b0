import { dictFromEntries, dictOf } from '../dict';
import { unreachablePeopleWarnings } from '../escalation/reachability';
import { DEFAULT_SEVERITY_TABLE, type SeverityTable } from '../severity';
import type { EscalationFile } from './schemas/escalation';
import type { IntegrationsFile } from './schemas/integrations';
import type { NotificationsFile } from './schemas/notifications';
import { DEFAULT_SERVICE_LABELS, type ServicesFile } from './schemas/services';
import type { UsersFile } from './schemas/users';
import type { Integration, Runbook, SitroomConfig } from './types';

// Turns a folder that passed every check into the one value the hub works from, and notes what
// is legal but probably not what the organisation meant.

export interface ValidFiles {
  /** null when users.yaml is absent: open local mode. */
  readonly users: UsersFile | null;
  readonly integrations: IntegrationsFile;
  readonly services: ServicesFile;
  readonly escalation: EscalationFile;
  readonly notifications: NotificationsFile;
  readonly runbooks: ReadonlyArray<Runbook>;
}

/** How the hub was told to run this folder. */
export interface AssembleOptions {
  /**
   * Open local mode even though users.yaml lists people (the demo): nobody signs in, and the
   * people are still on rotations, paged, and can be named commander or responder.
   */
  readonly open?: boolean;
}

/** The configuration the hub runs on, from files that passed their schemas and cross-references. */
export function assembleConfig(files: ValidFiles, options: AssembleOptions = {}): SitroomConfig {
  return {
    openMode: files.users === null || options.open === true,
    users: files.users?.users ?? [],
    integrations: files.integrations.integrations,
    teams: files.services.teams,
    services: files.services.services,
    rotations: files.escalation.rotations,
    policies: files.escalation.policies,
    routes: files.escalation.routes,
    defaultPolicy: files.escalation.default_policy ?? null,
    runbooks: dictFromEntries(files.runbooks.map((runbook) => [runbook.name, runbook] as const)),
    serviceLabels: files.services.service_labels ?? DEFAULT_SERVICE_LABELS,
    severityMap: mergeSeverityTables(DEFAULT_SEVERITY_TABLE, files.services.severity_map),
    notifications: files.notifications,
    silenceRole: files.integrations.silence_role ?? 'commander',
  };
}

/** The severity table for alerts from one integration: its own words first, then the catalog's. */
export function severityTableFor(config: SitroomConfig, integration: Integration): SeverityTable {
  return mergeSeverityTables(config.severityMap, integration.severityMap);
}

/** A null-prototype table of `base` overridden by `override`. */
function mergeSeverityTables(base: SeverityTable, override: SeverityTable | undefined): SeverityTable {
  const merged = dictOf(base);
  for (const [word, severity] of Object.entries(override ?? {})) merged[word] = severity;
  return merged;
}

/** Things that load but deserve a second look. */
export function configWarnings(config: SitroomConfig): string[] {
  const warnings: string[] = [];
  if (config.openMode && config.users.length > 0)
    warnings.push(
      `users.yaml: open local mode: its ${config.users.length} people are on rotations and can be named, but nobody signs in; everyone is admin, loopback only`,
    );
  else if (config.openMode)
    warnings.push(
      'users.yaml: absent, so the hub runs in open local mode (everyone is admin, loopback only)',
    );
  else if (config.users.length === 0) warnings.push('users.yaml: lists no users, so nobody can sign in');

  const userByToken = new Map(config.users.map((user) => [user.tokenSha256, user.id]));
  for (const integration of config.integrations) {
    const user = integration.tokenSha256 === null ? undefined : userByToken.get(integration.tokenSha256);
    if (user !== undefined)
      warnings.push(
        `integrations.yaml: integration "${integration.id}" uses the same token as user "${user}"; whoever holds the monitoring config can sign in as them`,
      );
  }
  if (config.policies.length > 0 && config.defaultPolicy === null)
    warnings.push('escalation.yaml: no default_policy, so an incident no route matches pages nobody');
  warnings.push(...unreachablePeopleWarnings(config));
  for (const runbook of Object.values(config.runbooks)) {
    if (runbook.steps.length === 0)
      warnings.push(`runbooks/${runbook.name}: no checklist steps ("- [ ] step") to tick off`);
  }
  return warnings;
}
