import type { IncidentFacts } from './incident-facts';
import type { StatisticsQuery, StatisticsReport } from './report';
import { StatisticsBuilder } from './statistics-builder';

/** The report over incidents already folded into facts (the builder, for callers holding them all). */
export function statisticsReport(
  facts: Iterable<IncidentFacts>,
  query: StatisticsQuery,
  generatedAt: number,
): StatisticsReport {
  const builder = new StatisticsBuilder(query);
  for (const incident of facts) builder.add(incident);
  return builder.report(generatedAt);
}
