import type { Alert, Incident } from '../../shared/domain';

// Incidents for filter tests: whole ones, as the replica holds them, with alerts carrying labels.

export function alertWith(labels: Record<string, string>, fingerprint = 'f1'): Alert {
  return {
    fingerprint,
    source: 'alertmanager',
    status: 'firing',
    title: 'alert',
    severity: 'sev3',
    service: null,
    labels,
    annotations: {},
    links: [],
    startsAt: 0,
    endsAt: null,
  };
}

export function filterIncident(overrides: Partial<Incident> & { readonly id: string }): Incident {
  return {
    title: `Incident ${overrides.id}`,
    severity: 'sev3',
    status: 'investigating',
    source: 'alertmanager',
    groupKey: overrides.id,
    services: [],
    alerts: {},
    alertCount: 0,
    firingCount: 0,
    openedAt: 1_000,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    commander: null,
    responders: [],
    runbookStepsDone: [],
    mergedInto: null,
    absorbedGroupKeys: [],
    humanInvolved: false,
    notifiedTeams: [],
    escalation: null,
    updatedSeq: 1,
    ...overrides,
  };
}
