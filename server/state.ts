import type { Incident, IncidentMap } from '../shared/domain';
import type { HubEvent } from '../shared/events';
import { applyEvents } from '../shared/reducer';

// The hub's in-memory picture: the fold of its event log, plus an index from group key to the
// open incident for that group so ingest finds it without a scan.

export class HubState {
  private incidentsById: IncidentMap;
  private readonly openByGroupKey = new Map<string, string>();

  constructor(
    incidents: ReadonlyArray<Incident>,
    public seq: number,
  ) {
    this.incidentsById = Object.fromEntries(incidents.map((incident) => [incident.id, incident]));
    for (const incident of incidents) {
      if (incident.status !== 'resolved') this.openByGroupKey.set(incident.groupKey, incident.id);
    }
  }

  get incidents(): IncidentMap {
    return this.incidentsById;
  }

  incident(id: string): Incident | undefined {
    return this.incidentsById[id];
  }

  openIncidentFor(groupKey: string): Incident | undefined {
    const id = this.openByGroupKey.get(groupKey);
    return id ? this.incidentsById[id] : undefined;
  }

  /** Folds committed events in. */
  apply(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    this.incidentsById = applyEvents(this.incidentsById, events);
    for (const event of events) {
      if (event.type === 'incident_opened') this.openByGroupKey.set(event.groupKey, event.incidentId);
      if (event.type === 'incident_resolved') {
        const incident = this.incidentsById[event.incidentId];
        if (incident && this.openByGroupKey.get(incident.groupKey) === incident.id) {
          this.openByGroupKey.delete(incident.groupKey);
        }
      }
    }
    this.seq = events[events.length - 1]?.seq ?? this.seq;
  }
}
