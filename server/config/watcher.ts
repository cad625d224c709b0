import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import type { ConfigError, SitroomConfig } from '../../shared/config/types';
import { formatConfigError, type LoadResult, loadConfig } from './load';

// Keeps the hub's configuration in step with its folder. A reload that fails keeps the last good
// configuration: a typo pushed to the config repo must not take the situation room down mid-incident.

export interface ConfigWatcherOptions {
  /** Editors and git write several files in a burst; wait this long after the last change. */
  readonly debounceMs?: number;
  readonly log?: (line: string) => void;
  /** Run the folder in open local mode even if it lists users (the demo's copy of examples/). */
  readonly open?: boolean;
}

export type ConfigListener = (config: SitroomConfig) => void;

/** Files whose change can alter the configuration; editor swap files and the like are ignored. */
const RELEVANT = /(\.ya?ml|\.md)$|^runbooks$|^\.\./;

export class ConfigWatcher {
  private good: SitroomConfig | null = null;
  private errors: ReadonlyArray<ConfigError> = [];
  private readonly listeners = new Set<ConfigListener>();
  private readonly invalidListeners = new Set<() => void>();
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly debounceMs: number;
  private readonly log: (line: string) => void;
  private readonly open: boolean;

  constructor(
    private readonly dir: string,
    options: ConfigWatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 200;
    this.log = options.log ?? ((line) => console.error(line));
    this.open = options.open === true;
  }

  /** Loads the folder and starts watching it. The caller decides whether a bad first load is fatal. */
  async start(): Promise<LoadResult> {
    this.watchFolder(this.dir);
    return this.reload();
  }

  /** Reloads now (the hub calls this on SIGHUP). Reloads run one at a time, in order. */
  reload(): Promise<LoadResult> {
    const run = this.queue.then(() => this.loadOnce());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The last configuration that loaded without errors, or null if none has yet. */
  current(): SitroomConfig | null {
    return this.good;
  }

  /** The errors of the latest load; empty when it succeeded. */
  lastErrors(): ReadonlyArray<ConfigError> {
    return this.errors;
  }

  /** Called after each good reload that changed the configuration; returns an unsubscribe. */
  onChange(listener: ConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after each load that found mistakes (the last good configuration stays). */
  onInvalid(listener: () => void): () => void {
    this.invalidListeners.add(listener);
    return () => this.invalidListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private async loadOnce(): Promise<LoadResult> {
    const result = await loadConfig(this.dir, { open: this.open });
    // runbooks/ may have appeared since the last load; fs.watch is not recursive everywhere.
    this.watchFolder(join(this.dir, 'runbooks'));
    if (!result.ok) {
      this.errors = result.errors;
      const kept = this.good ? 'keeping the last good configuration' : 'no configuration loaded';
      this.log(`config: ${this.dir} has ${result.errors.length} error(s); ${kept}`);
      for (const error of result.errors) this.log(`config: ${formatConfigError(error)}`);
      for (const listener of this.invalidListeners) listener();
      return result;
    }
    this.errors = [];
    for (const warning of result.warnings) this.log(`config: warning: ${warning}`);
    const changed = JSON.stringify(result.config) !== JSON.stringify(this.good);
    this.good = result.config;
    if (changed) this.notify(result.config);
    return result;
  }

  private notify(config: SitroomConfig): void {
    for (const listener of this.listeners) {
      try {
        listener(config);
      } catch (error) {
        this.log(`config: a change listener failed: ${(error as Error).message}`);
      }
    }
  }

  private watchFolder(folder: string): void {
    if (this.closed || this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        // runbooks/ replaced or removed: its old watcher watches nothing; the reload re-creates it.
        if (folder === this.dir && name === 'runbooks') this.drop(join(this.dir, 'runbooks'));
        if (name === null || RELEVANT.test(name)) this.schedule();
      });
      // A watched folder that is deleted stops reporting; forget it so it is re-watched if it returns.
      watcher.on('error', () => {
        this.drop(folder);
        this.schedule();
      });
      this.watchers.set(folder, watcher);
    } catch {
      // The folder does not exist (yet): nothing to watch.
    }
  }

  private drop(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, this.debounceMs);
  }
}
