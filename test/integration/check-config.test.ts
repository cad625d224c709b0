import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/hub';
import { configFolder, lines, removeConfigFolders } from '../unit/config/config-folder';

// `npm run hub -- --check-config DIR` as a config repository's CI runs it: the hub's real entry
// point, its exit code and what it prints.

afterAll(removeConfigFolders);

function checkConfig(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('server', 'main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('--check-config', () => {
  it('passes examples/ with a summary and its warnings, and starts no hub', () => {
    const run = checkConfig('--check-config', 'examples');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^examples: valid\. 26 users, 5 integrations, 34 services, 8 teams, 8 rotations, 10 escalation policies, 8 runbooks\n/,
    );
    expect(run.stdout).toMatch(/^warning: examples\/services\.yaml:\d+: dependency cycle auth-api/m);
    expect(run.stdout).not.toContain('Sitroom hub ready');
  });

  it('fails a folder with mistakes, each as folder/file:line', () => {
    const dir = configFolder({
      'services.yaml': lines(
        'teams:', //                                                              1
        '  - { id: payments, name: Payments, members: [dana] }', //               2
        'services:', //                                                           3
        '  - { id: payments-api, name: Payments API, team: paymnts, tier: 1 }', // 4
        '  - { id: payments-db, name: Payments DB, team: payments, tier: nine }', // 5
      ),
      'escalation.yaml': 'policies: [\n', // a YAML syntax error on line 2
    });
    const run = checkConfig('--check-config', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const printed = run.stderr.trim().split('\n');
    expect(printed).toContainEqual(
      expect.stringMatching(new RegExp(`^${dir}/services\\.yaml:5(:\\d+)?: .*tier`)),
    );
    expect(printed).toContainEqual(
      expect.stringMatching(new RegExp(`^${dir}/escalation\\.yaml:\\d+(:\\d+)?: `)),
    );
    expect(printed.at(-1)).toMatch(/mistakes?; the hub would not start on this folder/);
  });

  it('fails a path that is not a folder, and a flag without a folder', () => {
    expect(checkConfig('--check-config', join(repoRoot, 'no-such-folder')).code).toBe(1);
    const bare = checkConfig('--check-config');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--check-config needs the configuration folder');
  });
});
