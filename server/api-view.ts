import type { Change } from '../shared/changes/change';
import type { Actor, Alert, Incident } from '../shared/domain';
import type { HubEvent } from '../shared/events';
import { safeLinks } from '../shared/ingest/links/safe-links';

// How incidents look over REST: ISO 8601 times instead of epoch ms, alerts as an array.

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function actorName(actor: Actor | null): string | null {
  if (!actor) return null;
  return actor.kind === 'system' ? 'sitroom' : `${actor.kind}:${actor.id}`;
}

export function incidentSummary(incident: Incident) {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    source: incident.source,
    services: incident.services,
    alertCount: incident.alertCount,
    firingCount: incident.firingCount,
    openedAt: iso(incident.openedAt),
    acknowledgedAt: iso(incident.acknowledgedAt),
    acknowledgedBy: actorName(incident.acknowledgedBy),
    resolvedAt: iso(incident.resolvedAt),
    resolvedBy: actorName(incident.resolvedBy),
    commander: incident.commander,
  };
}

function alertView(alert: Alert) {
  // Links are checked at ingest; again here for alerts recorded before that check existed.
  return {
    ...alert,
    links: safeLinks(alert.links),
    startsAt: iso(alert.startsAt),
    endsAt: iso(alert.endsAt),
  };
}

function timelineEntry(event: HubEvent) {
  const { seq, at, actor, type, incidentId: _incidentId, ...details } = event;
  return { seq, at: iso(at), actor: actorName(actor), type, ...details };
}

/** The incident with its alerts, timeline and the changes before it (newest first). */
export function incidentDetail(
  incident: Incident,
  timeline: ReadonlyArray<HubEvent>,
  changes: ReadonlyArray<Change> = [],
) {
  return {
    ...incidentSummary(incident),
    groupKey: incident.groupKey,
    alerts: Object.values(incident.alerts).map(alertView),
    timeline: timeline.map(timelineEntry),
    changes: changes.map((change) => ({ ...change, at: iso(change.at) })),
  };
}
