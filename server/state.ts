import type { Incident } from '../shared/domain';
import type { HubEvent } from '../shared/events';
import { applyEventsTo } from '../shared/reducer';

// The hub's in-memory picture: the fold of its event log, plus an index from group key to the
// open incident for that group so ingest finds it without a scan. A Map, folded in place, so a
// batch costs O(events) however many incidents the hub holds.

/** Rebuilds an incident no longer held in memory from its events in the log. */
export type IncidentLoader = (id: string) => Incident | undefined;

export class HubState {
  private readonly incidentsById = new Map<string, Incident>();
  private readonly openByGroupKey = new Map<string, string>();

  constructor(
    incidents: Iterable<Incident>,
    public seq: number,
    private readonly loadFromLog: IncidentLoader = () => undefined,
  ) {
    for (const incident of incidents) {
      this.incidentsById.set(incident.id, incident);
      if (incident.status !== 'resolved') {
        for (const key of groupKeysOf(incident)) this.openByGroupKey.set(key, incident.id);
      }
    }
  }

  /** Every incident the hub holds, in no particular order. */
  incidents(): IterableIterator<Incident> {
    return this.incidentsById.values();
  }

  get size(): number {
    return this.incidentsById.size;
  }

  /** An incident by id: from memory, or rebuilt from the log if it was let go. */
  incident(id: string): Incident | undefined {
    return this.incidentsById.get(id) ?? this.loadFromLog(id);
  }

  /**
   * Lets go of incidents resolved before `before`: a hub running for months must not hold every
   * incident it ever saw. The log keeps them; incident() rebuilds one on demand, and apply()
   * brings one back if something happens to it (a late note, a reopen).
   */
  evictResolvedBefore(before: number): number {
    let evicted = 0;
    for (const [id, incident] of this.incidentsById) {
      if (incident.resolvedAt !== null && incident.status === 'resolved' && incident.resolvedAt < before) {
        this.incidentsById.delete(id);
        evicted += 1;
      }
    }
    return evicted;
  }

  openIncidentFor(groupKey: string): Incident | undefined {
    const id = this.openByGroupKey.get(groupKey);
    return id ? this.incidentsById.get(id) : undefined;
  }

  /** Folds committed events in. */
  apply(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    // An event for an incident let go of: the log (already holding these events) rebuilds it
    // whole, so its events in this batch must not be applied a second time.
    const reloaded = new Set<string>();
    for (const event of events) {
      if (
        event.type === 'incident_opened' ||
        this.incidentsById.has(event.incidentId) ||
        reloaded.has(event.incidentId)
      )
        continue;
      const incident = this.loadFromLog(event.incidentId);
      if (incident) {
        this.incidentsById.set(incident.id, incident);
        reloaded.add(incident.id);
      }
    }
    applyEventsTo(
      this.incidentsById,
      reloaded.size === 0 ? events : events.filter((event) => !reloaded.has(event.incidentId)),
    );
    for (const event of events) {
      const incident = this.incidentsById.get(event.incidentId);
      if (!incident) continue;
      switch (event.type) {
        case 'incident_opened':
        case 'incident_reopened':
        case 'incident_absorbed':
          for (const key of groupKeysOf(incident)) {
            const holder = this.openIncidentFor(key);
            if (!holder || holder.id === incident.id || event.type !== 'incident_reopened') {
              this.openByGroupKey.set(key, incident.id);
            }
          }
          break;
        case 'incident_resolved':
        case 'incident_merged':
          for (const key of groupKeysOf(incident)) {
            if (this.openByGroupKey.get(key) === incident.id) this.openByGroupKey.delete(key);
          }
          break;
        default:
          break;
      }
    }
    this.seq = events[events.length - 1]?.seq ?? this.seq;
  }
}

/** Every group key whose alerts land on this incident: its own and those of incidents merged into it. */
export function groupKeysOf(incident: Incident): string[] {
  return [incident.groupKey, ...incident.absorbedGroupKeys];
}
