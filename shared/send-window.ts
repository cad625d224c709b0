// Adaptive batching: the first change after a quiet spell goes out at once (on the next
// microtask, so the changes of one turn travel together); changes that follow within `windowMs`
// of a send wait for the window's end and go out together. A quiet system therefore forwards in
// well under a millisecond, and a storm still arrives as at most 1000 / windowMs messages a
// second. The hub's broadcaster and every console feed use it.

export interface SendWindowOptions {
  /** Sends whatever is waiting; called only after `poke`. */
  readonly send: () => void;
  readonly windowMs: number;
}

export class SendWindow {
  private due = false;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: SendWindowOptions) {}

  /** Something is waiting to be sent. */
  poke(): void {
    if (this.closed) return;
    this.due = true;
    // Inside a window: its end sends. Otherwise send soon, before any timer could fire.
    if (this.timer !== null || this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.due && this.timer === null) this.fire();
    });
  }

  /** Sends now if anything waits, and starts a new window. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.due) this.fire();
  }

  /** Stops sending; whatever waits is dropped by the owner. */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    if (this.closed) return;
    this.due = false;
    this.options.send();
    this.timer = setTimeout(() => {
      this.timer = null;
      // Quiet through the window: the next change goes out at once again.
      if (this.due) this.fire();
    }, this.options.windowMs);
  }
}
