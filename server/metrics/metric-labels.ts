import { COMMAND_ROLE, REJECTION_CODES } from '../../shared/commands';
import type { AlertSource } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import { CHANNEL_KINDS } from '../../shared/impact/catalog';

// The closed sets metric labels are drawn from. A value outside its set is counted as "other":
// a label never carries a string a sender chose, so nobody can create series by sending words.

/** The ingest endpoints: alerts from Alertmanager or PagerDuty, and change events (deploys…). */
export type IngestSource = 'alertmanager' | 'pagerduty' | 'change';

const SOURCE_SET: Readonly<Record<AlertSource, true>> = { alertmanager: true, pagerduty: true, demo: true };
export const SOURCES: ReadonlyArray<string> = Object.keys(SOURCE_SET);
export const CHANNELS: ReadonlyArray<string> = CHANNEL_KINDS;
export const COMMAND_TYPES: ReadonlyArray<string> = Object.keys(COMMAND_ROLE);
export const COMMAND_OUTCOMES: ReadonlyArray<string> = ['ok', ...REJECTION_CODES, 'error'];

// A Record so that a new event type fails to compile until it is listed here.
const EVENT_TYPE_SET: Readonly<Record<HubEvent['type'], true>> = {
  incident_opened: true,
  alert_fired: true,
  alert_resolved: true,
  incident_acknowledged: true,
  incident_resolved: true,
  commander_assigned: true,
  responder_added: true,
  responder_removed: true,
  severity_changed: true,
  note_added: true,
  status_changed: true,
  incident_reopened: true,
  incident_merged: true,
  incident_absorbed: true,
  runbook_step_completed: true,
  teams_notified: true,
  notification_delivered: true,
  notification_failed: true,
  escalation_started: true,
  escalation_level_paged: true,
  escalation_stopped: true,
  change_recorded: true,
  silence_requested: true,
  silence_created: true,
  silence_expire_requested: true,
  silence_expired: true,
  silence_failed: true,
};
export const EVENT_TYPES: ReadonlyArray<string> = Object.keys(EVENT_TYPE_SET);

/** `value` when it is one of `allowed`, else "other". */
export function closedLabel(value: unknown, allowed: ReadonlyArray<string>): string {
  return typeof value === 'string' && allowed.includes(value) ? value : 'other';
}

/** The ingest endpoint a path is, or null for any other path. */
export function ingestSourceOf(path: string): IngestSource | null {
  if (path === '/api/v1/ingest/alertmanager') return 'alertmanager';
  if (path === '/api/v1/ingest/pagerduty' || path === '/v2/enqueue') return 'pagerduty';
  if (path === '/api/v1/ingest/change' || path === '/v2/change/enqueue') return 'change';
  return null;
}

/** How a delivery was answered, in words an SRE alerts on. */
export function ingestOutcome(status: number): string {
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate_limited';
  if (status === 413) return 'too_large';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'invalid';
  return 'error';
}
