import type { Actor, Alert, Incident } from '../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../shared/events';
import { applyEvents } from '../../../shared/reducer';

// A hand-worked SEV1, folded by the real reducer so exports see what the hub would give them.
//
//   04:23:52Z  opened by integration prom-dc1, two alerts fire
//   +4m12s     alice acknowledges                       → time to acknowledge 252 s
//   +5m        dana takes command; +6m adds bob
//   +10m       dana lowers severity SEV1 → SEV2
//   +12m…      bob adds the hostile notes below, one per event
//   +15m       status investigating → identified; +20m runbook step
//   +50m       both alerts resolve
//   +1h02m03s  dana resolves                            → time to resolve / duration 3723 s

export const T0 = Date.UTC(2026, 10, 27, 4, 23, 52);
export const MINUTE = 60_000;

/** Text an attacker controls (alert titles, notes) and that must come out inert everywhere. */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil","x")',
  '+1+1',
  '@SUM(1)',
  '-2',
  'text with "quotes", commas, CRLF\r\nand a second line',
  '| pipes |',
  'Zoë 🚨 日本語',
  '[click](javascript:alert(1)) `code` *bold* _em_ ~strike~ # \\ &amp;',
] as const;

const prom: Actor = { kind: 'integration', id: 'prom-dc1' };
const user = (id: string): Actor => ({ kind: 'user', id });

export function replicaAlert(fingerprint: string, replica: string, lag: number): Alert {
  return {
    fingerprint,
    source: 'alertmanager',
    status: 'firing',
    title: `Replica ${replica} is ${lag}s behind primary`,
    severity: 'sev1',
    service: 'payments-db',
    labels: { alertname: 'PostgresReplicationLag', service: 'payments-db' },
    annotations: {},
    links: [],
    startsAt: T0,
    endsAt: null,
  };
}

/** Gives planned events their seqs, as the log would. */
export function numberEvents(events: ReadonlyArray<NewEvent>, firstSeq = 1): HubEvent[] {
  return events.map((event, index) => ({ ...event, seq: firstSeq + index }) as HubEvent);
}

export function handWorkedEvents(
  options: { resolved?: boolean; notes?: ReadonlyArray<string> } = {},
): HubEvent[] {
  const base = (at: number, actor: Actor) => ({ incidentId: 'INC-1', at: T0 + at, actor });
  const planned: NewEvent[] = [
    {
      ...base(0, prom),
      type: 'incident_opened',
      title: 'PostgresReplicationLag on payments-db',
      severity: 'sev1',
      source: 'alertmanager',
      groupKey: 'alertmanager:{}',
    },
    { ...base(0, prom), type: 'alert_fired', alert: replicaAlert('pg2', 'pg-2', 312) },
    { ...base(0, prom), type: 'alert_fired', alert: replicaAlert('pg3', 'pg-3', 298) },
    { ...base(252_000, user('alice')), type: 'incident_acknowledged' },
    { ...base(5 * MINUTE, user('dana')), type: 'commander_assigned', userId: 'dana' },
    { ...base(6 * MINUTE, user('dana')), type: 'responder_added', userId: 'bob' },
    { ...base(10 * MINUTE, user('dana')), type: 'severity_changed', severity: 'sev2', previous: 'sev1' },
    ...(options.notes ?? HOSTILE_TEXTS).map(
      (text, index): NewEvent => ({
        ...base(12 * MINUTE + index * 1000, user('bob')),
        type: 'note_added',
        text,
      }),
    ),
    {
      ...base(15 * MINUTE, user('dana')),
      type: 'status_changed',
      status: 'identified',
      previous: 'investigating',
    },
    { ...base(20 * MINUTE, user('bob')), type: 'runbook_step_completed', stepId: 'check-lag' },
    { ...base(50 * MINUTE, prom), type: 'alert_resolved', fingerprint: 'pg2', endsAt: T0 + 50 * MINUTE },
    { ...base(50 * MINUTE, prom), type: 'alert_resolved', fingerprint: 'pg3', endsAt: T0 + 50 * MINUTE },
  ];
  if (options.resolved !== false) {
    planned.push({ ...base(3_723_000, user('dana')), type: 'incident_resolved', reason: 'manual' });
  }
  return numberEvents(planned);
}

/** The incident the reducer folds from `events`. */
export function foldIncident(events: ReadonlyArray<HubEvent>, id = 'INC-1'): Incident {
  const incident = applyEvents({}, events)[id];
  if (!incident) throw new Error(`no ${id} in the fold`);
  return incident;
}

export const NAMES = { dana: 'Dana Reyes', alice: 'Alice Ng' } as const;
