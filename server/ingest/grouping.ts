import { dictOf } from '../../shared/dict';
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
  const base = { at: batch.receivedAt, actor: batch.actor };
  const events: NewEvent[] = [];
  const firing = batch.alerts.filter((alert) => alert.status === 'firing');
  let incident = openIncident;
  let incidentId = incident?.id;

  if (!incidentId) {
    if (firing.length === 0) return []; // resolves or acks for something we never saw open
    incidentId = newIncidentId();
    const severity = firing.map((alert) => alert.severity).reduce(worstSeverity);
    events.push({
      ...base,
      type: 'incident_opened',
      incidentId,
      title: batch.title,
      severity,
      source: batch.source,
      groupKey: batch.groupKey,
    });
    incident = undefined;
  }

  const alerts = dictOf<Alert>(incident?.alerts);
  for (const alert of batch.alerts) {
    const known = alerts[alert.fingerprint];
    if (alert.status === 'firing') {
      if (known?.status === 'firing') continue; // a repeat delivery
      events.push({ ...base, type: 'alert_fired', incidentId, alert });
      alerts[alert.fingerprint] = alert;
    } else if (known?.status === 'firing') {
      const endsAt = alert.endsAt ?? batch.receivedAt;
      events.push({ ...base, type: 'alert_resolved', incidentId, fingerprint: alert.fingerprint, endsAt });
      alerts[alert.fingerprint] = { ...known, status: 'resolved', endsAt };
    }
  }

  if (batch.acknowledge && incident && incident.acknowledgedAt === null) {
    events.push({ ...base, type: 'incident_acknowledged', incidentId });
  }

  const stillFiring = Object.values(alerts).some((alert) => alert.status === 'firing');
  const resolvedSomething = events.some((event) => event.type === 'alert_resolved');
  if (resolvedSomething && !stillFiring && !(incident?.humanInvolved ?? false)) {
    events.push({ ...base, type: 'incident_resolved', incidentId, reason: 'alerts_cleared' });
  }
  // The ingest routes refuse such a batch with a 400 first; this keeps any other caller honest.
  const violation = enumViolation(events);
  if (violation !== null) throw new EnumViolationError(violation);
  return events;
}
