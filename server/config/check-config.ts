import { join } from 'node:path';
import type { SitroomConfig } from '../../shared/config/types';
import { loadConfig } from './load';

// `npm run hub -- --check-config DIR`: the hub's own loader on a configuration folder, for the CI
// of a config repository. Mistakes come out as DIR/file:line[:column]: message, the form editors
// and CI annotations link to; a valid folder gets a one-paragraph summary and its warnings.

export interface ConfigCheck {
  /** 0 valid (warnings allowed), 1 mistakes. */
  readonly code: 0 | 1;
  readonly lines: ReadonlyArray<string>;
}

/** Checks the folder as the hub would load it; never throws for anything in the folder. */
export async function checkConfigFolder(dir: string): Promise<ConfigCheck> {
  const result = await loadConfig(dir);
  if (!result.ok) {
    const lines = result.errors.map((error) => {
      const column = error.column === undefined ? '' : `:${error.column}`;
      const file = error.file === '.' ? dir : join(dir, error.file);
      return `${file}:${error.line}${column}: ${error.message}`;
    });
    const count = result.errors.length;
    return {
      code: 1,
      lines: [
        ...lines,
        `${dir}: ${count} mistake${count === 1 ? '' : 's'}; the hub would not start on this folder (a running hub keeps its last good configuration).`,
      ],
    };
  }
  return {
    code: 0,
    lines: [
      `${dir}: valid. ${summary(result.config)}`,
      ...result.warnings.map((warning) => `warning: ${join(dir, warning)}`),
    ],
  };
}

function summary(config: SitroomConfig): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    config.openMode ? 'no users.yaml (open local mode, loopback only)' : count(config.users.length, 'user'),
    count(config.integrations.length, 'integration'),
    count(config.services.length, 'service'),
    count(config.teams.length, 'team'),
    count(config.rotations.length, 'rotation'),
    count(config.policies.length, 'escalation policy').replace('policys', 'policies'),
    count(Object.keys(config.runbooks).length, 'runbook'),
  ].join(', ');
}
