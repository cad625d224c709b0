import { spawn } from 'node:child_process';
import { exitNotifier, type HubChild, type HubLaunchSpec, type HubSpawner } from './hub-child';

/**
 * Runs the hub on a system Node (`node` on PATH unless told otherwise): used in development,
 * where Electron's own Node lacks the better-sqlite3 build the hub was installed with, and in tests.
 */
export function spawnWithNode(nodePath = 'node'): HubSpawner {
  return { runtime: nodePath, spawn: (spec) => spawnNodeChild(nodePath, spec) };
}

function spawnNodeChild(nodePath: string, spec: HubLaunchSpec): HubChild {
  const child = spawn(nodePath, [...(spec.execArgv ?? []), spec.entry, ...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const { settle, onExit } = exitNotifier();
  child.once('error', (error) => settle({ kind: 'failed', error }));
  child.once('exit', (code, signal) => settle({ kind: 'exited', code, signal }));
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    onExit,
    terminate: () => {
      child.kill('SIGTERM');
    },
    forceKill: () => {
      child.kill('SIGKILL');
    },
  };
}
