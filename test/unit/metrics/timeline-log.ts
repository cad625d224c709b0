import type { Actor, Alert, Severity } from '../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../shared/events';
import { type IncidentFacts, incidentFacts } from '../../../shared/metrics/incident-facts';

// Hand-written event logs for the metric tests: each call appends one event with an explicit time,
// numbered as the hub's log would number it, so a test reads like the incident's timeline.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const user = (id: string): Actor => ({ kind: 'user', id });
const prom: Actor = { kind: 'integration', id: 'prom-dc1' };
const hub: Actor = { kind: 'system' };

export interface AlertSpec {
  readonly fingerprint: string;
  readonly service: string | null;
  readonly severity?: Severity;
}

export class TimelineLog {
  readonly events: HubEvent[] = [];
  private readonly alertsOf = new Map<string, Alert[]>();

  /** Opens an incident with its first alerts, all at `at`. */
  open(incidentId: string, at: number, severity: Severity, alerts: ReadonlyArray<AlertSpec>): this {
    this.push({
      type: 'incident_opened',
      incidentId,
      at,
      actor: prom,
      title: `${incidentId} title`,
      severity,
      source: 'alertmanager',
      groupKey: `group-${incidentId}`,
    });
    for (const spec of alerts) this.fire(incidentId, at, { severity, ...spec });
    return this;
  }

  fire(incidentId: string, at: number, spec: AlertSpec): this {
    const alert: Alert = {
      fingerprint: spec.fingerprint,
      source: 'alertmanager',
      status: 'firing',
      title: spec.fingerprint,
      severity: spec.severity ?? 'sev3',
      service: spec.service,
      labels: {},
      annotations: {},
      links: [],
      startsAt: at,
      endsAt: null,
    };
    this.alertsOf.set(incidentId, [...(this.alertsOf.get(incidentId) ?? []), alert]);
    return this.push({ type: 'alert_fired', incidentId, at, actor: prom, alert });
  }

  acknowledge(incidentId: string, at: number, actor: Actor = user('alice')): this {
    return this.push({ type: 'incident_acknowledged', incidentId, at, actor });
  }

  /** A person resolves it (set_status resolved). */
  resolve(incidentId: string, at: number, actor: Actor = user('dana')): this {
    return this.push({ type: 'incident_resolved', incidentId, at, actor, reason: 'manual' });
  }

  /** Every alert cleared and nobody had acted: the hub resolves it. */
  autoResolve(incidentId: string, at: number): this {
    return this.push({ type: 'incident_resolved', incidentId, at, actor: hub, reason: 'alerts_cleared' });
  }

  reopen(incidentId: string, at: number): this {
    return this.push({ type: 'incident_reopened', incidentId, at, actor: user('dana') });
  }

  setSeverity(incidentId: string, at: number, severity: Severity, previous: Severity): this {
    return this.push({ type: 'severity_changed', incidentId, at, actor: user('dana'), severity, previous });
  }

  /** An escalation level paged (by the hub's timer). */
  page(incidentId: string, at: number, level: number, cycle = 0): this {
    return this.push({
      type: 'escalation_level_paged',
      incidentId,
      at,
      actor: hub,
      level,
      cycle,
      targets: ['alice'],
      teams: [],
      dueNext: null,
    });
  }

  /** `from` goes into `into`, which takes over its alerts, as the merge command plans it. */
  merge(from: string, into: string, at: number): this {
    this.push({ type: 'incident_merged', incidentId: from, at, actor: user('dana'), intoIncidentId: into });
    return this.push({
      type: 'incident_absorbed',
      incidentId: into,
      at,
      actor: user('dana'),
      fromIncidentId: from,
      groupKeys: [`group-${from}`],
      alerts: this.alertsOf.get(from) ?? [],
    });
  }

  note(incidentId: string, at: number, text: string): this {
    return this.push({ type: 'note_added', incidentId, at, actor: user('bob'), text });
  }

  /** The events of one incident, oldest first. */
  of(incidentId: string): HubEvent[] {
    return this.events.filter((event) => event.incidentId === incidentId);
  }

  /** The facts of one incident; fails the test when it has none. */
  facts(incidentId: string): IncidentFacts {
    const facts = incidentFacts(this.of(incidentId));
    if (!facts) throw new Error(`${incidentId} has no incident_opened`);
    return facts;
  }

  /** Facts of every incident, in the order they were opened. */
  allFacts(): IncidentFacts[] {
    const ids = this.events
      .filter((event) => event.type === 'incident_opened')
      .map((event) => event.incidentId);
    return ids.map((id) => this.facts(id));
  }

  private push(event: NewEvent): this {
    this.events.push({ ...event, seq: this.events.length + 1 } as HubEvent);
    return this;
  }
}
