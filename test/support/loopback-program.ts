import { type ChildProcess, spawn } from 'node:child_process';

// A real program a test talks to on loopback (Alertmanager, Prometheus): started, waited for
// until its /-/ready answers, its output kept for the error when it never does.

export interface LoopbackProgram {
  readonly child: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

export async function startLoopbackProgram(
  name: string,
  bin: string,
  args: ReadonlyArray<string>,
  url: string,
  readyWithinMs: number,
): Promise<LoopbackProgram> {
  const child = spawn(bin, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { child, exited };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
