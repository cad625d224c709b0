import type { Incident } from '../shared/domain';
import type { HubEvent } from '../shared/events';
import { applyEventsTo } from '../shared/reducer';

// The hub's in-memory picture: the fold of its event log, plus an index from group key to the
// open incident for that group so ingest finds it without a scan. A Map, folded in place, so a
// batch costs O(events) however many incidents the hub holds.

export class HubState {
  private readonly incidentsById = new Map<string, Incident>();
  private readonly openByGroupKey = new Map<string, string>();

  constructor(
    incidents: Iterable<Incident>,
    public seq: number,
  ) {
    for (const incident of incidents) {
      this.incidentsById.set(incident.id, incident);
      if (incident.status !== 'resolved') this.openByGroupKey.set(incident.groupKey, incident.id);
    }
  }

  /** Every incident the hub holds, in no particular order. */
  incidents(): IterableIterator<Incident> {
    return this.incidentsById.values();
  }

  get size(): number {
    return this.incidentsById.size;
  }

  incident(id: string): Incident | undefined {
    return this.incidentsById.get(id);
  }

  openIncidentFor(groupKey: string): Incident | undefined {
    const id = this.openByGroupKey.get(groupKey);
    return id ? this.incidentsById.get(id) : undefined;
  }

  /** Folds committed events in. */
  apply(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    applyEventsTo(this.incidentsById, events);
    for (const event of events) {
      if (event.type === 'incident_opened') this.openByGroupKey.set(event.groupKey, event.incidentId);
      if (event.type === 'incident_resolved') {
        const incident = this.incidentsById.get(event.incidentId);
        if (incident && this.openByGroupKey.get(incident.groupKey) === incident.id) {
          this.openByGroupKey.delete(incident.groupKey);
        }
      }
    }
    this.seq = events[events.length - 1]?.seq ?? this.seq;
  }
}
