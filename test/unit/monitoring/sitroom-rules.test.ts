import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../support/examples';

// The alert rules for the hub itself (examples/monitoring/sitroom-rules.yml) pass promtool's check
// and their own unit tests (sitroom-rules.test.yml: each rule fires on the series it is about and
// stays quiet otherwise). That the metrics they name exist is test/integration/metrics.test.ts.

const MONITORING = join(EXAMPLES, 'monitoring');

function promtool(...args: string[]): { code: number | null; output: string } {
  const run = spawnSync('/usr/bin/promtool', args, { cwd: MONITORING, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('examples/monitoring/sitroom-rules.yml', () => {
  it('passes promtool check rules', () => {
    const check = promtool('check', 'rules', 'sitroom-rules.yml');
    expect(check.output).toContain('SUCCESS: 12 rules found');
    expect(check.code).toBe(0);
  });

  it('passes its promtool unit tests', () => {
    const test = promtool('test', 'rules', 'sitroom-rules.test.yml');
    expect(test.output).toContain('SUCCESS');
    expect(test.code).toBe(0);
  });
});
