import type { HubChild, HubExit, HubLaunchSpec, HubSpawner } from './hub-child';
import { type FetchLike, parseConsoleUrl, waitUntilHealthy } from './hub-readiness';
import { OutputTail } from './output-tail';

// Starts the embedded hub and hands back its URL once it is healthy, or a HubStartError that says
// what was run and what it printed. No Electron here: the spawn function is injected.

export interface StartHubOptions {
  readonly spawner: HubSpawner;
  readonly spec: HubLaunchSpec;
  /** How long the hub gets to announce its URL and pass /healthz. */
  readonly readyTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs?: number;
  /** Receives every line the hub prints, prefixed by nothing; the host decides where it goes. */
  readonly onOutput?: (line: string) => void;
  readonly fetch?: FetchLike;
}

export interface RunningHub {
  readonly url: string;
  readonly pid: number | undefined;
  /** Settles when the hub process ends, for whatever reason. */
  readonly exited: Promise<HubExit>;
  /** SIGTERM, then SIGKILL after the grace period; safe to call more than once. */
  stop(): Promise<void>;
}

export class HubStartError extends Error {
  override readonly name = 'HubStartError';
}

/** Starts the hub process and waits until it is reachable and healthy. */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { spec } = options;
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const tail = new OutputTail();
  const child = options.spawner.spawn(spec);
  const exited = new Promise<HubExit>((resolve) => child.onExit(resolve));
  let exitOutcome: HubExit | null = null;
  void exited.then((outcome) => {
    exitOutcome = outcome;
  });

  let announce: (url: string) => void = () => {};
  const announced = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const onLine = (line: string): void => {
    options.onOutput?.(line);
    const url = parseConsoleUrl(line);
    if (url) announce(url);
  };
  tail.follow(child.stdout, onLine);
  tail.follow(child.stderr, onLine);

  const stop = stopper(child, exited, () => exitOutcome !== null, options.stopGraceMs ?? 5000);
  const fail = async (reason: string): Promise<never> => {
    await stop();
    throw new HubStartError(
      `The embedded hub did not start: ${reason}.\nCommand: ${describeCommand(options.spawner.runtime, spec)}\nLast output:\n${tail.text()}`,
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const first = await Promise.race([announced, exited, timedOut]);
    if (first === 'timeout')
      return await fail(`it printed no "console: http://…" line within ${timeoutMs} ms`);
    if (typeof first !== 'string') return await fail(describeExit(first));
    const healthy = await waitUntilHealthy(first, deadline, () => exitOutcome !== null, options.fetch);
    if (exitOutcome !== null) return await fail(describeExit(exitOutcome));
    if (!healthy)
      return await fail(
        `${new URL('/healthz', first).href} did not answer {"status":"ok"} within ${timeoutMs} ms`,
      );
    return { url: first, pid: child.pid, exited, stop };
  } finally {
    clearTimeout(timer);
  }
}

function stopper(
  child: HubChild,
  exited: Promise<HubExit>,
  hasExited: () => boolean,
  graceMs: number,
): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      if (hasExited()) return;
      child.terminate();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const graceOver = new Promise<'grace-over'>((resolve) => {
        timer = setTimeout(() => resolve('grace-over'), graceMs);
      });
      const first = await Promise.race([exited, graceOver]);
      clearTimeout(timer);
      if (first === 'grace-over') {
        child.forceKill();
        await exited;
      }
    })();
    return stopping;
  };
}

function describeExit(outcome: HubExit): string {
  if (outcome.kind === 'failed') return `the command could not be run (${outcome.error.message})`;
  if (outcome.signal) return `it was ended by ${outcome.signal} before it was ready`;
  return `it exited with code ${outcome.code} before it was ready`;
}

function describeCommand(runtime: string, spec: HubLaunchSpec): string {
  return [runtime, ...(spec.execArgv ?? []), spec.entry, ...spec.args].join(' ');
}
