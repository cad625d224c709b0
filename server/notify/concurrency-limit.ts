// At most `limit` tasks at once, the rest waiting in order. A storm that pages 10,000 incidents
// in a second must not open 10,000 sockets at once: the hub's one thread would spend itself on
// connection setup and garbage, and its deadlines (and every console) would wait behind that.

export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a slot is free; resolves or rejects with it. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
