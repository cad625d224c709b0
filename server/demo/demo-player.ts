import type { IngestBatch } from '../ingest/batch';
import { DEMO_SCENARIO, demoBatch } from './scenario';

// Plays the demo scenario through the same ingest path as real monitoring. `speed` compresses
// time for tests and impatient trainers (SITROOM_DEMO_SPEED=10 plays it in ~25 s).

export class DemoPlayer {
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private runs = 0;

  constructor(
    private readonly ingest: (batch: IngestBatch) => Promise<unknown>,
    private readonly speed = 1,
    private readonly log: (message: string) => void = () => {},
  ) {}

  get running(): boolean {
    return this.timers.length > 0;
  }

  /** Starts a run unless one is already playing. */
  play(): boolean {
    if (this.running) return false;
    const runId = `${Date.now().toString(36)}-${++this.runs}`;
    const startedAt = Date.now();
    let remaining = DEMO_SCENARIO.length;
    for (const step of DEMO_SCENARIO) {
      const timer = setTimeout(
        () => {
          this.ingest(demoBatch(step, runId, startedAt, Date.now())).catch((error: unknown) =>
            this.log(`demo step failed: ${String(error)}`),
          );
          remaining -= 1;
          if (remaining === 0) this.timers = [];
        },
        (step.atSeconds * 1000) / this.speed,
      );
      this.timers.push(timer);
    }
    this.log('playing the demo outage scenario');
    return true;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
