import { z } from 'zod';
import { STATISTICS_BUCKETS, type StatisticsReport } from './report';

// GET /api/v1/statistics as a console reads it: parsed, not trusted, because a console may meet an
// older or newer hub (shared/hub-client.ts). Unknown fields are dropped, missing ones are an error.

const count = z.number().int().nonnegative();
const duration = z.number().nullable();
const durationSummary = z.object({ count, p50: duration, p90: duration, mean: duration });
const bySeverity = z.object({ sev1: count, sev2: count, sev3: count, sev4: count });
const serviceCount = z.object({ service: z.string(), incidents: count, alerts: count });
const histogram = z.object({
  buckets: z.array(z.object({ value: count, incidents: count })),
  mean: z.number().nullable(),
});

export const statisticsReportSchema = z.object({
  query: z.object({
    from: z.number(),
    to: z.number(),
    bucket: z.enum(STATISTICS_BUCKETS),
    timeZone: z.string(),
  }),
  generatedAt: z.number(),
  totals: z.object({
    incidents: count,
    bySeverity,
    alerts: count,
    acknowledged: count,
    resolved: count,
    merged: count,
    timeToAcknowledge: durationSummary,
    timeToResolve: durationSummary,
  }),
  periods: z.array(
    z.object({
      start: z.number(),
      opened: bySeverity,
      timeToAcknowledge: durationSummary,
      timeToResolve: durationSummary,
    }),
  ),
  byService: z.array(serviceCount),
  noisiestServices: z.array(serviceCount),
  escalationsPerIncident: histogram,
  alertsPerIncident: histogram,
}) satisfies z.ZodType<StatisticsReport>;
