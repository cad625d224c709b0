import type { Clock } from '../../server/escalation/clock';

// A clock a test moves by hand: hours of escalation run in milliseconds. Timers fire in
// deadline order as time passes them, each followed by `settle` so whatever the firing started
// (a plan in the writer, a delivery) finishes before the next one fires — as it would in real
// time, where deadlines are minutes apart.

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fire: () => void;
}

export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private nextId = 0;

  constructor(
    start: number,
    private settle: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ) {
    this.time = start;
  }

  /** What runs after each timer fires; the harness points it at the writer and the engine. */
  settleWith(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  readonly now = (): number => this.time;

  readonly setTimer = (at: number, fire: () => void): (() => void) => {
    const id = ++this.nextId;
    this.timers.push({ id, at, fire });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  };

  /** How many timers are waiting (the engine should hold one, however many deadlines). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer it passes, in order. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms);
  }

  async advanceTo(target: number): Promise<void> {
    await this.settle();
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer.id !== due.id);
      this.time = Math.max(this.time, due.at);
      due.fire();
      await this.settle();
    }
    this.time = Math.max(this.time, target);
    await this.settle();
  }
}
