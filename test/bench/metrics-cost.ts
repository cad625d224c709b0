import { HubMetrics } from '../../server/metrics/hub-metrics';
import type { HubEvent } from '../../shared/events';
import { round } from './stats';

// What the metrics add to one durable ingest request, apart from everything else it does: the
// answer counted, its alerts counted by what they changed, and its share of a group commit (size,
// latency, events by type). In-process, so contention barely moves it; and one scrape's cost.

export async function metricsMicroseconds(
  iterations = 200_000,
): Promise<{ perRequest: number; scrapeMs: number }> {
  const metrics = new HubMetrics();
  const events = [
    { type: 'incident_opened', source: 'alertmanager' },
    { type: 'alert_fired', alert: { source: 'alertmanager' } },
  ] as unknown as HubEvent[];
  const request = (): void => {
    metrics.ingestAnswered('alertmanager', 200);
    metrics.alertsIngested('alertmanager', 1, events);
    metrics.committed(1, 0.002, events);
  };
  for (let i = 0; i < 10_000; i++) request(); // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) request();
  const perRequest = round(Number(process.hrtime.bigint() - started) / 1000 / iterations, 2);
  const scrapes = 200;
  const scrapeStarted = process.hrtime.bigint();
  for (let i = 0; i < scrapes; i++) await metrics.text();
  const scrapeMs = round(Number(process.hrtime.bigint() - scrapeStarted) / 1e6 / scrapes, 2);
  return { perRequest, scrapeMs };
}
