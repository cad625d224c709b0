import type { Summary } from './stats';

// Delivery latencies of many consoles, kept as counts in 0.1 ms steps up to 10 s instead of one
// number per (event, console): 600 consoles at 1,000 events/s would be 600,000 numbers a second
// to keep and sort. Counts from several console processes add up, and a percentile read from
// them is exact to the step.

const STEP_MS = 0.1;
const STEPS = 100_000;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(STEPS + 1);
  private total = 0;
  private highest = 0;

  add(ms: number): void {
    const step = Math.min(STEPS, Math.max(0, Math.round(ms / STEP_MS)));
    this.counts[step] = (this.counts[step] ?? 0) + 1;
    this.total++;
    if (ms > this.highest) this.highest = ms;
  }

  get count(): number {
    return this.total;
  }

  /** The non-zero steps as [step, count] pairs, to send to another process. */
  pairs(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    this.counts.forEach((count, step) => {
      if (count > 0) pairs.push([step, count]);
    });
    return pairs;
  }

  /** Adds counts from `pairs()` of another histogram whose highest value was `highest`. */
  merge(pairs: ReadonlyArray<readonly [number, number]>, highest: number): void {
    for (const [step, count] of pairs) {
      this.counts[step] = (this.counts[step] ?? 0) + count;
      this.total += count;
    }
    if (highest > this.highest) this.highest = highest;
  }

  get max(): number {
    return this.highest;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
    this.highest = 0;
  }

  summary(): Summary {
    return {
      count: this.total,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: Math.round(this.highest * 100) / 100,
    };
  }

  private percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let step = 0; step <= STEPS; step++) {
      seen += this.counts[step] ?? 0;
      if (seen >= rank) return Math.round(step * STEP_MS * 100) / 100;
    }
    return Math.round(this.highest * 100) / 100;
  }
}
