import type { Histogram } from './report';

// "How many incidents had n escalations / n alerts". Only the values that occur are listed: one
// alert storm grouped into an incident of 5,000 alerts must not produce 5,000 empty bars.

/** Counts incidents by a whole number per incident. */
export class HistogramCounter {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private incidents = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.total += value;
    this.incidents += 1;
  }

  /** Values ascending, each with how many incidents had it; mean per incident, null when none. */
  histogram(): Histogram {
    const buckets = [...this.counts]
      .sort(([a], [b]) => a - b)
      .map(([value, incidents]) => ({ value, incidents }));
    return { buckets, mean: this.incidents === 0 ? null : this.total / this.incidents };
  }
}
