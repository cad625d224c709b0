// Statistics reports read the event log for as long as a second or two (90 days). Walls and
// reviewers ask for them concurrently; run at once, a dozen would take the hub's event loop from
// the alerts it exists to take in. So reports form a line: one is read at a time, a few wait, and
// beyond that the hub says "busy, try again" rather than queueing without end.

export const MAX_WAITING_REPORTS = 8;

export class ReportLineFull extends Error {
  constructor() {
    super('The hub is computing other statistics reports; try again in a few seconds.');
  }
}

export class ReportLine {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting: number = MAX_WAITING_REPORTS) {}

  /** Runs `read` after the reports ahead of it; throws ReportLineFull when too many wait. */
  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) throw new ReportLineFull();
    this.waiting += 1;
    const turn = this.tail.then(
      () => undefined,
      () => undefined,
    );
    const result = turn.then(() => {
      this.waiting -= 1;
      return read();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
