import type { Incident } from '../../shared/domain';
import type { ProjectionSource } from '../../shared/feed/projection';

// A replica's picture as a projection reads it, for tests and benchmarks that drive a Projection
// without a replica: these incidents, live, nothing queued. The incidents table is keyed by the
// caller's own ids (test data, never outside data).

export interface IncidentSource extends ProjectionSource {
  readonly state: { readonly seq: number; readonly incidents: Record<string, Incident> };
}

export function projectionSource(incidents: ReadonlyArray<Incident>): IncidentSource {
  const state = {
    seq: 1,
    incidents: Object.fromEntries(incidents.map((incident) => [incident.id, incident])),
  };
  return {
    state,
    incident: (id) => (Object.hasOwn(state.incidents, id) ? state.incidents[id] : undefined),
    outboxState: { pending: [], rejected: [], rejectedDropped: 0 },
    connectionState: { status: 'live', since: 0, lastUpdateAt: null, cached: false },
  };
}
