import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_FLAGS } from '../../server/options';
import { repoRoot } from '../support/hub';

// A newcomer's first try is `npm run hub -- --help`: the hub's real entry point must answer with
// every flag it takes, not "Unknown option '--help'" and exit 2.

function hub(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('server', 'main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run hub -- --help', () => {
  it('lists every flag the hub takes and its other commands, and starts no hub', () => {
    const run = hub('--help');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run hub -- \[options\]\n/);
    for (const flag of Object.keys(HUB_FLAGS)) expect(run.stdout).toContain(`--${flag}`);
    expect(run.stdout).toContain('--check-config DIR');
    expect(run.stdout).toContain('backup FILE');
    expect(run.stdout).toContain('copy-to-postgres --data-dir DIR --database-url URL');
    expect(run.stdout).toContain('docs/configuration.md');
    expect(run.stdout).not.toContain('Sitroom hub ready');
  });

  it('answers -h the same way', () => {
    expect(hub('-h').stdout).toBe(hub('--help').stdout);
  });

  it('points a mistyped flag at --help', () => {
    const run = hub('--prot', '7420');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--prot'");
    expect(run.stderr).toContain('npm run hub -- --help');
  });
});
