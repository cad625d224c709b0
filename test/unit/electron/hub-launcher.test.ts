import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubLaunchSpec } from '../../../electron/hub/hub-child';

import { HubStartError, startHub } from '../../../electron/hub/hub-launcher';
import { isHealthy, parseConsoleUrl } from '../../../electron/hub/hub-readiness';
import { spawnWithNode } from '../../../electron/hub/spawn-node';
import { HubClient } from '../../../shared/hub-client';

// The launcher against real processes: the real hub from server/main.ts (through tsx, as in
// development), and a few plain Node scripts that misbehave the ways a broken hub could.

const repo = path.resolve('.');
const hubSource = path.join(repo, 'server', 'main.ts');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitroom-launcher-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const script = (name: string, source: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
};
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('reading the hub announcement', () => {
  it('finds the console URL in the hub banner line', () => {
    expect(parseConsoleUrl('  console:       http://127.0.0.1:41234/')).toBe('http://127.0.0.1:41234/');
    expect(parseConsoleUrl('  alertmanager:  http://127.0.0.1:41234/api/v1/ingest/alertmanager')).toBeNull();
    expect(parseConsoleUrl('console: not-a-url')).toBeNull();
  });

  it('finds it in the JSON ready record the hub logs off a terminal', () => {
    const record = JSON.stringify({
      level: 'info',
      msg: 'Sitroom hub ready',
      console: 'http://127.0.0.1:41234/#token=k',
    });
    expect(parseConsoleUrl(record)).toBe('http://127.0.0.1:41234/');
    expect(parseConsoleUrl('{"level":"info","msg":"console: http://127.0.0.1:9/"}')).toBeNull();
    expect(parseConsoleUrl('{"console": 42}')).toBeNull();
    expect(parseConsoleUrl('{not json')).toBeNull();
  });

  it('keeps the address and drops an open-mode key printed after #token=', () => {
    expect(parseConsoleUrl('  console:       http://127.0.0.1:41234/#token=abc_DEF-123')).toBe(
      'http://127.0.0.1:41234/',
    );
  });
});

describe.skipIf(!existsSync(hubSource))('the embedded hub, for real', () => {
  it('starts on a free port, passes /healthz, answers the bridge, and stops on SIGTERM', async () => {
    const output: string[] = [];
    // The key the desktop app makes for its embedded hub, handed over in the environment.
    const openKey = 'EMBEDDED-key_0123456789-abcdefghijklmnop';
    const spec: HubLaunchSpec = {
      entry: hubSource,
      execArgv: ['--import', 'tsx'],
      args: ['--port', '0', '--data-dir', path.join(dir, 'hub')],
      cwd: repo,
      env: { SITROOM_OPEN_KEY: openKey },
    };
    const hub = await startHub({ spawner: spawnWithNode(), spec, onOutput: (line) => output.push(line) });
    try {
      expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await isHealthy(hub.url)).toBe(true);
      expect(output.join('\n')).toContain('Sitroom hub ready');
      // A key the app chose is never printed, so never lands in the app's log.
      expect(output.join('\n')).not.toContain(openKey);
      await expect(new HubClient(hub.url).hubInfo()).rejects.toThrow(/open local mode/);

      const client = new HubClient(hub.url, () => openKey);
      const info = await client.hubInfo();
      expect(info.consoleUrl).toBe(hub.url);
      expect(info.openMode).toBe(true);
      await client.playDemo();
      expect((await client.hubInfo()).demoRunning).toBe(true);
    } finally {
      await hub.stop();
    }
    expect(await hub.exited).toEqual({ kind: 'exited', code: 0, signal: null });
    expect(await isHealthy(hub.url)).toBe(false);
    await hub.stop(); // a second stop is harmless
  }, 60_000);

  it('reports the hub refusing its options, with what it printed', async () => {
    const spec: HubLaunchSpec = {
      entry: hubSource,
      execArgv: ['--import', 'tsx'],
      args: ['--host', '0.0.0.0', '--port', '0', '--data-dir', path.join(dir, 'refused')],
      cwd: repo,
    };
    const error = await startHub({ spawner: spawnWithNode(), spec }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubStartError);
    expect(String(error)).toContain('exited with code 2 before it was ready');
    expect(String(error)).toContain('is not loopback');
    expect(String(error)).toContain(`Command: node --import tsx ${hubSource} --host 0.0.0.0`);
  }, 60_000);
});

describe('a hub command that fails', () => {
  it('says so when the runtime cannot be run at all', async () => {
    const error = await startHub({
      spawner: spawnWithNode(path.join(dir, 'no-such-node')),
      spec: { entry: 'hub.mjs', args: [] },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubStartError);
    expect(String(error)).toMatch(/the command could not be run \(.*ENOENT/);
  });

  it('says so when the script is missing, quoting the error it printed', async () => {
    const missing = path.join(dir, 'dist', 'server', 'hub.mjs');
    const error = await startHub({ spawner: spawnWithNode(), spec: { entry: missing, args: [] } }).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toContain('exited with code 1 before it was ready');
    expect(String(error)).toContain('Cannot find module');
  });

  it('gives up after the timeout when the hub never announces itself, and kills it', async () => {
    const silent = script('silent.mjs', 'console.log("pid=" + process.pid); setInterval(() => {}, 1000);\n');
    const output: string[] = [];
    const error = await startHub({
      spawner: spawnWithNode(),
      spec: { entry: silent, args: [] },
      readyTimeoutMs: 700,
      onOutput: (line) => output.push(line),
    }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('printed no "console: http://…" line within 700 ms');
    const pid = Number(output[0]?.slice(4));
    expect(isRunning(pid)).toBe(false);
  });

  it('gives up when /healthz never answers ok', async () => {
    const unhealthy = script(
      'unhealthy.mjs',
      'console.log("console: http://127.0.0.1:9/"); setInterval(() => {}, 1000);\n',
    );
    const error = await startHub({
      spawner: spawnWithNode(),
      spec: { entry: unhealthy, args: [] },
      readyTimeoutMs: 700,
    }).catch((caught: unknown) => caught);
    expect(String(error)).toContain(
      'http://127.0.0.1:9/healthz did not answer {"status":"ok"} within 700 ms',
    );
  });

  it('uses SIGKILL on a process that ignores SIGTERM', async () => {
    const stubborn = script(
      'stubborn.mjs',
      'process.on("SIGTERM", () => {}); console.log("pid=" + process.pid); setInterval(() => {}, 1000);\n',
    );
    const output: string[] = [];
    const started = Date.now();
    await startHub({
      spawner: spawnWithNode(),
      spec: { entry: stubborn, args: [] },
      readyTimeoutMs: 500,
      stopGraceMs: 300,
      onOutput: (line) => output.push(line),
    }).catch(() => {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(isRunning(Number(output[0]?.slice(4)))).toBe(false);
  });
});
