import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/hub';

// `--demo` copies examples/ (26 example people, channels pointed at its receiver) into the
// temporary directory before the configuration is checked. A start that is then refused must
// remove that copy, as a stop does: each refused start used to leave one behind.

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the hub to its exit with TMPDIR at `tmp`; its exit code and output. */
function runHub(args: ReadonlyArray<string>, tmp: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server', 'main.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('a refused --demo start', () => {
  it('leaves no copy of the example configuration behind', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sitroom-demo-refused-'));
    scratch.push(tmp);
    const { code, output } = await runHub(
      ['--demo', '--host', '0.0.0.0', '--insecure-http', '--port', '0'],
      tmp,
    );
    expect(code).not.toBe(0);
    expect(output).toContain('is not loopback: in open local mode');
    expect(readdirSync(tmp).filter((name) => name.startsWith('sitroom-demo'))).toEqual([]);
  });
});
