// What the launcher needs from a started hub process. Two implementations satisfy it: a
// child_process on the system Node (development and the Node tests: spawn-node.ts) and an
// Electron utilityProcess (packaged builds, where there is no system Node: spawn-utility.ts).
// The launcher only sees this interface, so its readiness, timeout and shutdown logic is tested
// in plain Node against real processes.

/** How to start the hub: a script (hub.mjs or server/main.ts) with its arguments. */
export interface HubLaunchSpec {
  /** Absolute path of the module to run. */
  readonly entry: string;
  readonly args: ReadonlyArray<string>;
  /** Extra runtime flags, e.g. `--import tsx` when running the TypeScript source. */
  readonly execArgv?: ReadonlyArray<string>;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A started hub process, whatever started it. */
export interface HubChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Called once when the process ends, or with an error when it could not start at all. */
  onExit(listener: (outcome: HubExit) => void): void;
  /** Asks politely (SIGTERM): the hub flushes its log and closes the database. */
  terminate(): void;
  /** Ends it now (SIGKILL), for a hub that ignores terminate. */
  forceKill(): void;
}

export type HubExit =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'failed'; readonly error: Error };

/** Starts hub processes; injected so dev, tests and packaged builds each pass their own. */
export interface HubSpawner {
  /** What runs the entry, for error messages: `node`, `Electron utilityProcess`. */
  readonly runtime: string;
  spawn(spec: HubLaunchSpec): HubChild;
}

/** One-shot exit notification that also answers listeners added after the process ended. */
export function exitNotifier(): {
  settle(outcome: HubExit): void;
  onExit(listener: (outcome: HubExit) => void): void;
} {
  let outcome: HubExit | null = null;
  const listeners: Array<(outcome: HubExit) => void> = [];
  return {
    settle(next) {
      if (outcome) return;
      outcome = next;
      for (const listener of listeners.splice(0)) listener(next);
    },
    onExit(listener) {
      if (outcome) listener(outcome);
      else listeners.push(listener);
    },
  };
}
