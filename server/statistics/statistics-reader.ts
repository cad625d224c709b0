import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HubEvent } from '../../shared/events';
import { factsOfIncidents } from '../../shared/metrics/incident-stream';
import type { StatisticsBuilder } from '../../shared/metrics/statistics-builder';
import type { OpenedCursor } from '../store/event-log';

// A report over 90 days folds a couple of hundred thousand events, which takes the hub's only
// thread for about a second. Ingest and commands must not wait that long, so the log is read a page
// of incidents at a time, and the event loop gets a turn between pages (the group commit, sockets
// and timers run there). Each page is one read of the log (SQLite or PostgreSQL): a page of whole
// incidents, never the range's events at once.

/** Incidents per page: 10–15 ms of work on a busy 2-core machine (npm run bench statistics). */
export const STATISTICS_PAGE_INCIDENTS = 250;

/** Where the reader finds incidents by opening time (the EventLog). */
export interface StatisticsSource {
  eventsOfIncidentsOpened(
    from: number,
    to: number,
    limit: number,
    after: OpenedCursor | null,
  ): Promise<ReadonlyArray<HubEvent>>;
}

/**
 * Feeds every incident opened in the builder's range to it, page by page, yielding to the event
 * loop between pages. Stops early (returning false) once `signal` aborts: nobody waits for it.
 */
export async function readStatistics(
  source: StatisticsSource,
  builder: StatisticsBuilder,
  options: { readonly pageIncidents?: number; readonly signal?: AbortSignal } = {},
): Promise<boolean> {
  const limit = options.pageIncidents ?? STATISTICS_PAGE_INCIDENTS;
  const { from, to } = builder.query;
  let after: OpenedCursor | null = null;
  for (;;) {
    let incidents = 0;
    const page = tapOpenings(await source.eventsOfIncidentsOpened(from, to, limit, after), (cursor) => {
      after = cursor;
      incidents += 1;
    });
    for (const facts of factsOfIncidents(page)) builder.add(facts);
    if (incidents < limit) return true;
    await nextTurn();
    if (options.signal?.aborted) return false;
  }
}

/** Passes events through, telling `seen` where each incident_opened is: the next page starts after the last. */
function* tapOpenings(events: Iterable<HubEvent>, seen: (cursor: OpenedCursor) => void): Generator<HubEvent> {
  for (const event of events) {
    if (event.type === 'incident_opened') seen({ at: event.at, seq: event.seq });
    yield event;
  }
}
