// Asking a hub again after it refused: soon at first, then less and less often (doubling up to a
// ceiling), so a hub that cannot answer is not asked by every console at once, over and over.

export class AskAgain {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waitMs: number;

  constructor(
    private readonly firstMs = 2000,
    private readonly maxMs = 60_000,
  ) {
    this.waitMs = firstMs;
  }

  /** Runs `ask` after the current wait, replacing one already scheduled; the next wait doubles. */
  schedule(ask: () => void): void {
    this.cancel();
    const wait = this.waitMs;
    this.waitMs = Math.min(wait * 2, this.maxMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      ask();
    }, wait);
    // Node: a pending retry must not keep a process alive by itself.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** The hub answered: the next refusal waits the first wait again. */
  answered(): void {
    this.waitMs = this.firstMs;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
