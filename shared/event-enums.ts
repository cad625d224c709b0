import { type Alert, isIncidentStatus, isSeverity } from './domain';
import type { NewEvent } from './events';

// The last check before events reach the log: every severity and status they carry is one of
// the enum's values. Types promise it, but the values come from outside text through lookups
// (severity words, config tables), and one `undefined` severity once blanked every wall. The
// ingest and command planners run this on what they plan; a failure refuses the whole plan.

/** Where the first severity or status outside its enum is, e.g. "alerts[0].severity", or null. */
export function enumViolation(events: ReadonlyArray<NewEvent>): string | null {
  for (const event of events) {
    switch (event.type) {
      case 'incident_opened':
      case 'severity_changed':
        if (!isSeverity(event.severity)) return `${event.type}.severity`;
        break;
      case 'status_changed':
        // 'resolved' is the incident_resolved event, never a status_changed.
        if (!isIncidentStatus(event.status) || (event.status as string) === 'resolved')
          return `${event.type}.status`;
        break;
      case 'alert_fired': {
        const problem = alertViolation(event.alert);
        if (problem) return `${event.type}.alert.${problem}`;
        break;
      }
      case 'silence_failed':
        if (event.action !== 'create' && event.action !== 'expire') return `${event.type}.action`;
        break;
      case 'incident_absorbed':
        for (const alert of event.alerts) {
          const problem = alertViolation(alert);
          if (problem) return `${event.type}.alerts.${problem}`;
        }
        break;
      default:
        break;
    }
  }
  return null;
}

/** The field of an alert whose value is outside its enum, or null. */
export function alertViolation(alert: Alert): string | null {
  if (!isSeverity(alert.severity)) return 'severity';
  if (alert.status !== 'firing' && alert.status !== 'resolved') return 'status';
  return null;
}

/** Thrown by a planner whose events would carry a value outside its enum. */
export class EnumViolationError extends Error {
  constructor(readonly field: string) {
    super(`${field} is not one of its allowed values; nothing was stored.`);
  }
}
