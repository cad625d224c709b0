import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type RunningHub, repoRoot, startHub } from '../support/hub';

// A newcomer runs `npm run hub -- --demo` while another hub already has the port. The hub cannot
// start, and must say why in words they can act on, and take with it the temporary folders the
// demo made (the example copy and the data folder), as it does when it stops: otherwise each try
// leaves two folders in /tmp.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function runHub(
  args: ReadonlyArray<string>,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server', 'main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

it('--demo on a port already taken says so, names --port, and leaves no temporary folder behind', async () => {
  const other: RunningHub = await startHub();
  cleanups.push(async () => {
    await other.stop();
    rmSync(other.dataDir, { recursive: true, force: true });
  });
  const tmp = mkdtempSync(join(tmpdir(), 'sitroom-port-busy-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

  const { code, output } = await runHub(['--demo', '--port', String(other.port)], { TMPDIR: tmp });

  expect(code).not.toBe(0);
  expect(output).toContain(`127.0.0.1:${other.port} is already in use`);
  expect(output).toContain('--port');
  // (tsx keeps its own cache there too.)
  expect(readdirSync(tmp).filter((name) => name.startsWith('sitroom-'))).toEqual([]);
});
