import { emptyDict } from '../dict';
import type { Severity } from '../domain';
import type { HubEvent } from '../events';
import { applyEvents } from '../reducer';

// What the statistics need to know about one incident. The shared reducer folds the events, so
// severity, services, alerts, resolution and merges mean here exactly what they mean on the board;
// only what the board does not keep (who acknowledged first among people, how many levels were
// paged) is read from the events directly.

/** One incident's life as the statistics count it. Instants are epoch ms. */
export interface IncidentFacts {
  readonly incidentId: string;
  readonly openedAt: number;
  /**
   * The first acknowledgement by a person, or null. An integration's acknowledgement (a PagerDuty
   * `acknowledge` from a monitoring tool) or the hub's own does not count: time to acknowledge
   * measures how long people took to answer, and docs/decisions.md already says such an
   * acknowledgement "does not count as a person". A person acknowledging later still counts.
   */
  readonly acknowledgedAt: number | null;
  /** When it was resolved for the last time; null while it is open (a reopen clears it). */
  readonly resolvedAt: number | null;
  /** Severity at the end of its life (or now, while open), as the board shows it. */
  readonly severity: Severity;
  /** Services of its alerts, including alerts taken over from incidents merged into it. */
  readonly services: ReadonlyArray<string>;
  /** Distinct alerts (by fingerprint), including those taken over from merged incidents. */
  readonly alerts: number;
  /** Its alerts counted by service; alerts that name no service are in `alerts` only. */
  readonly alertsByService: Readonly<Record<string, number>>;
  /** Escalation levels paged (each escalation_level_paged, by the hub or by an operator's escalate). */
  readonly escalationsPaged: number;
  /** The incident it was merged into, or null; merged incidents are counted in that one instead. */
  readonly mergedInto: string | null;
}

/**
 * Folds the events of ONE incident (oldest first) into its facts; null when they do not include
 * its incident_opened (a log that starts mid-incident has nothing to measure from).
 */
export function incidentFacts(events: ReadonlyArray<HubEvent>): IncidentFacts | null {
  const opened = events.find((event) => event.type === 'incident_opened');
  if (!opened) return null;
  const incident = applyEvents({}, events)[opened.incidentId];
  if (!incident) return null;

  let acknowledgedAt: number | null = null;
  let escalationsPaged = 0;
  for (const event of events) {
    if (event.type === 'incident_acknowledged' && event.actor.kind === 'user' && acknowledgedAt === null) {
      acknowledgedAt = event.at;
    } else if (event.type === 'escalation_level_paged') {
      escalationsPaged += 1;
    }
  }

  const alertsByService = emptyDict<number>();
  for (const fingerprint in incident.alerts) {
    const service = incident.alerts[fingerprint]?.service;
    if (service) alertsByService[service] = (alertsByService[service] ?? 0) + 1;
  }

  return {
    incidentId: incident.id,
    openedAt: incident.openedAt,
    acknowledgedAt,
    resolvedAt: incident.status === 'resolved' ? incident.resolvedAt : null,
    severity: incident.severity,
    services: incident.services,
    alerts: incident.alertCount,
    alertsByService,
    escalationsPaged,
    mergedInto: incident.mergedInto,
  };
}
