// What a hub on PostgreSQL tells its log about something it retries through an outage: reading
// the log (every second) and listening for the others' commits (every 5 s at most). Each failed
// try said at `error` is thousands of lines an hour per hub for one outage that /healthz already
// reports, burying the rest of the log and paging whoever alerts on `error`. So: the first
// failure, a reminder every ten minutes with the current reason (a reason that changes, such as
// a password rotated under the hub, is still seen), and one line when it works again.

const REMIND_MS = 10 * 60_000;

export class FailureNote {
  private since: number | null = null;
  private tries = 0;
  private saidAt = 0;

  constructor(
    /** What is retried, as the lines say it: `reading the log`. */
    private readonly what: string,
    private readonly report: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  failed(error: unknown): void {
    const now = this.now();
    this.tries++;
    if (this.since === null) {
      this.since = now;
      this.saidAt = now;
      this.report(
        `cluster: ${this.what} failed: ${String(error)} (said again every ${REMIND_MS / 60_000} min while it fails, and when it works)`,
      );
      return;
    }
    if (now - this.saidAt < REMIND_MS) return;
    this.saidAt = now;
    this.report(
      `cluster: ${this.what} has failed for ${this.seconds(now)} s (${this.tries} tries), now: ${String(error)}`,
    );
  }

  worked(): void {
    if (this.since === null) return;
    this.report(
      `cluster: ${this.what} again, after ${this.seconds(this.now())} s and ${this.tries} tries without it`,
    );
    this.since = null;
    this.tries = 0;
  }

  private seconds(now: number): number {
    return Math.round((now - (this.since ?? now)) / 1000);
  }
}
