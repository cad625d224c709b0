import type { HubEvent } from '../../shared/events';

// The incident view's timeline: fetched once when opened, then kept live from the replica's event
// stream. Pure, so the rules (only this incident, nothing twice, always in seq order) are tested.

/** Appends the live events of `incidentId` that are newer than the last one the timeline has. */
export function appendLiveEvents(
  timeline: ReadonlyArray<HubEvent>,
  incoming: ReadonlyArray<HubEvent>,
  incidentId: string,
): ReadonlyArray<HubEvent> {
  let lastSeq = timeline[timeline.length - 1]?.seq ?? 0;
  const fresh: HubEvent[] = [];
  for (const event of incoming) {
    if (event.incidentId !== incidentId || event.seq <= lastSeq) continue;
    fresh.push(event);
    lastSeq = event.seq;
  }
  return fresh.length === 0 ? timeline : [...timeline, ...fresh];
}

/** Folds a fetched record into what the view already has: one entry per seq, in seq order. */
export function mergeFetchedEvents(
  timeline: ReadonlyArray<HubEvent>,
  fetched: ReadonlyArray<HubEvent>,
  incidentId: string,
): ReadonlyArray<HubEvent> {
  const bySeq = new Map<number, HubEvent>();
  for (const event of timeline) bySeq.set(event.seq, event);
  // Live events that arrived while the fetch was in flight are kept; the hub's copy wins a tie.
  for (const event of fetched) if (event.incidentId === incidentId) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
