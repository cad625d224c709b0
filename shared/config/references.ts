import { findDependencyCycles } from './dependency-cycles';
import type { ConfigFiles, ConfigProblem } from './files';
import { checkIntegrations, checkServices, checkUsers } from './references-catalog';
import { checkEscalation } from './references-escalation';
import { checkEmailChannels } from './references-notifications';

/** Every cross-reference mistake in the folder, for the files that passed their own schema. */
export function checkReferences(files: ConfigFiles): ConfigProblem[] {
  return [
    ...(files.users ? checkUsers(files.users) : []),
    ...(files.integrations ? checkIntegrations(files.integrations) : []),
    ...(files.services ? checkServices(files.services, files) : []),
    ...(files.services ? checkEmailChannels(files.services, files) : []),
    ...(files.escalation ? checkEscalation(files.escalation, files) : []),
  ];
}

/** What loads but deserves a second look, at the line to look at: dependency cycles. */
export function referenceWarnings(files: ConfigFiles): ConfigProblem[] {
  return files.services ? findDependencyCycles(files.services.services) : [];
}
