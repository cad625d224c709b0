import type { Incident } from '../shared/domain';
import type { HubEvent } from '../shared/events';
import { applyEventsTo } from '../shared/reducer';

// The hub's in-memory picture: the fold of its event log, plus an index from group key to the
// open incident for that group so ingest finds it without a scan. A Map, folded in place, so a
// batch costs O(events) however many incidents the hub holds. Incidents let go of (long resolved)
// are not here: the log folder (store/log-folder.ts) reads one back from the log before an event
// for it is applied, and the read API rebuilds one on demand.

export class HubState {
  private readonly incidentsById = new Map<string, Incident>();
  private readonly openByGroupKey = new Map<string, string>();

  constructor(
    incidents: Iterable<Incident>,
    public seq: number,
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

  /** An incident held in memory (open, or resolved within the retention window). */
  incident(id: string): Incident | undefined {
    return this.incidentsById.get(id);
  }

  /** The incidents these events touch that are not in memory: let go of, or never known. */
  absentFor(events: ReadonlyArray<HubEvent>): string[] {
    const absent = new Set<string>();
    const opened = new Set<string>();
    for (const event of events) {
      // A change belongs to no incident: nothing to bring back for it.
      if (event.type === 'change_recorded') continue;
      if (event.type === 'incident_opened') opened.add(event.incidentId);
      else if (!opened.has(event.incidentId) && !this.incidentsById.has(event.incidentId))
        absent.add(event.incidentId);
    }
    return [...absent];
  }

  /** Takes back an incident rebuilt from the log, before an event for it is applied. */
  adopt(incident: Incident): void {
    this.incidentsById.set(incident.id, incident);
  }

  /**
   * Lets go of incidents resolved before `before`: a hub running for months must not hold every
   * incident it ever saw. The log keeps them; the read API rebuilds one on demand, and the log
   * folder brings one back if something happens to it (a late note, a reopen).
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

  /** Folds committed events in (incidents they touch that were let go of: adopt them first). */
  apply(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    applyEventsTo(this.incidentsById, events);
    this.follow(events);
  }

  /**
   * Folds committed events whose incidents were made already, by the group commit's planning
   * (store/plan-batch.ts), from this very state: the same fold, so the same incidents. Only
   * when nothing was folded since they were made (the caller checks `staged.afterSeq`).
   */
  applyStaged(events: ReadonlyArray<HubEvent>, staged: StagedIncidents): void {
    if (events.length === 0) return;
    if (staged.afterSeq !== this.seq) throw new Error(`staged at seq ${staged.afterSeq}, held ${this.seq}`);
    for (const [id, incident] of staged.incidents) this.incidentsById.set(id, incident);
    this.follow(events);
  }

  /** The open-incident index and seq after `events` have been folded into the incidents. */
  private follow(events: ReadonlyArray<HubEvent>): void {
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

/** Incidents made by folding a batch onto the state as it was at `afterSeq`. */
export interface StagedIncidents {
  readonly afterSeq: number;
  readonly incidents: ReadonlyMap<string, Incident>;
}

/** Every group key whose alerts land on this incident: its own and those of incidents merged into it. */
export function groupKeysOf(incident: Incident): string[] {
  return [incident.groupKey, ...incident.absorbedGroupKeys];
}
