// A wall must come back by itself: nobody is at its keyboard. This decides when a wall window
// reloads its page; electron/wall/create-wall-window.ts feeds it the window's events. Plain timers,
// so the tests drive it with fake ones.

/** First reload after a failure, doubled for each failure in a row, up to the maximum. */
export const FIRST_RELOAD_DELAY_MS = 1_000;
export const MAX_RELOAD_DELAY_MS = 60_000;
/** A page that stayed up this long is healthy again: the next failure starts from the first delay. */
export const HEALTHY_AFTER_MS = 5 * 60_000;
/** How long a hung page gets to answer again before its renderer is restarted. */
export const UNRESPONSIVE_GRACE_MS = 15_000;
/**
 * A wall page's renderer using more physical memory than this is reloaded. The board's state lives
 * in the main process (the replica), so a reload costs about a second of dark screen and loses
 * nothing; a leak, ours or Chromium's, cannot grow for weeks.
 */
export const MEMORY_CEILING_KB = 1024 * 1024;
/** How often the manager samples the walls' memory. */
export const MEMORY_CHECK_INTERVAL_MS = 10 * 60_000;

export interface WallRecoveryOptions {
  /** Names the wall in log lines ("wall on DELL U2720Q"). */
  readonly name: string;
  /** Loads the wall's page again. */
  readonly reload: () => void;
  /** Ends a hung renderer; its 'render-process-gone' then brings the reload. */
  readonly restartRenderer: () => void;
  readonly log: (message: string) => void;
}

export class WallRecovery {
  private failures = 0;
  private loadedAt: number | null = null;
  private pendingReload: ReturnType<typeof setTimeout> | null = null;
  private hangTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: WallRecoveryOptions) {}

  /** The page loaded: it counts as healthy once it stays up for HEALTHY_AFTER_MS. */
  loaded(): void {
    this.loadedAt = Date.now();
  }

  /** 'render-process-gone': crashed, killed, out of memory, … */
  processGone(reason: string): void {
    this.cancelHang();
    this.scheduleReload(`its page process is gone (${reason})`);
  }

  /** 'did-fail-load' of the main frame. */
  loadFailed(description: string): void {
    this.scheduleReload(`its page did not load (${description})`);
  }

  /** 'unresponsive': give the page a moment, then restart its renderer. */
  unresponsive(): void {
    if (this.hangTimer !== null || this.disposed) return;
    this.options.log(`${this.options.name} is not responding`);
    this.hangTimer = setTimeout(() => {
      this.hangTimer = null;
      this.options.log(
        `${this.options.name} still not responding after ${UNRESPONSIVE_GRACE_MS / 1000} s: restarting its page`,
      );
      this.options.restartRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  }

  /** 'responsive': the hang passed by itself. */
  responsive(): void {
    if (this.hangTimer === null) return;
    this.cancelHang();
    this.options.log(`${this.options.name} is responding again`);
  }

  /** A memory sample of the page's renderer, in KB of working set. */
  memorySample(workingSetKb: number): void {
    if (workingSetKb <= MEMORY_CEILING_KB || this.pendingReload !== null || this.disposed) return;
    this.options.log(
      `${this.options.name} uses ${Math.round(workingSetKb / 1024)} MiB (ceiling ${MEMORY_CEILING_KB / 1024} MiB): reloading it`,
    );
    this.loadedAt = null;
    this.options.reload();
  }

  /** The window is gone: no reload may fire after this. */
  dispose(): void {
    this.disposed = true;
    this.cancelHang();
    if (this.pendingReload !== null) clearTimeout(this.pendingReload);
    this.pendingReload = null;
  }

  private scheduleReload(why: string): void {
    if (this.pendingReload !== null || this.disposed) return;
    if (this.loadedAt !== null && Date.now() - this.loadedAt >= HEALTHY_AFTER_MS) this.failures = 0;
    const delay = Math.min(FIRST_RELOAD_DELAY_MS * 2 ** this.failures, MAX_RELOAD_DELAY_MS);
    this.failures += 1;
    this.loadedAt = null;
    this.options.log(`${this.options.name}: ${why}; reloading in ${delay / 1000} s`);
    this.pendingReload = setTimeout(() => {
      this.pendingReload = null;
      this.options.reload();
    }, delay);
  }

  private cancelHang(): void {
    if (this.hangTimer !== null) clearTimeout(this.hangTimer);
    this.hangTimer = null;
  }
}
