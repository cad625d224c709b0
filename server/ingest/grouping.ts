import { ownValue } from '../../shared/dict';
import { type Alert, type Incident, worstSeverity } from '../../shared/domain';
import { EnumViolationError, enumViolation } from '../../shared/event-enums';
import type { NewEvent } from '../../shared/events';
import type { IngestBatch } from './batch';

// Turns one delivery from monitoring into events against the current incidents. Pure: the
// writer calls it inside the group commit with the state as it stands at that moment.
//
// Rules (docs/decisions.md): a group key maps to one open incident; a repeated delivery of an
// alert in the same state adds nothing; when every alert of an incident has resolved and no
// person has acted on it, it resolves itself; once a person is involved, a person resolves it.
// A firing alert for a group whose incident is resolved opens a new incident.

/** Plans the events one delivery causes; an empty array means it changed nothing. */
export function planIngest(
  batch: IngestBatch,
  openIncident: Incident | undefined,
  newIncidentId: () => string,
): NewEvent[] {
  // Each event is written out whole rather than spread from a shared base: a spread copies
  // through a slow path, and this runs for every delivery inside the group commit.
  const at = batch.receivedAt;
  const actor = batch.actor;
  const events: NewEvent[] = [];
  const firing = batch.alerts.filter((alert) => alert.status === 'firing');
  let incident = openIncident;
  let incidentId = incident?.id;

  if (!incidentId) {
    if (firing.length === 0) return []; // resolves or acks for something we never saw open
    incidentId = newIncidentId();
    const severity = firing.map((alert) => alert.severity).reduce(worstSeverity);
    events.push({
      at,
      actor,
      type: 'incident_opened',
      incidentId,
      title: batch.title,
      severity,
      source: batch.source,
      groupKey: batch.groupKey,
    });
    incident = undefined;
  }

  // Only the alerts this delivery names are looked at: a delivery of one alert to an incident of
  // thousands costs one lookup, not a copy of them all. Statuses set earlier in the same delivery
  // win over the incident's (a body may fire and resolve one fingerprint).
  const statusNow = new Map<string, Alert['status']>();
  let firingCount = incident?.firingCount ?? 0;
  let resolvedSomething = false;
  for (const alert of batch.alerts) {
    const known = statusOf(statusNow, incident, alert.fingerprint);
    if (alert.status === 'firing') {
      if (known === 'firing') continue; // a repeat delivery
      events.push({ at, actor, type: 'alert_fired', incidentId, alert });
      statusNow.set(alert.fingerprint, 'firing');
      firingCount += 1;
    } else if (known === 'firing') {
      const endsAt = alert.endsAt ?? batch.receivedAt;
      events.push({ at, actor, type: 'alert_resolved', incidentId, fingerprint: alert.fingerprint, endsAt });
      statusNow.set(alert.fingerprint, 'resolved');
      firingCount -= 1;
      resolvedSomething = true;
    }
  }

  if (batch.acknowledge && incident && incident.acknowledgedAt === null) {
    events.push({ at, actor, type: 'incident_acknowledged', incidentId });
  }

  if (resolvedSomething && firingCount === 0 && !(incident?.humanInvolved ?? false)) {
    events.push({ at, actor, type: 'incident_resolved', incidentId, reason: 'alerts_cleared' });
  }
  // The ingest routes refuse such a batch with a 400 first; this keeps any other caller honest.
  const violation = enumViolation(events);
  if (violation !== null) throw new EnumViolationError(violation);
  return events;
}

/**
 * An alert's status as a delivery sees it: set earlier in the delivery, else the incident's. A
 * function of its own, not a closure: under tsx each named closure costs a defineProperty.
 */
function statusOf(
  statusNow: ReadonlyMap<string, Alert['status']>,
  incident: Incident | undefined,
  fingerprint: string,
): Alert['status'] | undefined {
  return (
    statusNow.get(fingerprint) ?? (incident ? ownValue(incident.alerts, fingerprint)?.status : undefined)
  );
}
