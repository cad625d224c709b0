import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Incident } from '../../shared/domain';
import type { HubMetrics } from './hub-metrics';
import { ingestSourceOf } from './metric-labels';

// The small readings hub.ts hands its metrics: kept here so the composition root stays wiring.

/** Counts every answer on an ingest endpoint, whoever gave it (the routes or the front door). */
export function countIngestAnswers(server: Server, metrics: Pick<HubMetrics, 'ingestAnswered'>): void {
  server.on('request', (req, res) => {
    const source = ingestSourceOf((req.url ?? '/').split('?', 1)[0] ?? '/');
    if (source === null) return;
    res.once('finish', () => metrics.ingestAnswered(source, res.statusCode));
  });
}

/** Incidents whose escalation is still paging. */
export function escalationsPending(incidents: Iterable<Incident>): number {
  let pending = 0;
  for (const incident of incidents)
    if (incident.status !== 'resolved' && incident.escalation && !incident.escalation.stopped) pending += 1;
  return pending;
}

/** The SQLite database and its WAL, in bytes. */
export async function sqliteBytes(file: string): Promise<number> {
  const sizes = await Promise.all(
    [file, `${file}-wal`].map((path) =>
      stat(path).then(
        (found) => found.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
