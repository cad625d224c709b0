// Adaptive batching, paced by credit: a change goes out at once (on the next microtask, so the
// changes of one turn travel together) while there is credit, and each send spends one. Credit
// comes back at one per `windowMs`, up to SEND_BURST. A quiet system therefore forwards every
// change in well under a millisecond — also a short burst, such as an alert and the incident it
// opens a few ms apart, which a plain "one send per window" would hold back for most of a window —
// and a storm, once the credit is spent, still arrives as at most 1000 / windowMs messages a
// second. The hub's broadcaster and every console feed use it.

/** How many sends may follow one another at once before pacing starts. */
export const SEND_BURST = 8;

export interface SendWindowOptions {
  /** Sends whatever is waiting; called only after `poke`. */
  readonly send: () => void;
  readonly windowMs: number;
  /**
   * How "at once" is scheduled: the next microtask unless told otherwise. The hub's broadcaster
   * sends at the end of the event loop's turn instead (setImmediate), after the code that poked.
   */
  readonly soon?: (run: () => void) => void;
}

export class SendWindow {
  private credit = SEND_BURST;
  /** When credit was last counted (performance.now()); credit accrues from here. */
  private countedAt = performance.now();
  private due = false;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: SendWindowOptions) {}

  /** Something is waiting to be sent. */
  poke(): void {
    if (this.closed) return;
    this.due = true;
    // Waiting for credit: the timer sends. Otherwise send soon, before any timer could fire.
    if (this.timer !== null || this.queued) return;
    this.queued = true;
    (this.options.soon ?? queueMicrotask)(() => {
      this.queued = false;
      if (this.due && this.timer === null) this.sendOrWait();
    });
  }

  /** Sends now if anything waits, credit or not (the owner is closing or must not wait). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.due || this.closed) return;
    this.earn();
    this.credit = Math.max(0, this.credit - 1);
    this.fire();
  }

  /** Stops sending; whatever waits is dropped by the owner. */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private sendOrWait(): void {
    if (this.closed) return;
    this.earn();
    if (this.credit >= 1) {
      this.credit -= 1;
      this.fire();
      return;
    }
    // Out of credit: the next send waits for the next credit, and takes all that waited.
    const wait = Math.max(0, this.countedAt + this.options.windowMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.due) this.sendOrWait();
    }, wait);
  }

  /** Adds the credit earned since it was last counted. */
  private earn(): void {
    const now = performance.now();
    const earned = Math.floor((now - this.countedAt) / this.options.windowMs);
    if (earned <= 0) return;
    this.credit = Math.min(SEND_BURST, this.credit + earned);
    // Full: nothing more accrues, so start counting afresh; otherwise keep the part-earned credit.
    this.countedAt = this.credit === SEND_BURST ? now : this.countedAt + earned * this.options.windowMs;
  }

  private fire(): void {
    this.due = false;
    this.options.send();
  }
}
