import type { ForkOptions, UtilityProcess } from 'electron';
import { exitNotifier, type HubChild, type HubLaunchSpec, type HubSpawner } from './hub-child';

/** The one function of Electron's utilityProcess module we use, passed in so no import runs here. */
export type ForkUtility = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/**
 * Runs the hub as an Electron utilityProcess: the packaged app has no system Node, and the
 * utility process uses Electron's Node, for which electron-builder rebuilt better-sqlite3.
 */
export function spawnWithUtilityProcess(fork: ForkUtility): HubSpawner {
  return { runtime: 'Electron utilityProcess', spawn: (spec) => forkUtilityChild(fork, spec) };
}

function forkUtilityChild(fork: ForkUtility, spec: HubLaunchSpec): HubChild {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...spec.env })) {
    if (value !== undefined) env[key] = value;
  }
  const child = fork(spec.entry, [...spec.args], {
    cwd: spec.cwd,
    env,
    execArgv: [...(spec.execArgv ?? [])],
    stdio: 'pipe',
    serviceName: 'Sitroom hub',
  });
  const { settle, onExit } = exitNotifier();
  child.once('exit', (code) => settle({ kind: 'exited', code, signal: null }));
  child.once('error', (type, location) =>
    settle({ kind: 'failed', error: new Error(`${type} at ${location}`) }),
  );
  return {
    get pid() {
      return child.pid;
    },
    stdout: child.stdout,
    stderr: child.stderr,
    onExit,
    terminate: () => {
      // utilityProcess.kill() sends SIGTERM on POSIX and terminates the process on Windows.
      child.kill();
    },
    forceKill: () => {
      try {
        if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone: nothing left to kill.
      }
    },
  };
}
