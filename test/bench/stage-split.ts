import { round } from './stats';

// Where an event's time went, from the hubs' own histograms (GET /metrics): scraped before and
// after a run, the difference of each stage's buckets, sum and count is that run's. Percentiles
// read from buckets are their upper bounds ("p99 ≤ 2.5 ms"); the mean is exact.

type Series = Map<string, { buckets: Map<number, number>; sum: number; count: number }>;

export interface StageFigure {
  readonly count: number;
  readonly meanMs: number;
  /** Upper bounds of the buckets holding the 50th and 99th percentiles, ms. */
  readonly p50AtMostMs: number;
  readonly p99AtMostMs: number;
}

/** The histograms named `metric` (one per `stage` label) in a /metrics text. */
export async function scrapeStages(hubUrl: string, metric: string): Promise<Series> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text();
  const series: Series = new Map();
  const line = new RegExp(`^${metric}_(bucket|sum|count)\\{([^}]*)\\} (\\S+)$`);
  for (const row of text.split('\n')) {
    const match = line.exec(row);
    if (!match) continue;
    const [, part, labels, value] = match as unknown as [string, string, string, string];
    const stage = /stage="([a-z]+)"/.exec(labels)?.[1];
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    if (!stage) continue;
    const entry = series.get(stage) ?? { buckets: new Map<number, number>(), sum: 0, count: 0 };
    series.set(stage, entry);
    if (part === 'bucket' && le)
      entry.buckets.set(le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), Number(value));
    else if (part === 'sum') entry.sum = Number(value);
    else if (part === 'count') entry.count = Number(value);
  }
  return series;
}

/** Each stage's figures over what happened between two scrapes. */
export function stagesBetween(before: Series, after: Series): Record<string, StageFigure> {
  const figures: Record<string, StageFigure> = Object.create(null);
  for (const [stage, end] of after) {
    const start = before.get(stage);
    const count = end.count - (start?.count ?? 0);
    if (count <= 0) continue;
    const bounds = [...end.buckets.keys()].sort((a, b) => a - b);
    const under = (p: number): number => {
      const rank = (p / 100) * count;
      for (const bound of bounds) {
        const inside = (end.buckets.get(bound) ?? 0) - (start?.buckets.get(bound) ?? 0);
        if (inside >= rank) return bound * 1000;
      }
      return Number.POSITIVE_INFINITY;
    };
    figures[stage] = {
      count,
      meanMs: round(((end.sum - (start?.sum ?? 0)) / count) * 1000, 2),
      p50AtMostMs: under(50),
      p99AtMostMs: under(99),
    };
  }
  return figures;
}

/** "lock 0.9 (≤ 2.5), write 0.6 (≤ 1), …": mean ms and the bucket holding p99, in the order given. */
export function describeStages(figures: Record<string, StageFigure>, order: ReadonlyArray<string>): string {
  return order
    .filter((stage) => figures[stage])
    .map((stage) => {
      const figure = figures[stage] as StageFigure;
      return `${stage} ${figure.meanMs} (p99 ≤ ${figure.p99AtMostMs})`;
    })
    .join(', ');
}

/** `sitroom_follow_batches_total` by source in a /metrics text. */
export async function scrapeFollowSources(hubUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text();
  const counts: Record<string, number> = Object.create(null);
  for (const match of text.matchAll(/^sitroom_follow_batches_total\{source="([a-z]+)"\} (\S+)$/gm))
    counts[match[1] as string] = Number(match[2]);
  return counts;
}
