import type { Runbook, SitroomConfig } from '../../shared/config/types';
import { ownValue } from '../../shared/dict';
import type { Incident } from '../../shared/domain';
import { catalogFromConfig } from '../../shared/impact/catalog';
import { buildCatalogGraph, type CatalogGraph } from '../../shared/impact/catalog-graph';
import { LOCAL_USER, type User } from '../../shared/roles';
import { findUserByToken } from '../config/tokens';
import { matchesOpenKey } from '../security/open-key';
import type { Directory } from './directory';

// The directory a configuration describes. In open local mode (no users.yaml, or the demo) a console that presents this run's
// open-mode key (server/security/open-key.ts) is the local admin; with it, a console is whoever
// its bearer token belongs to.

export function directoryFrom(config: SitroomConfig, openKey: string | null = null): Directory {
  const users = new Map(config.users.map((user) => [user.id, user]));
  const catalog = catalogFromConfig(config);
  let graph: CatalogGraph | null = null;
  return {
    openMode: config.openMode,
    userByToken(token): User | null {
      if (config.openMode) return openKey !== null && matchesOpenKey(openKey, token) ? LOCAL_USER : null;
      if (!token) return null;
      const user = findUserByToken(config, token);
      return user ? { id: user.id, name: user.name, role: user.role } : null;
    },
    userExists: (id) => (config.openMode ? true : users.has(id)),
    watchesOnly: (id) => users.get(id)?.role === 'viewer',
    userName: (id) => users.get(id)?.name ?? (id === LOCAL_USER.id ? LOCAL_USER.name : id),
    // In open local mode everyone is the local user, who can still name the folder's people
    // (the demo's rotation members) as commander or responder. Viewers (wall displays) cannot act,
    // so they are nobody to name.
    people: () => [
      ...(config.openMode ? [LOCAL_USER] : []),
      ...config.users
        .filter((user) => user.role !== 'viewer')
        .map((user) => ({ id: user.id, name: user.name, role: user.role })),
    ],
    runbookSteps: (incident) => runbookFor(config, incident)?.steps.map((step) => step.id) ?? [],
    runbookFor: (incident) => runbookFor(config, incident),
    catalog: () => catalog,
    catalogGraph: () => {
      graph ??= buildCatalogGraph(catalog);
      return graph;
    },
  };
}

/** The runbook of the first of the incident's services that has one. */
export function runbookFor(config: SitroomConfig, incident: Incident): Runbook | null {
  for (const serviceId of incident.services) {
    const service = config.services.find((candidate) => candidate.id === serviceId);
    const runbook = service?.runbook ? ownValue(config.runbooks, service.runbook) : undefined;
    if (runbook) return runbook;
  }
  return null;
}
